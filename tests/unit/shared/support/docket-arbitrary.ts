import fc from 'fast-check';
import type { DocketEntry } from '../../../../shared/casenet/types';

/** A docket entry as a parser hands it over (normalised), from small pools so duplicates happen. */
export const entryArb: fc.Arbitrary<DocketEntry> = fc.record({
  date: fc.constantFrom('2024-01-02', '2024-01-03', '2024-02-29', '2025-12-31'),
  title: fc.constantFrom('Filing:', 'Hearing Scheduled', 'Notice to Take Deposition', 'Judgment Entered', 'Order'),
  text: fc.option(fc.constantFrom('Continued by agreement.', "Defendant's motion granted.", 'Electronic Filing Certificate of Service.'), { nil: null }),
  filedBy: fc.option(fc.constantFrom('RICHARD ANDREW BARRY III', 'JANE DOE'), { nil: null }),
  onBehalfOf: fc.option(fc.constantFrom('LEIGH BRITT, STORMY BRITT', 'STATE OF MISSOURI'), { nil: null }),
  scheduledFor: fc.option(fc.constantFrom('04/10/2015; 1:30 PM ; JUDGE; Boone'), { nil: null }),
  sequence: fc.constant(null),
});

/** An entry unlike any `entryArb` makes (its text is unique to `id`). */
export const freshEntry = (id: number, date = '2024-03-01'): DocketEntry => ({
  date,
  title: 'Motion Filed',
  text: `Fresh motion number ${id}`,
  filedBy: null,
  onBehalfOf: null,
  scheduledFor: null,
  sequence: null,
});

/** Some permutation of `items` (fast-check picks it). */
export const permutationOf = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items.map((item, i) => ({ item, key: keys[i] ?? 0, i })).sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.item),
  );
