import { useState } from 'preact/hooks';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../lib/ui/Banner';
import { plural } from '../../../lib/ui/format';
import { downloadText } from '../download';

type Props = {
  api: Api<'exportFolder' | 'importFolder'>;
  onImported: () => void;
  /** Saves the export; tests replace it. */
  download?: (text: string, filename: string) => void;
};

/** Export the folder as a JSON file, or import one (all or nothing: a bad file changes nothing). */
export function TransferView({ api, onImported, download = downloadText }: Props) {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportFolder = async () => {
    setBusy(true);
    setError(null);
    try {
      const { json, filename } = await api('exportFolder', {});
      download(json, filename);
      setStatus(`Exported to ${filename}.`);
    } catch (err) {
      setError(`Export failed: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const { imported, updated } = await api('importFolder', { json: await file.text() });
      const total = imported + updated;
      setStatus(updated > 0 ? `Imported ${plural(total, 'case')} (${imported} new, ${updated} updated).` : `Imported ${plural(total, 'case')}.`);
      onImported();
    } catch (err) {
      setError(`Import failed: ${errorText(err)} Your folder was not changed.`);
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Export and import</h2>
      <p class="note">A folder file holds your cases, notes, tags and stored dockets. Import merges it into this browser's folder.</p>
      <div class="row">
        <button type="button" class="button" onClick={exportFolder} disabled={busy}>
          Export folder
        </button>
        <label class="file-label">
          Import folder
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void importFile(e.currentTarget)} />
        </label>
      </div>
      <StatusNote>{status}</StatusNote>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
    </section>
  );
}
