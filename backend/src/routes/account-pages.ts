import { Hono } from 'hono';
import { htmlPage, pageHeaders } from '../http/static-page';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { AUTH_BASE_PATH } from '../auth/auth';

/**
 * The few pages an email link opens (a link cannot open an extension page): "email confirmed",
 * "choose a new password" and "forgot password". Fixed text only — nothing from the request is
 * echoed — and one small script that posts the form as JSON and shows the answer as text.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";


/** Posts `form[data-endpoint]` as JSON (fields by name, plus `token` from the URL) and writes the reply into `[data-result]`. */
const SCRIPT = `
for (const form of document.querySelectorAll('form[data-endpoint]')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = form.querySelector('[data-result]');
    const fields = Object.fromEntries(new FormData(form));
    if ('confirm' in fields) {
      if (fields.confirm !== fields.newPassword) { out.setAttribute('role', 'alert'); out.textContent = 'The two passwords differ.'; return; }
      delete fields.confirm;
    }
    const token = new URLSearchParams(location.search).get('token');
    if (token) fields.token = token;
    out.removeAttribute('role');
    out.textContent = 'Sending…';
    try {
      const res = await fetch(form.dataset.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
      const body = await res.json().catch(() => ({}));
      if (res.ok) { out.textContent = form.dataset.done; form.querySelector('button').disabled = true; }
      else { out.setAttribute('role', 'alert'); out.textContent = body.message || 'That did not work; please try again.'; }
    } catch { out.setAttribute('role', 'alert'); out.textContent = 'Cannot reach the server; please try again.'; }
  });
}`;

export function accountPages() {
  const app = new Hono();
  app.use('*', pageHeaders(CSP));
  app.get('/account-page.js', (c) => c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/verified', (c) =>
    c.html(
      c.req.query('error')
        ? htmlPage('This link did not work', '<p role="alert">The confirmation link has expired or was already used. Sign in from the Docket Watch dashboard and we will email you a new one.</p>')
        : htmlPage('Email confirmed', '<p>Your email address is confirmed. Go back to the Docket Watch dashboard and sign in.</p>'),
    ),
  );
  app.get('/reset-password', (c) =>
    c.html(
      htmlPage(
        'Choose a new password',
        `<form data-endpoint="${AUTH_BASE_PATH}/reset-password" data-done="Your password is changed and every other browser is signed out. Sign in from the Docket Watch dashboard.">
<p>At least ${PASSWORD_MIN_LENGTH} characters, with an upper-case letter, a lower-case letter and a digit.</p>
<label>New password <input name="newPassword" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN_LENGTH}"></label>
<label>Confirm new password <input name="confirm" type="password" autocomplete="new-password" required></label>
<button type="submit">Change password</button><p data-result aria-live="polite"></p></form><script src="account-page.js"></script>`,
      ),
    ),
  );
  app.get('/forgot-password', (c) =>
    c.html(
      htmlPage(
        'Forgot your password?',
        `<form data-endpoint="${AUTH_BASE_PATH}/request-password-reset" data-done="If an account uses this address, a reset link is on its way. It works once, for 1 hour.">
<label>Email <input name="email" type="email" autocomplete="email" required></label>
<button type="submit">Email me a reset link</button><p data-result aria-live="polite"></p></form><script src="account-page.js"></script>`,
      ),
    ),
  );
  return app;
}
