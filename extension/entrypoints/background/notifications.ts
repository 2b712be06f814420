import type { Handlers } from '../../lib/messages';
import type { NotificationRequestName } from '../../lib/protocol';
import { accountSession, defaultAccountDeps, type AccountDeps } from './account';
import type { Ctx } from './context';

/**
 * Notification settings, phone confirmation and history: each request is one call to the sync
 * server with the stored session. A refusal reaches the dashboard as the server's message; a
 * revoked token signs this browser out, as for the account requests.
 */
export function notificationHandlers(ctx: Ctx, deps: AccountDeps = defaultAccountDeps()): Pick<Handlers, NotificationRequestName> {
  const { withSession } = accountSession(ctx, deps);
  return {
    getPrefs: () => withSession((client, session) => client.prefs(session.token)),
    savePrefs: (prefs) => withSession((client, session) => client.putPrefs(session.token, prefs)),
    startPhoneVerification: ({ phone }) => withSession((client, session) => client.startPhone(session.token, phone)),
    confirmPhone: ({ code }) => withSession((client, session) => client.confirmPhone(session.token, code)),
    removePhone: () => withSession((client, session) => client.removePhone(session.token)),
    getNotifications: ({ before }) => withSession((client, session) => client.notifications(session.token, before)),
  };
}
