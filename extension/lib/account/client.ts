import { NotificationPage, PrefsView, type NotificationPrefs } from '../../../shared/api/prefs';
import { AccountError, callServer, type ServerOptions } from './http';
import { AnyBody, ChangePasswordBody, DeletedBody, ExportBody, MeBody, PhonePendingBody, SessionsBody, SignInBody, SignUpBody, StatusBody } from './schemas';

/** A signed-in session: the bearer token and the account's email. */
export type SignedIn = { token: string; email: string };

/**
 * The sync server's account API (better-auth under /api/auth, ours under /api/v1/me), one method per endpoint.
 * Stateless: authenticated calls take the token. Every failure is an `AccountError`.
 */
export function accountClient(opts: ServerOptions) {
  return {
    signUp: async (body: { email: string; password: string; name: string }) =>
      (await callServer(opts, { method: 'POST', path: '/api/auth/sign-up/email', body, schema: SignUpBody })).data.user,

    sendVerificationEmail: async (email: string) => {
      await callServer(opts, { method: 'POST', path: '/api/auth/send-verification-email', body: { email }, schema: StatusBody });
    },

    /** Fails with code DEVICE_CODE_REQUIRED (and `challengeId`) when this device must prove itself. */
    signIn: async (email: string, password: string): Promise<SignedIn> =>
      signedIn(await callServer(opts, { method: 'POST', path: '/api/auth/sign-in/email', body: { email, password }, schema: SignInBody })),

    verifyDevice: async (challengeId: string, code: string): Promise<SignedIn> =>
      signedIn(await callServer(opts, { method: 'POST', path: '/api/auth/device/verify', body: { challengeId, code }, schema: SignInBody })),

    requestPasswordReset: async (email: string) => {
      await callServer(opts, { method: 'POST', path: '/api/auth/request-password-reset', body: { email }, schema: AnyBody });
    },

    /** Signs every other session out; returns the new token when the server rotated this one. */
    changePassword: async (token: string, currentPassword: string, newPassword: string): Promise<string | null> => {
      const res = await callServer(opts, {
        method: 'POST',
        path: '/api/auth/change-password',
        token,
        body: { currentPassword, newPassword, revokeOtherSessions: true },
        schema: ChangePasswordBody,
      });
      return res.headers.get('set-auth-token') || res.data.token || null;
    },

    signOut: async (token: string) => {
      await callServer(opts, { method: 'POST', path: '/api/auth/sign-out', token, body: {}, schema: AnyBody });
    },

    me: async (token: string) => (await callServer(opts, { method: 'GET', path: '/api/v1/me', token, schema: MeBody })).data,

    sessions: async (token: string) => (await callServer(opts, { method: 'GET', path: '/api/v1/me/sessions', token, schema: SessionsBody })).data.sessions,

    revokeSession: async (token: string, id: string) => {
      await callServer(opts, { method: 'DELETE', path: `/api/v1/me/sessions/${encodeURIComponent(id)}`, token, schema: AnyBody });
    },

    exportData: async (token: string) => (await callServer(opts, { method: 'GET', path: '/api/v1/me/export', token, schema: ExportBody })).data,

    deleteAccount: async (token: string, password: string) => {
      await callServer(opts, { method: 'DELETE', path: '/api/v1/me', token, body: { password }, schema: DeletedBody });
    },

    /** Notification settings, the phone's state and which channels the server can send on. */
    prefs: async (token: string) => (await callServer(opts, { method: 'GET', path: '/api/v1/prefs', token, schema: PrefsView })).data,

    putPrefs: async (token: string, prefs: NotificationPrefs) => (await callServer(opts, { method: 'PUT', path: '/api/v1/prefs', token, body: prefs, schema: PrefsView })).data,

    /** Texts a 6-digit code to `phone` (E.164). */
    startPhone: async (token: string, phone: string) =>
      (await callServer(opts, { method: 'POST', path: '/api/v1/prefs/phone', token, body: { phone }, schema: PhonePendingBody })).data,

    confirmPhone: async (token: string, code: string) =>
      (await callServer(opts, { method: 'POST', path: '/api/v1/prefs/phone/confirm', token, body: { code }, schema: PrefsView })).data,

    removePhone: async (token: string) => (await callServer(opts, { method: 'DELETE', path: '/api/v1/prefs/phone', token, schema: PrefsView })).data,

    /** A page of notification history, newest first; `before` is the previous page's `nextBefore`. */
    notifications: async (token: string, before?: string) =>
      (await callServer(opts, { method: 'GET', path: `/api/v1/notifications${before === undefined ? '' : `?before=${encodeURIComponent(before)}`}`, token, schema: NotificationPage })).data,
  };
}

export type AccountClient = ReturnType<typeof accountClient>;

/** The token from the `set-auth-token` header, else from the body. */
function signedIn(res: { data: { token?: string | undefined; user: { email: string } }; headers: Headers }): SignedIn {
  const token = res.headers.get('set-auth-token') || res.data.token;
  if (!token) throw new AccountError('The sync server accepted the sign-in but sent no session token.', 200);
  return { token, email: res.data.user.email };
}
