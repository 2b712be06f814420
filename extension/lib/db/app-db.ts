import Dexie, { type EntityTable, type Table } from 'dexie';
import { MIGRATIONS } from './migrations';
import type { AlertRow } from './tables/alert-row';
import type { CaseRow } from './tables/case-row';
import type { EntryRow } from './tables/entry-row';
import type { MetaRow } from './tables/meta-row';
import type { OutboxRow } from './tables/outbox-row';
import type { ReadMarkRow } from './tables/read-mark-row';

/** The local case folder. Only the background service worker opens it. */
export class AppDb extends Dexie {
  cases!: EntityTable<CaseRow, 'key'>;
  entries!: Table<EntryRow, [string, string]>;
  alerts!: EntityTable<AlertRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  readMarks!: EntityTable<ReadMarkRow, 'alertId'>;

  /** `upTo` opens an older schema version (migration tests only). */
  constructor(name: string, upTo: number = MIGRATIONS.length) {
    super(name);
    for (const step of MIGRATIONS.slice(0, upTo)) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
