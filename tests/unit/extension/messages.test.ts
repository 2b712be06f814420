import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../../extension/lib/messages';

const ID = 'gimcbcbkopdbigpgfpmimdcjldbjapac';
const popup: Runtime.MessageSender = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const dashboardTab: Runtime.MessageSender = { id: ID, url: `chrome-extension://${ID}/dashboard.html`, tab: { id: 3 } as Runtime.MessageSender['tab'] };
const casenetTab: Runtime.MessageSender = { id: ID, url: 'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13', tab: { id: 7 } as Runtime.MessageSender['tab'] };

function fakeHandlers(): Handlers {
  const handler = vi.fn(async () => ({ ok: 'handled' }));
  return new Proxy({} as Handlers, { get: () => handler });
}

describe('dispatch', () => {
  it('passes a valid popup request to its handler', async () => {
    const handlers = fakeHandlers();
    expect(await dispatch(handlers, { type: 'getSummary', data: {} }, popup, ID)).toEqual({ ok: true, data: { ok: 'handled' } });
  });

  it('accepts dashboard requests although the dashboard is a tab', async () => {
    expect((await dispatch(fakeHandlers(), { type: 'listCases', data: {} }, dashboardTab, ID)).ok).toBe(true);
  });

  it('refuses a bad payload without calling the handler', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatch(handlers, { type: 'setTracked', data: { key: 'CT22|22SL-CC00807', tracked: 'yes' } }, popup, ID);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Invalid setTracked request: tracked:/) });
    expect(handlers.setTracked).not.toHaveBeenCalled();
  });

  it('refuses an unknown type and a malformed message', async () => {
    expect(await dispatch(fakeHandlers(), { type: 'dropDatabase', data: {} }, popup, ID)).toEqual({ ok: false, error: 'Unknown request "dropDatabase".' });
    expect(await dispatch(fakeHandlers(), 'hello', popup, ID)).toEqual({ ok: false, error: 'Malformed message.' });
    expect((await dispatch(fakeHandlers(), { type: 'toString', data: {} }, popup, ID)).ok).toBe(false);
  });

  it('lets a Case.net content script call only the page requests', async () => {
    const page = { url: casenetTab.url, html: '<html></html>' };
    expect((await dispatch(fakeHandlers(), { type: 'pageSeen', data: page }, casenetTab, ID)).ok).toBe(true);
    expect((await dispatch(fakeHandlers(), { type: 'searchSeen', data: page }, casenetTab, ID)).ok).toBe(true);
    for (const type of ['removeCase', 'exportFolder', 'importFolder', 'checkNow', 'markAllRead']) {
      const reply = await dispatch(fakeHandlers(), { type, data: { key: 'CT22|22SL-CC00807', json: '{}' } }, casenetTab, ID);
      expect(reply).toEqual({ ok: false, error: `"${type}" is not allowed from a web page.` });
    }
  });

  it('refuses page requests from a tab that is not Case.net', async () => {
    const evil = { ...casenetTab, url: 'https://www.courts.mo.gov.evil.example/casenet/cases/header.do' };
    const reply = await dispatch(fakeHandlers(), { type: 'pageSeen', data: { url: evil.url, html: '' } }, evil, ID);
    expect(reply).toEqual({ ok: false, error: 'Messages are accepted only from Case.net pages.' });
  });

  it("refuses another extension's messages", async () => {
    const reply = await dispatch(fakeHandlers(), { type: 'getSummary', data: {} }, { ...popup, id: 'someotherextensionid' }, ID);
    expect(reply).toEqual({ ok: false, error: 'Message from another extension refused.' });
  });

  it('turns a handler error into a message for the user', async () => {
    const handlers = new Proxy({} as Handlers, { get: () => async () => { throw new Error('That case is not in your folder.'); } });
    expect(await dispatch(handlers, { type: 'getCase', data: { key: 'CT22|X-1' } }, popup, ID)).toEqual({ ok: false, error: 'That case is not in your folder.' });
  });
});
