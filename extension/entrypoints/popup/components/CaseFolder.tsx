import { useMemo } from 'preact/hooks';
import { POPUP_ROWS } from '../../../lib/popup-summary';
import type { CaseSummary } from '../../../lib/protocol';
import { CaseBadge, UnreadCount } from '../../../lib/ui/CaseBadge';
import { captionOf, formatCount } from '../../../lib/ui/format';
import { caseDetailHref, filterBySearch } from '../../../lib/ui/search';
import { StatusLine } from '../../../lib/ui/StatusLine';

/** At most this many cases are asked for and drawn, so a folder of thousands still opens at once. */
export const MAX_ROWS = POPUP_ROWS;

type Props = {
  /** The most recent cases, or the background's matches for `answered`. */
  cases: CaseSummary[];
  /** Cases in the whole folder. */
  total: number;
  now: number;
  /** The search box's text. */
  query: string;
  /** The (trimmed) search `cases` answers; '' for the most recent cases. */
  answered: string;
  onQuery: (query: string) => void;
};

/** The folder: a search box (searched by the background) and one row per case (at most MAX_ROWS). */
export function CaseFolder({ cases, total, now, query, answered, onQuery }: Props) {
  // Narrow what is shown at once while the background's answer for a new query is on its way.
  const matches = useMemo(() => filterBySearch(cases, query), [cases, query]);
  const searching = query.trim() !== '';
  const settled = query.trim() === answered;
  const rows = matches.slice(0, MAX_ROWS);
  const folderSize = Math.max(total, cases.length);

  if (folderSize === 0 && !searching) {
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
      <h2 id="folder-heading">Your cases ({formatCount(folderSize)})</h2>
      <label class="visually-hidden" for="case-search">
        Search cases
      </label>
      <input
        id="case-search"
        class="search"
        type="search"
        placeholder="Search by number, caption, tag, note"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      {!searching && rows.length < folderSize && (
        <p class="note">
          showing {formatCount(rows.length)} of {formatCount(folderSize)} — <DashboardLink /> for all
        </p>
      )}
      {searching && settled && rows.length >= MAX_ROWS && (
        <p class="note">
          showing the first {formatCount(rows.length)} matches — refine the search or <DashboardLink /> for all
        </p>
      )}
      {searching && settled && rows.length === 0 && <p class="note">No case matches “{query.trim()}”.</p>}
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

function DashboardLink() {
  return (
    <a href="/dashboard.html" target="_blank">
      open the dashboard
    </a>
  );
}
