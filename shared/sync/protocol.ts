import { z } from 'zod';
import { CaseTag, StorableText, SyncedCase } from '../api/cases';
import { CaseKey } from '../casenet/key';
import { CaseSource } from '../casenet/types';

/**
 * The sync protocol between the extension and the backend (README "Sync").
 *
 * Push: a client sends its not-yet-acknowledged mutations, numbered 1, 2, 3… per client. The server
 * applies each at most once, in order, in one transaction: an id it has seen is skipped, a gap is
 * refused (409 MUTATION_GAP with the last id it has, so the client resends from there).
 * Pull: everything that changed since the client's cursor (the user's server-side version), case
 * removals as tombstones, alerts the server raised, plus the last applied mutation id of each of
 * the user's clients.
 *
 * Merge rules (applied by the server in arrival order): each field is last-writer-wins by arrival;
 * a removal wins over edits (note, tags, flags) that arrive after it; only an explicit save or track
 * (`putCase`) brings a removed case back.
 */

export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id is 8–64 letters, digits, - or _');
/** What an alert is about: a new, corrected or removed docket entry, or a coming hearing (a reminder). */
export const AlertKind = z.enum(['new', 'changed', 'removed', 'hearing']);
export type AlertKind = z.infer<typeof AlertKind>;
/** An alert is named the same in every browser and on the server: `caseKey|fingerprint|kind`. */
export const AlertId = z.string().min(5).max(200).regex(/^[^|]+\|[^|]+\|[^|]+\|(new|changed|removed|hearing)$/, 'not an alert id');
export const alertId = (caseKey: string, fingerprint: string, kind: AlertKind): string => `${caseKey}|${fingerprint}|${kind}`;

const Note = StorableText(10_000);
const Tags = z.array(CaseTag).max(50);

export const SyncOps = {
  /** Save or Track pressed: creates the case, or revives a removed one. Note and tags are kept. */
  putCase: z.strictObject({
    key: CaseKey,
    courtId: z.string().min(2).max(30),
    caseNumber: z.string().min(5).max(30),
    caption: StorableText(500).nullable(),
    saved: z.boolean(),
    tracked: z.boolean(),
    source: CaseSource.nullable(),
  }),
  /** Stop tracking / un-save without removing; ignored for a removed case. */
  setFlags: z.strictObject({ key: CaseKey, saved: z.boolean().optional(), tracked: z.boolean().optional() }),
  setNote: z.strictObject({ key: CaseKey, note: Note }),
  setTags: z.strictObject({ key: CaseKey, tags: Tags }),
  removeCase: z.strictObject({ key: CaseKey }),
  markRead: z.strictObject({ alertId: AlertId, readAt: z.number().int().min(0) }),
  /** The extension's settings object, opaque to the server (≤ 10 kB; the extension validates it). */
  setSettings: z.strictObject({ settings: z.record(z.string().max(100), z.unknown()) }).refine((a) => JSON.stringify(a.settings).length <= 10_000, 'settings over 10 kB'),
} as const;
export type SyncOpName = keyof typeof SyncOps;

const mutation = <N extends SyncOpName>(op: N) => z.strictObject({ id: z.number().int().min(1), op: z.literal(op), args: SyncOps[op] });
export const Mutation = z.discriminatedUnion('op', [
  mutation('putCase'),
  mutation('setFlags'),
  mutation('setNote'),
  mutation('setTags'),
  mutation('removeCase'),
  mutation('markRead'),
  mutation('setSettings'),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationInput = { [N in SyncOpName]: { op: N; args: z.infer<(typeof SyncOps)[N]> } }[SyncOpName];

export const MAX_MUTATIONS_PER_PUSH = 500;

export const PushRequest = z.strictObject({
  clientId: ClientId,
  mutations: z
    .array(Mutation)
    .max(MAX_MUTATIONS_PER_PUSH)
    .refine((ms) => ms.every((m, i) => i === 0 || m.id === (ms[i - 1]?.id ?? 0) + 1), 'mutation ids must be consecutive and increasing'),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  lastMutationId: z.number().int(),
  /** Mutations applied as no-ops because a bound refused them (e.g. the 20,000-case limit). */
  rejected: z.array(z.object({ id: z.number().int(), code: z.string(), message: z.string() })),
});
export type PushResponse = z.infer<typeof PushResponse>;

export { SyncedCase } from '../api/cases';

export const Change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('case'), key: z.string(), version: z.number().int(), value: SyncedCase }),
  /** A tombstone: the case was removed. */
  z.object({ type: z.literal('caseRemoved'), key: z.string(), version: z.number().int() }),
  z.object({ type: z.literal('read'), alertId: z.string(), version: z.number().int(), readAt: z.number().int() }),
  z.object({ type: z.literal('settings'), version: z.number().int(), value: z.record(z.string(), z.unknown()) }),
  /**
   * An alert the server raised (its own read, a snapshot from one of the user's browsers, a hearing
   * reminder): every browser stores it once under `alertId`. `notify`: the user has browser
   * notifications on for it. `scheduledFor` is the entry's "Scheduled For" text (a hearing's date).
   */
  z.object({
    type: z.literal('alert'),
    alertId: z.string(),
    version: z.number().int(),
    caseKey: z.string(),
    fingerprint: z.string(),
    kind: AlertKind,
    date: z.string(),
    title: z.string(),
    scheduledFor: z.string().nullable(),
    createdAt: z.number().int(),
    origin: z.enum(['server', 'browser']),
    notify: z.boolean(),
  }),
]);
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  /** Pass back as `cursor` next time. */
  cursor: z.number().int(),
  /** More changes wait: pull again at once with the new cursor. */
  more: z.boolean(),
  changes: z.array(Change),
  lastMutationIds: z.record(z.string(), z.number().int()),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PULL_PAGE = 5_000;
