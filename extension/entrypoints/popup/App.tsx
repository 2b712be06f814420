import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AlertView, Summary } from '../../lib/protocol';
import { errorText, type Api } from '../../lib/ui/api';
import { ErrorBanner } from '../../lib/ui/Banner';
import { useNow } from '../../lib/ui/use-now';
import { AlertList } from './components/AlertList';
import { CaseFolder } from './components/CaseFolder';
import { CheckNow } from './components/CheckNow';

export type PopupApi = Api<'getSummary' | 'openAlert' | 'markAllRead' | 'checkNow' | 'getProgress'>;

type Props = {
  api: PopupApi;
  /** Milliseconds between progress polls while a check runs. */
  pollMs?: number;
  /** The summary already asked for at startup (main.tsx); the popup asks itself when absent. */
  firstSummary?: Promise<Summary>;
};

/** The toolbar popup: unread alerts first, then the folder, with "Check now". */
export function App({ api, pollMs = 500, firstSummary }: Props) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const first = useRef(firstSummary);

  const load = useCallback(async () => {
    const pending = first.current ?? api('getSummary', {});
    first.current = undefined;
    try {
      setSummary(await pending);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const caseNumbers = useMemo(() => new Map(summary?.cases.map((c) => [c.key, c.caseNumber])), [summary?.cases]);

  const openAlert = async (alert: AlertView) => {
    setBusy(true);
    try {
      await api('openAlert', { id: alert.id });
      setSummary((s) => s && markRead(s, [alert]));
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
    <main class="popup">
      <header class="popup__head">
        <h1>Docket Watch</h1>
        <a href="/dashboard.html" target="_blank">
          Open dashboard
        </a>
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <AlertList alerts={summary.unread} onOpen={openAlert} onMarkAllRead={markAllRead} busy={busy} />
      <CheckNow api={api} initial={summary.progress} caseNumbers={caseNumbers} pollMs={pollMs} onFinished={load} />
      <CaseFolder cases={summary.cases} total={summary.caseCount} now={now} />
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
