import { Hono } from 'hono';
import { escapeHtml } from '../mail/layout';
import type { Notifier } from '../notify/notifier';

/**
 * The one-click unsubscribe of alert emails (RFC 8058): `List-Unsubscribe: <PUBLIC_URL/unsubscribe?token=…>`.
 * GET shows a confirm page (a link scanner that follows it changes nothing); POST — from the mail
 * client's one-click button or the page's form — mutes that case for that user. The token is an HMAC
 * under the server secret: a forged or altered one is refused (400). Fixed text only; nothing from
 * the request is echoed.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)} · Docket Watch</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{margin-top:1rem;padding:.5rem 1rem;font:inherit}[role=alert]{color:#a40000}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

const INVALID = page('This link did not work', '<p role="alert">This unsubscribe link is not valid. Change which alerts you get in the notification settings of the Docket Watch dashboard.</p>');

export function unsubscribeRoutes(notifier: Pick<Notifier, 'unsubscribe' | 'settings'>, now: () => number = Date.now) {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
  });
  app.get('/', (c) => {
    if (!notifier.unsubscribe.read(c.req.query('token') ?? '')) return c.html(INVALID, 400);
    return c.html(
      page(
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
    return c.html(page('Unsubscribed', '<p>You will no longer get alerts about this case. You can turn them back on in the notification settings of the Docket Watch dashboard.</p>'));
  });
  return app;
}
