import { describe, expect, it } from 'vitest';
import { AppDb } from '../../../../extension/lib/db/app-db';
import { LATEST_VERSION, MIGRATIONS } from '../../../../extension/lib/db/migrations';
import { EXAMPLES } from '../../../../extension/lib/db/migrations/examples';

describe('local database migrations', () => {
  it('has one step per version, numbered 1..latest, each with an example', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    expect(EXAMPLES).toHaveLength(MIGRATIONS.length);
    for (const example of EXAMPLES) {
      for (const rows of Object.values(example)) expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('every store of every version has example rows', () => {
    MIGRATIONS.forEach((step, i) => {
      const stores = Object.entries(step.stores).filter(([, spec]) => spec !== null).map(([name]) => name);
      expect(Object.keys(EXAMPLES[i] ?? {}).sort()).toEqual(stores.sort());
    });
  });

  it.each(MIGRATIONS.map((step) => step.version))('rows written at version %i survive the upgrade to the latest version', async (version) => {
    const name = `migration-${version}-${Math.random()}`;
    const example = EXAMPLES[version - 1] ?? {};
    const old = new AppDb(name, version);
    await old.open();
    for (const [table, rows] of Object.entries(example)) await old.table(table).bulkAdd(rows);
    old.close();

    const latest = new AppDb(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    for (const [table, rows] of Object.entries(example)) {
      expect(await latest.table(table).count()).toBe(rows.length);
    }
    latest.close();
  });

  it('version 2 adds an empty outbox and read-mark table, with sync not yet decided (off until sign-in)', async () => {
    const name = `migration-v2-${Math.random()}`;
    const old = new AppDb(name, 1);
    await old.open();
    for (const [table, rows] of Object.entries(EXAMPLES[0] ?? {})) await old.table(table).bulkAdd(rows);
    old.close();

    const upgraded = new AppDb(name, 2);
    await upgraded.open();
    expect(await upgraded.outbox.count()).toBe(0);
    expect(await upgraded.readMarks.count()).toBe(0);
    expect(await upgraded.meta.get('sync.enabled')).toBeUndefined();
    expect((await upgraded.cases.toArray()).map((c) => c.note)).toEqual(['Hearing prep']);
    upgraded.close();
  });
});
