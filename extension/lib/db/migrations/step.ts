import type { Transaction } from 'dexie';

/**
 * One schema version of the local database. `stores` is the complete Dexie store spec of that
 * version; `upgrade` rewrites existing rows when the shape changes. Steps never drop user data.
 */
export type MigrationStep = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};
