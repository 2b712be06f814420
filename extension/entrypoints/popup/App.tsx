import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CachedSummary } from '../../lib/popup-summary';
import type { AlertView, Summary } from '../../lib/protocol';
import { errorText, type Api } from '../../lib/ui/api';
import { ErrorBanner } from '../../lib/ui/Banner';
import { timeAgo } from '../../lib/ui/format';
import { useNow } from '../../lib/ui/use-now';
import { AlertList } from './components/AlertList';
import { CaseFolder, MAX_ROWS } from './components/CaseFolder';
import { CheckNow } from './components/CheckNow';

export type PopupApi = Api<'getSummary' | 'openAlert' | 'markAllRead' | 'checkNow' | 'getProgress'>;

type Props = {
  api: PopupApi;
  /** Milliseconds between progress polls while a check runs. */
  pollMs?: number;
  /** The summary already asked for at startup (main.tsx); the popup asks itself when absent. */
  firstSummary?: Promise<Summary>;
  /**
   * The copy of the first summary the background keeps ready (lib/popup-summary.ts), drawn until
   * the background's own answer replaces it; null when there is none.
   */
  cachedSummary?: Promise<CachedSummary | null>;
  /** Milliseconds of quiet typing before a search is sent to the background. */
  searchDelayMs?: number;
};

/** The popup's summary request: the MAX_ROWS most recent cases, or the first MAX_ROWS matches of `search`. */
export function summaryRequest(search = ''): { search?: string; limit: number } {
  const q = search.trim();
  return q ? { search: q, limit: MAX_ROWS } : { limit: MAX_ROWS };
}

/** The toolbar popup: unread alerts first, then the folder, with "Check now". */
export function App({ api, pollMs = 500, firstSummary, cachedSummary, searchDelayMs = 150 }: Props) {
  const [summary, setSummary] = useState<Summary | null>(null);
  /** The search the shown summary answers ('' for none). */
  const [answered, setAnswered] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** When the shown summary is the background's cached copy: the time it was made; null once the background answered. */
  const [cachedAt, setCachedAt] = useState<number | null>(null);
  const answeredOnce = useRef(false);
  const now = useNow();
  const first = useRef(firstSummary);
  const queryRef = useRef('');
  /** Bumped per request, so a slow answer to an older search never replaces a newer one. */
  const seq = useRef(0);

  const load = useCallback(async () => {
    const search = queryRef.current.trim();
    const pending = (!search && first.current) || api('getSummary', summaryRequest(search));
    first.current = undefined;
    const mine = ++seq.current;
    try {
      const next = await pending;
      if (mine !== seq.current || search !== queryRef.current.trim()) return;
      answeredOnce.current = true;
      setSummary(next);
      setAnswered(search);
      setCachedAt(null);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(errorText(err));
    }
  }, [api]);

  useEffect(() => {
    // The cached copy is drawn only while the background has not answered yet.
    void cachedSummary?.then((cached) => {
      if (!cached || answeredOnce.current) return;
      setSummary(cached.summary);
      setCachedAt(cached.at);
    });
    void load();
  }, [load]);

  // The background searches the whole folder; ask it once typing pauses.
  useEffect(() => {
    queryRef.current = query;
    // Still on the cached copy, any change asks again (the first answer may have been dropped meanwhile).
    if (query.trim() === answered && cachedAt === null) return;
    const timer = setTimeout(() => void load(), searchDelayMs);
    return () => clearTimeout(timer);
  }, [query]);

  const caseNumbers = useMemo(() => new Map(summary?.cases.map((c) => [c.key, c.caseNumber])), [summary?.cases]);

  /** Acted on the cached copy: the answer asked for before the action may predate it; ask again. */
  const refreshIfCached = () => {
    if (cachedAt === null) return;
    seq.current += 1;
    void load();
  };

  const openAlert = async (alert: AlertView) => {
    setBusy(true);
    try {
      await api('openAlert', { id: alert.id });
      setSummary((s) => s && markRead(s, [alert]));
      refreshIfCached();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const markAllRead = async () => {
    setBusy(true);
    try {
      await api('markAllRead', {});
      setSummary((s) => s && { ...s, unread: [], unreadCount: 0, cases: s.cases.map((c) => (c.unread ? { ...c, unread: 0 } : c)) });
      refreshIfCached();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!summary) {
    return <main class="popup">{error ? <ErrorBanner message={`Could not load your cases: ${error}`} /> : <p class="loading">Loading…</p>}</main>;
  }

  return (
    <main class="popup" aria-busy={cachedAt !== null && error === null}>
      <header class="popup__head">
        <h1>Docket Watch</h1>
        <a href="/dashboard.html" target="_blank">
          Open dashboard
        </a>
      </header>
      <ErrorBanner message={error && cachedAt !== null ? `Could not refresh your cases: ${error} Showing them as of ${timeAgo(cachedAt, now)}.` : error} onDismiss={() => setError(null)} />
      <AlertList alerts={summary.unread} onOpen={openAlert} onMarkAllRead={markAllRead} busy={busy} />
      <CheckNow api={api} initial={summary.progress} caseNumbers={caseNumbers} pollMs={pollMs} onFinished={load} />
      <CaseFolder cases={summary.cases} total={summary.caseCount} now={now} query={query} answered={answered} onQuery={setQuery} />
    </main>
  );
}

/** The summary once `alerts` are read: gone from the list, and from their cases' unread counts. */
function markRead(s: Summary, alerts: AlertView[]): Summary {
  const ids = new Set(alerts.map((a) => a.id));
  const perCase = new Map<string, number>();
  for (const a of alerts) perCase.set(a.caseKey, (perCase.get(a.caseKey) ?? 0) + 1);
  return {
    ...s,
    unread: s.unread.filter((a) => !ids.has(a.id)),
    unreadCount: Math.max(0, s.unreadCount - ids.size),
    cases: s.cases.map((c) => (perCase.has(c.key) ? { ...c, unread: Math.max(0, c.unread - (perCase.get(c.key) ?? 0)) } : c)),
  };
}
