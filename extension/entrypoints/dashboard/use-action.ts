import { useState } from 'preact/hooks';
import { errorText } from '../../lib/ui/api';

/**
 * Busy flag, error and status line for a panel's async actions. `run` shows the action's result
 * as the status line, or its failure as the error (and tells `onError`); it returns success.
 */
export function useAction(onError?: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const run = async (action: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await action());
      return true;
    } catch (err) {
      const message = errorText(err);
      setStatus('');
      setError(message);
      onError?.(message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, status, run, setError, setStatus };
}
