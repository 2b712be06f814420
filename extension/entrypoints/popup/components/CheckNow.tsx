import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckProgress } from '../../../lib/protocol';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../lib/ui/Banner';
import { formatCount, plural } from '../../../lib/ui/format';

type Props = {
  api: Api<'checkNow' | 'getProgress'>;
  /** The progress the summary reported; a check already running is followed at once. */
  initial: CheckProgress;
  /** Case number of each key, to name results. */
  caseNumbers: Map<string, string>;
  pollMs: number;
  /** Called once a check this popup followed has finished (to refresh the summary). */
  onFinished: () => void;
};

const MAX_RESULTS = 100;

/** The "Check now" button, live progress while running, then the result per case. */
export function CheckNow({ api, initial, caseNumbers, pollMs, onFinished }: Props) {
  const [progress, setProgress] = useState<CheckProgress | null>(initial.running ? initial : null);
  const [error, setError] = useState<string | null>(null);
  /** Between the click and the background's answer: the button is already off (no double start). */
  const [starting, setStarting] = useState(false);
  const following = useRef(initial.running);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!progress?.running) {
      if (following.current) {
        following.current = false;
        finished.current();
      }
      return;
    }
    const timer = setTimeout(() => {
      api('getProgress', {}).then(setProgress, (err: unknown) => {
        following.current = false;
        setError(errorText(err));
        setProgress(null);
      });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [progress, api, pollMs]);

  // A newer summary (the background's answer after a cached copy, or a refresh) says a check is
  // running that this popup does not follow yet: follow it.
  useEffect(() => {
    if (initial.running && !following.current) {
      following.current = true;
      setProgress(initial);
    }
  }, [initial]);

  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      following.current = true;
      setProgress(await api('checkNow', {}));
    } catch (err) {
      following.current = false;
      setError(errorText(err));
    } finally {
      setStarting(false);
    }
  };

  const running = progress?.running ?? false;
  return (
    <div class="check-now">
      <button type="button" class="button" onClick={start} disabled={running || starting}>
        Check now
      </button>
      <StatusNote>{progress && progressText(progress)}</StatusNote>
      <ErrorBanner message={error} />
      {progress && !running && progress.results.length > 0 && <Results progress={progress} caseNumbers={caseNumbers} />}
    </div>
  );
}

function progressText(p: CheckProgress): string {
  if (p.running) return `checking ${formatCount(Math.min(p.done + 1, p.total))} of ${formatCount(p.total)}`;
  if (p.total === 0 && p.results.length === 0) return 'No tracked cases to check.';
  const failed = p.results.filter((r) => !r.ok).length;
  const checked = `Checked ${plural(p.results.length, 'case')}`;
  return failed === 0 ? `${checked}: all ok.` : `${checked}: ${formatCount(p.results.length - failed)} ok, ${formatCount(failed)} could not be read.`;
}

function Results({ progress, caseNumbers }: { progress: CheckProgress; caseNumbers: Map<string, string> }) {
  // Problems first: they are what the user has to act on.
  const sorted = [...progress.results].sort((a, b) => Number(a.ok) - Number(b.ok));
  const shown = sorted.slice(0, MAX_RESULTS);
  return (
    <ul class="results" aria-label="Check results">
      {shown.map((r) => (
        <li key={r.key} class={r.ok ? 'result result--ok' : 'result result--error'}>
          <span class="result__case">{caseNumbers.get(r.key) ?? r.key}</span>: {r.ok ? 'ok' : r.message}
        </li>
      ))}
      {sorted.length > shown.length && <li class="note">and {formatCount(sorted.length - shown.length)} more</li>}
    </ul>
  );
}
