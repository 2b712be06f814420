import { normalizeText } from './normalize';
import type { DocketEntry } from './types';

/**
 * Docket-entry fingerprints: what "the same entry" means across refreshes, page orders and page
 * generations. STORED DATA DEPENDS ON THESE VALUES: changing `hash64`, `entryContent` or the
 * fingerprint format re-keys every stored entry (a flood of "new" and "removed" entries).
 * The golden values in tests/unit/shared/casenet/fingerprint.test.ts guard against that.
 */

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/**
 * A stable, synchronous 64-bit string hash (cyrb53's two 32-bit lanes, both kept) as 16 hex
 * digits. Not cryptographic; it only has to tell docket entries apart. Works on UTF-16 code units,
 * identically in every JS context.
 */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(h2) + hex8(h1);
}

/**
 * The content that identifies an entry: date, title, text, filed by, on behalf of, scheduled
 * for, whitespace collapsed, case kept. `sequence` is left out, so old and new pages agree.
 */
export function entryContent(e: DocketEntry): string {
  return JSON.stringify([e.date.trim(), normalizeText(e.title), normalizeText(e.text), normalizeText(e.filedBy), normalizeText(e.onBehalfOf), normalizeText(e.scheduledFor)]);
}

/**
 * One fingerprint per entry, same order as given: `<content hash>:<k>`, where k counts earlier
 * entries with identical content. Identical entries are interchangeable, so the set of
 * fingerprints does not depend on page order (newest-first or oldest-first), and a docket's
 * fingerprints are unique within it.
 */
export function fingerprintEntries(entries: readonly DocketEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const hash = hash64(entryContent(e));
    const k = seen.get(hash) ?? 0;
    seen.set(hash, k + 1);
    return `${hash}:${k}`;
  });
}
