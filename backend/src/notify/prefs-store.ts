import { z } from 'zod';
import { DEFAULT_PREFS, E164, NotificationPrefs } from '../../../shared/api/prefs';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';

/**
 * A user's notification settings in `notification_prefs` (one JSON document per user): the settings
 * the API shows, the confirmed phone, and the pending phone challenge (its code only as an HMAC).
 * No row = the defaults of a new account. Every query is scoped by user id.
 */
const PhoneChallenge = z.object({
  id: z.string(),
  phone: E164,
  codeHash: z.string(),
  attempts: z.number().int(),
  expiresAt: z.number(),
});
export type PhoneChallenge = z.infer<typeof PhoneChallenge>;

const ConfirmedPhone = z.object({ number: E164, confirmedAt: z.number() });

export type StoredPrefs = {
  prefs: NotificationPrefs;
  phone: z.infer<typeof ConfirmedPhone> | null;
  challenge: PhoneChallenge | null;
};

const fresh = (): StoredPrefs => ({ prefs: structuredClone(DEFAULT_PREFS), phone: null, challenge: null });

/** The defaults, shared by every reader that only reads (never handed to `update`): frozen, so a write would throw. */
const SHARED_DEFAULTS: Readonly<StoredPrefs> = deepFreeze(fresh());

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The settings stored as `text` (a `notification_prefs.prefs` value; null when none is saved), to
 * read only: a user without settings gets the shared frozen defaults (a fan-out to thousands of
 * such users copies nothing).
 */
export function readOnlyPrefs(text: string | null): Readonly<StoredPrefs> {
  return text === null ? SHARED_DEFAULTS : parseStored(text);
}

/** Each part parsed on its own: a part that no longer fits the schema falls back alone, the rest is kept. */
function parseStored(text: string): StoredPrefs {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return fresh();
  }
  const prefs = NotificationPrefs.safeParse(raw['prefs']);
  const phone = ConfirmedPhone.safeParse(raw['phone']);
  const challenge = PhoneChallenge.safeParse(raw['challenge']);
  return {
    prefs: prefs.success ? prefs.data : structuredClone(DEFAULT_PREFS),
    phone: phone.success ? phone.data : null,
    challenge: challenge.success ? challenge.data : null,
  };
}

export class PrefsStore {
  private readonly readStmt;
  private readonly writeStmt;

  constructor(private readonly db: Db) {
    this.readStmt = db.prepare('SELECT prefs FROM notification_prefs WHERE user_id = ?');
    this.writeStmt = db.prepare(
      `INSERT INTO notification_prefs (user_id, prefs, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
    );
  }

  get(userId: string): StoredPrefs {
    const row = this.readStmt.get(userId) as { prefs: string } | undefined;
    return row ? parseStored(row.prefs) : fresh();
  }

  /** Read, change and write back in one transaction (joins the caller's). */
  update<T>(userId: string, now: number, change: (stored: StoredPrefs) => T): T {
    return inTransaction(this.db, () => {
      const stored = this.get(userId);
      const result = change(stored);
      this.writeStmt.run(userId, JSON.stringify(stored), now);
      return result;
    });
  }
}
