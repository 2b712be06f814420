import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorCodes } from '../../../shared/api/errors';
import { NotificationPrefs, PhoneConfirm, PhoneStart, PrefsErrorCodes, PrefsView } from '../../../shared/api/prefs';
import { jsonError } from '../http/errors';
import type { NotificationSettings } from '../notify/settings';
import { bearerSecurity, errorResponse, jsonBody, jsonResponse, openApiRouter } from './openapi-app';

const PhonePending = z.object({ pending: z.string(), expiresAt: z.string() });

const getRoute = createRoute({
  method: 'get',
  path: '/',
  summary: "The caller's notification settings, phone state and which channels the server can send on",
  security: bearerSecurity,
  responses: { 200: jsonResponse('Settings (defaults for a new account)', PrefsView), 401: errorResponse('Not signed in') },
});
const putRoute = createRoute({
  method: 'put',
  path: '/',
  summary: 'Replace the notification settings (the phone number is set through /prefs/phone)',
  security: bearerSecurity,
  request: { body: jsonBody(NotificationPrefs) },
  responses: {
    200: jsonResponse('Saved', PrefsView),
    400: errorResponse('Invalid settings; the message names the field'),
    401: errorResponse('Not signed in'),
    409: errorResponse('CHANNEL_UNAVAILABLE: SMS or calls turned on while the server has no Twilio account'),
  },
});
const phoneRoute = createRoute({
  method: 'post',
  path: '/phone',
  summary: 'Send a 6-digit code by SMS to a phone number (E.164); it is confirmed by /prefs/phone/confirm within 10 minutes',
  security: bearerSecurity,
  request: { body: jsonBody(PhoneStart) },
  responses: {
    202: jsonResponse('Code sent', PhonePending),
    400: errorResponse('Not an E.164 number'),
    401: errorResponse('Not signed in'),
    409: errorResponse('CHANNEL_UNAVAILABLE: no Twilio account configured'),
    429: errorResponse('RATE_LIMITED: too many codes asked for (5 per hour)'),
    502: errorResponse('SMS_FAILED: the SMS could not be sent'),
  },
});
const confirmRoute = createRoute({
  method: 'post',
  path: '/phone/confirm',
  summary: 'Confirm the pending phone number with the code it received (5 tries)',
  security: bearerSecurity,
  request: { body: jsonBody(PhoneConfirm) },
  responses: {
    200: jsonResponse('Confirmed: SMS and calls go to this number', PrefsView),
    400: errorResponse('INVALID_CODE: wrong (attemptsLeft), expired or tried too often'),
    401: errorResponse('Not signed in'),
    409: errorResponse('NO_PENDING_PHONE: no number is waiting for a code'),
  },
});
const removePhoneRoute = createRoute({
  method: 'delete',
  path: '/phone',
  summary: 'Forget the phone number (SMS and calls stop)',
  security: bearerSecurity,
  responses: { 200: jsonResponse('Removed', PrefsView), 401: errorResponse('Not signed in') },
});

/** `/api/v1/prefs`: notification settings and phone confirmation, for the signed-in caller only. */
export function prefsRoutes(settings: NotificationSettings, now: () => number = Date.now) {
  const app = openApiRouter();
  app.openapi(getRoute, (c) => c.json(settings.view(c.get('user').id, now()), 200));
  app.openapi(putRoute, (c) => {
    const result = settings.put(c.get('user').id, c.req.valid('json'), now());
    if (!result.ok) return jsonError(c, 409, result.code, result.message);
    return c.json(result.view, 200);
  });
  app.openapi(phoneRoute, async (c) => {
    const { phone } = c.req.valid('json');
    const result = await settings.startPhone(c.get('user').id, phone, now());
    if (!result.ok) {
      if (result.retryAfter) c.header('Retry-After', String(result.retryAfter));
      return result.status === 429
        ? jsonError(c, 429, result.code, result.message, { retryAfter: result.retryAfter ?? 60 })
        : result.status === 502
          ? jsonError(c, 502, result.code, result.message)
          : jsonError(c, 409, result.code, result.message);
    }
    return c.json({ pending: phone, expiresAt: new Date(result.expiresAt).toISOString() }, 202);
  });
  app.openapi(confirmRoute, (c) => {
    const userId = c.get('user').id;
    const check = settings.confirmPhone(userId, c.req.valid('json').code, now());
    if (check.ok) return c.json(settings.view(userId, now()), 200);
    if (check.reason === 'none') return jsonError(c, 409, PrefsErrorCodes.noPendingPhone, 'No phone number is waiting for a code: ask for a code first (POST /api/v1/prefs/phone).');
    const message =
      check.reason === 'wrong'
        ? `That code is not right: ${check.attemptsLeft} ${check.attemptsLeft === 1 ? 'try' : 'tries'} left.`
        : 'This code has expired or was tried too often. Ask for a new one.';
    return jsonError(c, 400, ErrorCodes.invalidCode, message, { attemptsLeft: check.attemptsLeft });
  });
  app.openapi(removePhoneRoute, (c) => {
    const userId = c.get('user').id;
    settings.removePhone(userId, now());
    return c.json(settings.view(userId, now()), 200);
  });
  return app;
}
