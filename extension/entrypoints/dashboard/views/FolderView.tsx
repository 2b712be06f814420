import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CaseSummary } from '../../../lib/protocol';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner } from '../../../lib/ui/Banner';
import { formatCount, plural } from '../../../lib/ui/format';
import { CaseTable } from '../components/CaseTable';
import { FilterBar } from '../components/FilterBar';
import { applyFilter, courtOptions, NO_FILTER, tagOptions, type CaseFilter } from '../filter';

/** Rows drawn at first; "Show more" adds as many again, so big folders stay quick. */
export const PAGE_ROWS = 200;

type Props = {
  api: Api<'listCases'>;
  /** Changes when the folder changed elsewhere on the page (import), to reload it. */
  version: number;
  now: number;
};

/** Every saved or tracked case, with filters, search and sort. */
export function FolderView({ api, version, now }: Props) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<CaseFilter>(NO_FILTER);
  const [limit, setLimit] = useState(PAGE_ROWS);

  useEffect(() => {
    let live = true;
    api('listCases', {}).then(
      (list) => {
        if (!live) return;
        setCases(list);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(errorText(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  const courts = useMemo(() => courtOptions(cases ?? []), [cases]);
  const tags = useMemo(() => tagOptions(cases ?? []), [cases]);
  const shown = useMemo(() => applyFilter(cases ?? [], filter), [cases, filter]);

  const changeFilter = (next: CaseFilter) => {
    setFilter(next);
    setLimit(PAGE_ROWS);
  };

  return (
    <section class="panel" aria-labelledby="folder-heading">
      <h2 id="folder-heading">Your cases{cases ? ` (${formatCount(cases.length)})` : ''}</h2>
      <ErrorBanner message={error && `Could not load your cases: ${error}`} />
      {!cases && !error && <p class="muted">Loading…</p>}
      {cases?.length === 0 && (
        <div class="empty">
          <p>Your folder is empty.</p>
          <p>
            Open a case on Case.net and press <strong>Track</strong> to be told about new docket entries, or <strong>Save</strong> to
            keep it here without checking. You can also import a folder below.
          </p>
        </div>
      )}
      {cases && cases.length > 0 && (
        <>
          <FilterBar filter={filter} courts={courts} tags={tags} onChange={changeFilter} />
          <p class="note" role="status" aria-live="polite">
            {shown.length === cases.length ? `Showing all ${plural(cases.length, 'case')}.` : `${plural(shown.length, 'case')} match.`}
          </p>
          {shown.length > 0 && <CaseTable cases={shown.slice(0, limit)} now={now} />}
          {shown.length > limit && (
            <button type="button" class="button button--plain" onClick={() => setLimit(limit + PAGE_ROWS)}>
              Show more ({formatCount(shown.length - limit)} left)
            </button>
          )}
        </>
      )}
    </section>
  );
}
