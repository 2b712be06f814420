import { Hono } from 'hono';
import { htmlPage, pageHeaders } from '../http/static-page';
import type { Notifier } from '../notify/notifier';

/**
 * The one-click unsubscribe of alert emails (RFC 8058): `List-Unsubscribe: <PUBLIC_URL/unsubscribe?token=…>`.
 * GET shows a confirm page (a link scanner that follows it changes nothing); POST — from the mail
 * client's one-click button or the page's form — mutes that case for that user. The token is an HMAC
 * under the server secret: a forged or altered one is refused (400). Fixed text only; nothing from
 * the request is echoed.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";


const INVALID = htmlPage('This link did not work', '<p role="alert">This unsubscribe link is not valid. Change which alerts you get in the notification settings of the Docket Watch dashboard.</p>');

export function unsubscribeRoutes(notifier: Pick<Notifier, 'unsubscribe' | 'settings'>, now: () => number = Date.now) {
  const app = new Hono();
  app.use('*', pageHeaders(CSP));
  app.get('/', (c) => {
    if (!notifier.unsubscribe.read(c.req.query('token') ?? '')) return c.html(INVALID, 400);
    return c.html(
      htmlPage(
        'Stop alerts about this case?',
        // No action: the form posts to this same URL, token included.
        '<p>You will no longer get email, SMS, call or browser alerts about this case. You can turn them back on in the notification settings of the Docket Watch dashboard.</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>',
      ),
    );
  });
  app.post('/', (c) => {
    const target = notifier.unsubscribe.read(c.req.query('token') ?? '');
    if (!target) return c.html(INVALID, 400);
    notifier.settings.mute(target.userId, target.caseKey, now());
    return c.html(htmlPage('Unsubscribed', '<p>You will no longer get alerts about this case. You can turn them back on in the notification settings of the Docket Watch dashboard.</p>'));
  });
  return app;
}
