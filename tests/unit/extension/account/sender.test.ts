import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../../../extension/lib/messages';
import { AccountRequests } from '../../../../extension/lib/protocol';

const ID = 'gimcbcbkopdbigpgfpmimdcjldbjapac';
const ORIGIN = `chrome-extension://${ID}/`;
const dashboardTab: Runtime.MessageSender = { id: ID, url: `${ORIGIN}dashboard.html#account`, tab: { id: 3 } as Runtime.MessageSender['tab'] };
const casenetTab: Runtime.MessageSender = { id: ID, url: 'https://www.courts.mo.gov/casenet/cases/header.do', tab: { id: 7 } as Runtime.MessageSender['tab'] };

const handlers = new Proxy({} as Handlers, { get: () => vi.fn(async () => ({ ok: 'handled' })) });
const signIn = { type: 'signIn', data: { email: 'ann@example.com', password: 'Secret123' } };

describe('account requests: only from the extension pages', () => {
  it('accepts them from the dashboard', async () => {
    expect(await dispatch(handlers, signIn, dashboardTab, ID, ORIGIN)).toEqual({ ok: true, data: { ok: 'handled' } });
  });

  it('refuses every one of them from a Case.net content script', async () => {
    for (const type of Object.keys(AccountRequests)) {
      expect(await dispatch(handlers, { type, data: {} }, casenetTab, ID, ORIGIN)).toEqual({ ok: false, error: `"${type}" is not allowed from a web page.` });
    }
  });

  it('refuses them from a sender that is not one of our pages', async () => {
    const reply = await dispatch(handlers, signIn, { id: ID }, ID, ORIGIN);
    expect(reply).toEqual({ ok: false, error: '"signIn" is accepted only from the extension\'s own pages.' });
  });

  it('validates the device code', async () => {
    const reply = await dispatch(handlers, { type: 'verifyDevice', data: { challengeId: 'c', code: '12345' } }, dashboardTab, ID, ORIGIN);
    expect(reply).toEqual({ ok: false, error: 'Invalid verifyDevice request: code: the code is 6 digits.' });
  });
});
