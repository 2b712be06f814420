import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocketEntry } from '../../../shared/casenet/types';
import { assessRefresh, diffDockets, type DocketDiff } from '../../../shared/diff';
import { entryArb, freshEntry, permutationOf } from './support/docket-arbitrary';

const e = (title: string, patch: Partial<DocketEntry> = {}): DocketEntry => ({
  date: '2024-05-01',
  title,
  text: null,
  filedBy: null,
  onBehalfOf: null,
  scheduledFor: null,
  sequence: null,
  ...patch,
});

const nothingChanged = (d: DocketDiff) => {
  expect(d.added).toEqual([]);
  expect(d.changed).toEqual([]);
  expect(d.removed).toEqual([]);
};

describe('diffDockets', () => {
  it('finds a new entry on top of a newest-first docket', () => {
    const prev = [e('Answer Filed'), e('Petition Filed', { date: '2024-04-01' })];
    const next = [e('Hearing Scheduled', { date: '2024-05-02' }), ...prev];
    const d = diffDockets(prev, next);
    expect(d.added.map((a) => a.entry.title)).toEqual(['Hearing Scheduled']);
    expect(d.added[0]?.fingerprint).toMatch(/^[0-9a-f]{16}:0$/);
    expect(d.unchanged).toBe(2);
    expect(d.changed).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('sees no change when the page flips from newest-first to oldest-first', () => {
    const prev = [e('C', { date: '2024-05-03' }), e('B', { date: '2024-05-02' }), e('A')];
    const d = diffDockets(prev, [...prev].reverse());
    nothingChanged(d);
    expect(d.unchanged).toBe(3);
  });

  it('sees no change between the old page and the new JSON (sequence numbers appear)', () => {
    const old = [e('B', { text: 'second' }), e('A', { text: 'first' })];
    nothingChanged(diffDockets(old, old.map((x, i) => ({ ...x, sequence: 10 - i }))));
  });

  it('reads a clerk correction with the same sequence number as changed', () => {
    const prev = [e('Order', { text: 'Hearing set for 6/1.', sequence: 7 }), e('Petition', { sequence: 1 })];
    const next = [e('Order Amended', { text: 'Hearing set for 6/8.', sequence: 7 }), e('Petition', { sequence: 1 })];
    const d = diffDockets(prev, next);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]?.before.entry.text).toBe('Hearing set for 6/1.');
    expect(d.changed[0]?.after.entry.title).toBe('Order Amended');
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('reads a typo fixed under the same date and title as changed (old pages, no sequence)', () => {
    const prev = [e('Motion', { text: 'Propoosed order' }), e('Motion', { text: 'Other motion' })];
    const next = [e('Motion', { text: 'Proposed order' }), e('Motion', { text: 'Other motion' })];
    const d = diffDockets(prev, next);
    expect(d.changed.map((c) => [c.before.entry.text, c.after.entry.text])).toEqual([['Propoosed order', 'Proposed order']]);
    expect(d.unchanged).toBe(1);
  });

  it('pairs one to one: two corrections and one extra entry under the same title', () => {
    const prev = [e('Motion', { text: 'a' }), e('Motion', { text: 'b' })];
    const next = [e('Motion', { text: 'a2' }), e('Motion', { text: 'b2' }), e('Motion', { text: 'c' })];
    const d = diffDockets(prev, next);
    expect(d.changed).toHaveLength(2);
    expect(d.added).toHaveLength(1);
    expect(d.removed).toEqual([]);
  });

  it('reports a removal when nothing takes its place', () => {
    const prev = [e('B'), e('A', { date: '2024-04-01' })];
    const d = diffDockets(prev, [e('B')]);
    expect(d.removed.map((r) => r.entry.title)).toEqual(['A']);
    expect(d.added).toEqual([]);
  });

  it('counts identical entries: a third identical entry on the same day is one new entry', () => {
    const twin = e('Hearing Held', { text: 'Same text.' });
    const d = diffDockets([twin, twin], [twin, twin, twin]);
    expect(d.added).toHaveLength(1);
    expect(d.unchanged).toBe(2);
    expect(d.changed).toEqual([]);
    expect(diffDockets([twin, twin, twin], [twin, twin]).removed).toHaveLength(1);
  });

  describe('properties', () => {
    it('re-ordering (any permutation, including reversal) or re-fetching never adds, changes or removes', () => {
      fc.assert(
        fc.property(
          fc.array(entryArb, { maxLength: 40 }).chain((es) => fc.tuple(fc.constant(es), permutationOf(es))),
          ([entries, shuffled]) => {
            for (const next of [shuffled, [...entries].reverse(), structuredClone(entries)]) {
              const d = diffDockets(entries, next);
              nothingChanged(d);
              expect(d.unchanged).toBe(entries.length);
            }
          },
        ),
      );
    });

    it('inserting k new entries at random positions yields exactly those k as added', () => {
      fc.assert(
        fc.property(fc.array(entryArb, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (entries, positions) => {
          const next = [...entries];
          const inserted = positions.map((_, id) => freshEntry(id));
          inserted.forEach((fresh, i) => next.splice((positions[i] ?? 0) % (next.length + 1), 0, fresh));
          const d = diffDockets(entries, next);
          expect(d.added.map((a) => a.entry).sort((a, b) => (a.text ?? '').localeCompare(b.text ?? ''))).toEqual(
            [...inserted].sort((a, b) => (a.text ?? '').localeCompare(b.text ?? '')),
          );
          expect(d.changed).toEqual([]);
          expect(d.removed).toEqual([]);
          expect(d.unchanged).toBe(entries.length);
        }),
      );
    });

    it('adding copies of an existing entry counts exactly the copies', () => {
      fc.assert(
        fc.property(fc.array(entryArb, { minLength: 1, maxLength: 20 }), fc.nat(), fc.integer({ min: 1, max: 4 }), (entries, pick, copies) => {
          const twin = entries[pick % entries.length]!;
          const d = diffDockets(entries, [...Array.from({ length: copies }, () => twin), ...entries]);
          expect(d.added).toHaveLength(copies);
          for (const a of d.added) expect(a.entry).toEqual(twin);
          expect(d.removed).toEqual([]);
        }),
      );
    });
  });
});

describe('assessRefresh', () => {
  const docket = (n: number) => Array.from({ length: n }, (_, i) => freshEntry(i, '2024-01-01'));

  it('baselines a case read for the first time: nothing alerts', () => {
    const v = assessRefresh(null, docket(5));
    expect(v).toMatchObject({ ok: true, baseline: true });
    expect(v.ok && v.entries).toHaveLength(5);
    expect(v).not.toHaveProperty('diff');
  });

  it('accepts an ordinary refresh with its diff', () => {
    const prev = docket(3);
    const v = assessRefresh(prev, [freshEntry(99), ...prev]);
    if (!v.ok || v.baseline) throw new Error('expected an accepted diff');
    expect(v.diff.added.map((a) => a.entry.text)).toEqual(['Fresh motion number 99']);
    expect(v.confirmed).toBeNull();
  });

  it('refuses a docket that came back empty, every time', () => {
    const v = assessRefresh(docket(4), []);
    expect(v).toMatchObject({ ok: false, reason: 'empty', token: null });
    expect(!v.ok && v.message).toMatch(/keeping the last good copy/);
    expect(assessRefresh(docket(4), [], { quarantineToken: null }).ok).toBe(false);
  });

  it('lets an empty case stay empty, and gain entries without a burst check', () => {
    expect(assessRefresh([], []).ok).toBe(true);
    expect(assessRefresh([], docket(80)).ok).toBe(true);
  });

  it('refuses a shrunk docket, then accepts it when the next check reads it identically', () => {
    const prev = docket(5);
    const shrunk = prev.slice(0, 3);
    const first = assessRefresh(prev, shrunk);
    if (first.ok) throw new Error('expected a refusal');
    expect(first.reason).toBe('shrunk');
    expect(first.message).toBe('the docket shrank from 5 to 3 entries; keeping the last good copy');
    expect(first.token).toMatch(/^shrunk:[0-9a-f]{16}$/);

    const second = assessRefresh(prev, [...shrunk].reverse(), { quarantineToken: first.token });
    if (!second.ok || second.baseline) throw new Error('expected acceptance');
    expect(second.confirmed).toBe('shrunk');
    expect(second.diff.removed).toHaveLength(2);
  });

  it('does not let a different shrunk docket confirm the first one', () => {
    const prev = docket(5);
    const first = assessRefresh(prev, prev.slice(0, 3));
    const other = assessRefresh(prev, prev.slice(1, 4), { quarantineToken: first.ok ? null : first.token });
    expect(other).toMatchObject({ ok: false, reason: 'shrunk' });
    expect(!other.ok && !first.ok && other.token !== first.token).toBe(true);
  });

  it('refuses a burst of more than 50 new entries on a case that had entries, confirmable the same way', () => {
    const prev = docket(2);
    const next = [...Array.from({ length: 51 }, (_, i) => freshEntry(100 + i, '2024-06-01')), ...prev];
    const first = assessRefresh(prev, next);
    expect(first).toMatchObject({ ok: false, reason: 'burst' });
    expect(assessRefresh(prev, next.slice(1)).ok).toBe(true);
    expect(assessRefresh(prev, next, { burstLimit: 60 }).ok).toBe(true);
    const second = assessRefresh(prev, next, { quarantineToken: first.ok ? null : first.token });
    expect(second).toMatchObject({ ok: true, baseline: false, confirmed: 'burst' });
  });

  it('never alerts on a re-fetch or re-ordering of the last good docket (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 40 }).chain((es) => fc.tuple(fc.constant(es), permutationOf(es))),
        ([entries, shuffled]) => {
          const v = assessRefresh(entries, shuffled);
          if (!v.ok || v.baseline) throw new Error('expected an accepted diff');
          nothingChanged(v.diff);
        },
      ),
    );
  });
});
