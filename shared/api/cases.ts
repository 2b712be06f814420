import { z } from 'zod';
import { CaseSource } from '../casenet/types';

/**
 * A case in a user's server-side folder, as `GET/PUT /api/v1/cases` carry it. The key in the URL is
 * the case key (`CT22|22SL-CC00807`, URL-encoded) and must match `courtId` + `caseNumber`.
 */
/**
 * Text a user writes (caption, note, tag). libsql reads a text back only up to a NUL and stores an
 * unpaired surrogate as U+FFFD, so such text would come back other than it was sent: refused.
 */
export const StorableText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((t) => !t.includes('\u0000') && !/\p{Cs}/u.test(t), 'must not contain NUL characters or unpaired surrogates');

export const CaseTag = StorableText(50).pipe(z.string().trim().min(1));

export const CasePut = z.strictObject({
  courtId: z.string().min(2).max(30),
  caseNumber: z.string().min(5).max(30),
  caption: StorableText(500).nullable().optional(),
  saved: z.boolean(),
  tracked: z.boolean(),
  note: StorableText(10_000).optional(),
  tags: z.array(CaseTag).max(50).optional(),
});
export type CasePut = z.infer<typeof CasePut>;

/** A case as it belongs to the user (not its docket, not its check state): what sync carries. */
export const SyncedCase = z.object({
  courtId: z.string(),
  caseNumber: z.string(),
  caption: z.string().nullable(),
  saved: z.boolean(),
  tracked: z.boolean(),
  note: z.string(),
  tags: z.array(z.string()),
  source: CaseSource.nullable(),
});
export type SyncedCase = z.infer<typeof SyncedCase>;

/** A case as `GET /api/v1/cases` lists it. */
export const CaseRecord = SyncedCase.omit({ source: true }).extend({ key: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type CaseRecord = z.infer<typeof CaseRecord>;
