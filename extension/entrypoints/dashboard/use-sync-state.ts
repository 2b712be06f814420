import { useEffect, useRef, useState } from 'preact/hooks';
import type { SyncState } from '../../lib/protocol';
import { errorText, type Api } from '../../lib/ui/api';

/** How often an open dashboard re-reads the sync state (the background does not push to pages). */
export const SYNC_POLL_MS = 5_000;

export type SyncControl = {
  /** null until first read, or when the background cannot say. */
  state: SyncState | null;
  busy: boolean;
  /** Why "Sync now" could not even ask the background. */
  error: string | null;
  syncNow: () => void;
  /** Read the state again now (e.g. after signing in or out). */
  refresh: () => void;
};

/**
 * The sync state, re-read every few seconds, with "Sync now". `onPulled` runs when a pull has
 * brought changes since the page read the state, so views showing the folder can re-read it.
 */
export function useSyncState(api: Api<'getSyncState' | 'syncNow'>, onPulled: () => void): SyncControl {
  const [state, setState] = useState<SyncState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seenPull = useRef<number | null | undefined>(undefined);

  const live = useRef(true);
  const refresh = () => void api('getSyncState', {}).then((s) => live.current && setState(s), () => undefined);

  useEffect(() => {
    live.current = true;
    refresh();
    const timer = setInterval(refresh, SYNC_POLL_MS);
    return () => {
      live.current = false;
      clearInterval(timer);
    };
  }, [api]);

  const pulledAt = state?.pulledAt;
  useEffect(() => {
    if (pulledAt === undefined) return;
    if (seenPull.current !== undefined && pulledAt !== seenPull.current) onPulled();
    seenPull.current = pulledAt;
  }, [pulledAt]);

  const syncNow = () => {
    setBusy(true);
    setError(null);
    api('syncNow', {})
      .then(setState, (err: unknown) => setError(errorText(err)))
      .finally(() => setBusy(false));
  };

  return { state, busy, error, syncNow, refresh };
}
