import { useMemo, useState } from 'preact/hooks';
import type { CaseSummary } from '../../../lib/protocol';
import { CaseBadge, UnreadCount } from '../../../lib/ui/CaseBadge';
import { captionOf, formatCount } from '../../../lib/ui/format';
import { caseDetailHref, filterBySearch } from '../../../lib/ui/search';
import { StatusLine } from '../../../lib/ui/StatusLine';

/** At most this many rows are drawn, so a folder of thousands still opens at once. */
export const MAX_ROWS = 100;

type Props = { cases: CaseSummary[]; total: number; now: number };

/** The folder: a search box and one row per case (capped at MAX_ROWS). */
export function CaseFolder({ cases, total, now }: Props) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => filterBySearch(cases, query), [cases, query]);
  const searching = query.trim() !== '';
  const shownOf = searching ? matches.length : Math.max(total, cases.length);
  const rows = matches.slice(0, MAX_ROWS);

  if (shownOf === 0 && !searching) {
    return (
      <section class="folder" aria-labelledby="folder-heading">
        <h2 id="folder-heading">Your cases</h2>
        <div class="empty">
          <p>Your folder is empty.</p>
          <p>
            Open a case on Case.net and press <strong>Track</strong> to be told about new docket entries, or{' '}
            <strong>Save</strong> to keep it here without checking.
          </p>
        </div>
      </section>
    );
  }

  return (
    <section class="folder" aria-labelledby="folder-heading">
      <h2 id="folder-heading">Your cases ({formatCount(Math.max(total, cases.length))})</h2>
      <label class="visually-hidden" for="case-search">
        Search cases
      </label>
      <input
        id="case-search"
        class="search"
        type="search"
        placeholder="Search by number, caption, tag, note"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {rows.length < shownOf && (
        <p class="note">
          showing {formatCount(rows.length)} of {formatCount(shownOf)} — refine the search
        </p>
      )}
      {searching && rows.length === 0 && <p class="note">No case matches “{query.trim()}”.</p>}
      <ul class="case-list">
        {rows.map((c) => (
          <li key={c.key} class="case-row">
            <span class="case-row__top">
              <a class="case-number" href={caseDetailHref(c.key)} target="_blank">
                {c.caseNumber}
              </a>
              <CaseBadge c={c} />
              <UnreadCount n={c.unread} />
            </span>
            <span class="case-row__caption">{captionOf(c)}</span>
            <StatusLine c={c} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}
