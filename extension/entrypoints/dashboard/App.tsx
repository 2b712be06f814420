import { useState } from 'preact/hooks';
import type { AccountRequestName, NotificationRequestName, ServerCheckRequestName, SyncRequestName } from '../../lib/protocol';
import type { Api } from '../../lib/ui/api';
import { StatusNote } from '../../lib/ui/Banner';
import { useNow } from '../../lib/ui/use-now';
import { SyncStatus } from './components/SyncStatus';
import { ACCOUNT_HASH, NOTIFICATIONS_HASH, showFolder, useRoute } from './route';
import { useSyncState } from './use-sync-state';
import { AboutView } from './views/AboutView';
import { AccountView } from './views/AccountView';
import { CaseDetailView } from './views/CaseDetailView';
import { FolderView } from './views/FolderView';
import { NotificationsView } from './views/NotificationsView';
import { SettingsView } from './views/SettingsView';
import { TransferView } from './views/TransferView';

export type DashboardApi = Api<
  | 'listCases'
  | 'getCase'
  | 'updateCase'
  | 'setTracked'
  | 'removeCase'
  | 'markAllRead'
  | 'exportFolder'
  | 'importFolder'
  | 'getSettings'
  | 'saveSettings'
  | AccountRequestName
  | SyncRequestName
  | NotificationRequestName
  | ServerCheckRequestName
>;

type Props = { api: DashboardApi; download?: (text: string, filename: string) => void };

/** Manage My Case: the folder (or one case, `#case=<key>`), export/import, settings, account. */
export function App({ api, download }: Props) {
  const route = useRoute();
  const now = useNow();
  const [folderVersion, setFolderVersion] = useState(0);
  const [flash, setFlash] = useState('');
  // Pulled changes from other browsers: the folder list reads itself again.
  const sync = useSyncState(api, () => setFolderVersion((v) => v + 1));

  return (
    <div class="dashboard">
      <header class="dashboard__head">
        <h1>Manage My Case</h1>
        <p class="muted">
          {route.view === 'account' || route.view === 'notifications'
            ? 'Docket Watch · your account on the sync server.'
            : "Docket Watch · everything here is read from this browser's own copy and works offline."}
        </p>
        <nav class="dashboard__nav" aria-label="Dashboard">
          <a href="#" aria-current={route.view === 'folder' || route.view === 'case' ? 'page' : undefined}>
            Your cases
          </a>
          <a href={ACCOUNT_HASH} aria-current={route.view === 'account' ? 'page' : undefined}>
            Account
          </a>
          <a href={NOTIFICATIONS_HASH} aria-current={route.view === 'notifications' ? 'page' : undefined}>
            Notifications
          </a>
        </nav>
        {route.view === 'folder' && <SyncStatus sync={sync} now={now} compact />}
      </header>
      <StatusNote>{flash}</StatusNote>
      {route.view === 'account' ? (
        <main>
          <AccountView api={api} now={now} download={download} sync={sync} />
        </main>
      ) : route.view === 'notifications' ? (
        <main>
          <NotificationsView api={api} />
        </main>
      ) : route.view === 'case' ? (
        <main>
          <p>
            <a href="#" onClick={() => setFlash('')}>
              ← All cases
            </a>
          </p>
          <CaseDetailView
            api={api}
            caseKey={route.key}
            now={now}
            signedIn={sync.state?.enabled === true}
            onRemoved={(caseNumber) => {
              setFlash(`Removed ${caseNumber} from your folder.`);
              showFolder();
            }}
          />
        </main>
      ) : (
        <main>
          <FolderView api={api} version={folderVersion} now={now} />
          <TransferView api={api} download={download} onImported={() => setFolderVersion((v) => v + 1)} />
          <SettingsView api={api} />
          <AboutView />
        </main>
      )}
    </div>
  );
}
