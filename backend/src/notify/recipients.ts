import type { Db } from '../db/connection';

/** Where a user's email goes: their verified account address (better-auth's `user` table), or nowhere. */
export class Recipients {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare('SELECT email, emailVerified FROM user WHERE id = ?');
  }

  exists(userId: string): boolean {
    return this.stmt.get(userId) !== undefined;
  }

  verifiedEmail(userId: string): string | null {
    const row = this.stmt.get(userId) as { email: string; emailVerified: number } | undefined;
    return row && Number(row.emailVerified) === 1 ? row.email : null;
  }
}
