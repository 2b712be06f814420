import { z } from 'zod';
import { DocketEntry } from '../casenet/types';

/**
 * Bodies of the server-side watching routes (`/api/v1/cases/:key/snapshot`, `/check`,
 * `/api/v1/watch`), shared by the backend (validation, OpenAPI) and the extension (reading answers).
 */

/** A docket the caller's browser read; it may only alert the caller. */
export const SnapshotBody = z.strictObject({ entries: z.array(DocketEntry).max(10_000), fetchedAt: z.number().int().min(0).optional() });

/** How the server judged a snapshot (accepted, or quarantined with the reason in `message`). */
export const SnapshotResult = z.object({ accepted: z.boolean(), message: z.string(), alerts: z.number().int() });

/** One check of a case on Case.net by the server, asked for by the user. */
export const CheckResult = z.object({ ok: z.boolean(), message: z.string(), alerts: z.number().int() });

/** The server's last read of one of the caller's tracked cases; times are ISO 8601, null when not yet. */
const CaseCheckState = z.object({
  key: z.string(),
  lastCheckedAt: z.iso.datetime().nullable(),
  /** Why the last read was not accepted, in plain words; null after a good read. */
  lastError: z.string().nullable(),
  nextCheckAt: z.iso.datetime().nullable(),
});

/** `GET /api/v1/watch`: whether this server reads Case.net at all, and its state for each tracked case of the caller. */
export const WatchState = z.object({ watching: z.boolean(), cases: z.array(CaseCheckState) });
export type WatchState = z.infer<typeof WatchState>;
