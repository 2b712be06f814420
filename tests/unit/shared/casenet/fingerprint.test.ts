import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryContent, fingerprintEntries, hash64 } from '../../../../shared/casenet/fingerprint';
import type { DocketEntry } from '../../../../shared/casenet/types';
import { entryArb, permutationOf } from '../support/docket-arbitrary';

const realDocket: DocketEntry[] = (
  JSON.parse(readFileSync(new URL('../../../fixtures/casenet/docket/old-docket-14BA-CV01093.html.expected.json', import.meta.url), 'utf8')) as { entries: Omit<DocketEntry, 'sequence'>[] }
).entries.map((e) => ({ ...e, sequence: null }));

const entry: DocketEntry = {
  date: '2015-03-04',
  title: 'Notice to Take Deposition',
  text: 'Notice to Take Deposition - Cathy Scroggs; Electronic Filing Certificate of Service.',
  filedBy: 'RICHARD ANDREW BARRY III',
  onBehalfOf: null,
  scheduledFor: null,
  sequence: null,
};

const sorted = (xs: string[]) => [...xs].sort();

describe('hash64', () => {
  it('is 16 hex digits and pinned: stored fingerprints depend on these exact values', () => {
    expect(hash64('')).toBe('488bdcb81aee8d83');
    expect(hash64('a')).toBe('501c2ba782c97901');
    expect(hash64('Docket Watch')).toBe('fb5ea1cfc444129e');
    expect(fingerprintEntries([entry, entry])).toEqual(['545b73e738b5ea31:0', '545b73e738b5ea31:1']);
  });

  it('tells apart strings that differ by one character (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (s, at, delta) => {
        if (s.length === 0) return;
        const i = at % s.length;
        const t = s.slice(0, i) + String.fromCharCode((s.charCodeAt(i) + delta) % 0x10000) + s.slice(i + 1);
        expect(hash64(t)).not.toBe(hash64(s));
        expect(hash64(s)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
  });
});

describe('entryContent', () => {
  it('collapses whitespace but keeps case', () => {
    const spaced = { ...entry, text: '  Notice to Take   Deposition -\nCathy Scroggs;\u00a0Electronic Filing Certificate of Service. ' };
    expect(entryContent(spaced)).toBe(entryContent(entry));
    expect(entryContent({ ...entry, title: entry.title.toUpperCase() })).not.toBe(entryContent(entry));
  });

  it('leaves the sequence number out, so old and new pages agree', () => {
    expect(fingerprintEntries([{ ...entry, sequence: 60 }])).toEqual(fingerprintEntries([entry]));
  });

  it('counts every field: a change in any of them is a different entry', () => {
    const base = entryContent(entry);
    for (const patch of [{ date: '2015-03-05' }, { title: 'Notice' }, { text: null }, { filedBy: 'JANE DOE' }, { onBehalfOf: 'X' }, { scheduledFor: 'Y' }]) {
      expect(entryContent({ ...entry, ...patch })).not.toBe(base);
    }
  });

  it('does not confuse a value moving between fields', () => {
    expect(entryContent({ ...entry, filedBy: null, onBehalfOf: 'RICHARD ANDREW BARRY III' })).not.toBe(entryContent(entry));
  });
});

describe('fingerprintEntries', () => {
  it('gives the real 32-entry docket distinct fingerprints, the same set newest-first or oldest-first', () => {
    const prints = fingerprintEntries(realDocket);
    expect(realDocket).toHaveLength(32);
    expect(new Set(prints).size).toBe(32);
    expect(sorted(fingerprintEntries([...realDocket].reverse()))).toEqual(sorted(prints));
  });

  it('numbers identical entries 0, 1, 2 in any order', () => {
    const other = { ...entry, title: 'Order' };
    const prints = fingerprintEntries([entry, other, entry, entry]);
    const hash = prints[0]!.split(':')[0];
    expect(prints.filter((p) => p.startsWith(`${hash}:`)).sort()).toEqual([`${hash}:0`, `${hash}:1`, `${hash}:2`]);
  });

  it('yields the same multiset of fingerprints for any permutation (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 30 }).chain((es) => fc.tuple(fc.constant(es), permutationOf(es))),
        ([entries, shuffled]) => {
          const prints = fingerprintEntries(entries);
          expect(new Set(prints).size).toBe(entries.length);
          expect(sorted(fingerprintEntries(shuffled))).toEqual(sorted(prints));
        },
      ),
    );
  });

  it('is deterministic: re-fingerprinting copies gives the same values', () => {
    expect(fingerprintEntries(structuredClone(realDocket))).toEqual(fingerprintEntries(realDocket));
  });
});
