import { useEffect, useState } from 'preact/hooks';
import type { CaseDetail, CaseSummary } from '../../../lib/protocol';
import { errorText, type Api } from '../../../lib/ui/api';
import { ErrorBanner, StatusNote } from '../../../lib/ui/Banner';
import { casenetHref, plural } from '../../../lib/ui/format';
import { CaseHeader } from '../components/CaseHeader';
import { DocketList } from '../components/DocketList';
import { HearingList } from '../components/HearingList';
import { NoteEditor } from '../components/NoteEditor';
import { NotificationOverride } from '../components/NotificationOverride';
import { RemoveConfirm } from '../components/RemoveConfirm';
import { TagEditor } from '../components/TagEditor';
import { useAction } from '../use-action';

export type DetailApi = Api<'getCase' | 'updateCase' | 'setTracked' | 'removeCase' | 'markAllRead' | 'getAccount' | 'getPrefs' | 'savePrefs' | 'checkOnServer'>;

/** `signedIn`: with sync on, a tracked case can be checked by the sync server on request. */
type Props = { api: DetailApi; caseKey: string; now: number; signedIn: boolean; onRemoved: (caseNumber: string) => void };

/** One case from local data: header, hearings, docket, note, tags and actions. Works offline. */
export function CaseDetailView({ api, caseKey, now, signedIn, onRemoved }: Props) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const { busy, error, status, run, setError, setStatus } = useAction();
  const [confirming, setConfirming] = useState(false);

  const load = () => api('getCase', { key: caseKey }).then(setDetail);

  useEffect(() => {
    setDetail(null);
    setError(null);
    setStatus('');
    let live = true;
    api('getCase', { key: caseKey }).then(
      (d) => live && setDetail(d),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [api, caseKey]);

  const setSummary = (summary: CaseSummary) => setDetail((d) => d && { ...d, summary });

  if (!detail) {
    return (
      <section class="panel">
        <ErrorBanner message={error && `Could not open this case: ${error}`} />
        {!error && <p class="muted">Loading…</p>}
      </section>
    );
  }

  const c = detail.summary;
  const href = casenetHref(c.url);
  return (
    <article class="panel case-detail" aria-labelledby="case-heading">
      <CaseHeader c={c} now={now} />
      <div class="actions">
        <ActionButton
          label={c.tracked ? 'Stop tracking' : 'Track'}
          busy={busy}
          onClick={() =>
            run(async () => {
              setSummary(await api('setTracked', { key: c.key, tracked: !c.tracked }));
              return c.tracked ? 'Tracking stopped; the case stays saved.' : 'Now tracking this case.';
            })
          }
          primary
        />
        <ActionButton
          label="Mark read"
          busy={busy}
          onClick={() =>
            run(async () => {
              const { marked } = await api('markAllRead', { caseKey: c.key });
              await load();
              return `Marked ${plural(marked, 'alert')} read.`;
            })
          }
        />
        {signedIn && c.tracked && (
          <ActionButton
            label="Check on server now"
            busy={busy}
            onClick={() =>
              run(async () => {
                const result = await api('checkOnServer', { key: c.key });
                setSummary(result.summary);
                return `The server checked this case: ${result.message}`;
              })
            }
          />
        )}
        {href && (
          <a class="button button--plain" href={href} target="_blank" rel="noopener noreferrer">
            Open on Case.net
          </a>
        )}
        <button type="button" class="button button--danger" disabled={busy} onClick={() => setConfirming(true)}>
          Remove
        </button>
      </div>
      {confirming && (
        <RemoveConfirm
          caseNumber={c.caseNumber}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(async () => {
              await api('removeCase', { key: c.key });
              onRemoved(c.caseNumber);
              return '';
            });
          }}
        />
      )}
      <StatusNote>{status}</StatusNote>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <NotificationOverride api={api} caseKey={c.key} />

      <section aria-labelledby="hearings-heading">
        <h3 id="hearings-heading">Upcoming hearings</h3>
        <HearingList hearings={detail.hearings} />
      </section>

      <section aria-labelledby="notes-heading" class="two-col">
        <h3 id="notes-heading" class="visually-hidden">
          Note and tags
        </h3>
        <NoteEditor
          key={c.key}
          note={c.note}
          onSave={(note) =>
            run(async () => {
              setSummary(await api('updateCase', { key: c.key, note }));
              return '';
            })
          }
        />
        <div>
          <h4>Tags</h4>
          <TagEditor
            tags={c.tags}
            busy={busy}
            onChange={(tags) =>
              void run(async () => {
                setSummary(await api('updateCase', { key: c.key, tags }));
                return 'Tags saved.';
              })
            }
          />
        </div>
      </section>

      <section aria-labelledby="docket-heading">
        <h3 id="docket-heading">Docket ({plural(detail.entries.length, 'entry', 'entries')}, newest first)</h3>
        <DocketList entries={detail.entries} alerts={detail.alerts} />
      </section>
    </article>
  );
}

/** One of the case's actions: disabled while another runs. */
function ActionButton({ label, busy, onClick, primary = false }: { label: string; busy: boolean; onClick: () => void; primary?: boolean }) {
  return (
    <button type="button" class={primary ? 'button' : 'button button--plain'} disabled={busy} onClick={onClick}>
      {label}
    </button>
  );
}
