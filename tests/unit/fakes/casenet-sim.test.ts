import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parsePage, type PageResult } from '../../../shared/casenet/parse-page';
import { seedCases } from '../../fakes/casenet-sim/seed';
import { startCasenetSim, type CasenetSim } from '../../fakes/casenet-sim/server';

// The local Case.net simulator as real-browser and refresher tests use it: real HTTP on 127.0.0.1.

let sim: CasenetSim;
beforeAll(async () => {
  sim = await startCasenetSim({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await control('POST', '/__sim/reset');
});

const DOE = { court: 'SMPDB0010_CT22', number: '22SL-CC00807' };
const oldQuery = (c = DOE) => `inputVO.caseNumber=${c.number}&inputVO.courtId=${c.court}`;
const docketPath = (c = DOE, base = '/casenet') => `${base}/cases/searchDockets.do?${oldQuery(c)}`;

async function get(path: string, init?: RequestInit): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${sim.url}${path}`, init);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, json: await res.json() };
}

/** The new site's docket JSON, asked for the way its page does (POST form body). */
async function newDocket(c = DOE): Promise<string> {
  const res = await fetch(`${sim.url}/cnet/cases/docketEntriesSearch.do?displayOption=A&sortOption=D&hasChange=false`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: new URLSearchParams({ caseNumber: c.number, courtId: c.court, isTicket: '' }).toString(),
  });
  return res.text();
}

const parseAt = async (path: string): Promise<PageResult> => parsePage((await get(path)).text, new URL(`https://www.courts.mo.gov${path}`));

function docketOf(result: PageResult) {
  if (result.kind !== 'docket') throw new Error(`expected a docket, got ${JSON.stringify(result).slice(0, 300)}`);
  return result;
}

const withoutSequence = (result: PageResult) => docketOf(result).entries.map(({ sequence: _sequence, ...rest }) => rest);

describe('old docket page', () => {
  it('has the real page structure: prolog, caption, hidden case inputs, docket table rows', async () => {
    const { status, text, headers } = await get(docketPath());
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/html/);
    expect(text.startsWith('\n<?xml version="1.0"?>')).toBe(true);
    expect(text).toContain('<td class="searchType">22SL-CC00807 - JANE DOE V ACME HOLDINGS LLC&nbsp;(E-CASE)</td>');
    expect(text).toContain('<form name="casePalletteForm"');
    expect(text.match(/name="inputVO\.caseNumber" value="22SL-CC00807"/g)).toHaveLength(2);
    expect(text.match(/name="inputVO\.courtId" value="SMPDB0010_CT22"/g)).toHaveLength(2);
    expect(text).toContain('name="inputVO.courtDesc" value="22nd Judicial Circuit (City of St. Louis)"');
    expect(text).toContain('<table class="detailRecordTable" >');
    expect(text).toContain('<td class="detailSeperator" colspan="3" >&nbsp;</td>');
    expect(text).toContain('class="detailThinSeperator"');
    expect(text).toContain('class="detailData"><b></b></td>');
    expect(text).toContain('<b>&nbsp;&nbsp;Scheduled For:</b>');
    expect(text).toContain('<b>Associated&nbsp;Entries:</b>');
    expect(text).toContain('Defendant&#039;s Motion to Dismiss Plaintiff&#039;s Petition for Failure to State a Claim &amp; Memorandum');
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('lists entries newest first, carrying dates over same-date entries', async () => {
    const result = docketOf(await parseAt(docketPath()));
    expect(result.caption).toBe('JANE DOE V ACME HOLDINGS LLC');
    expect(result.entries.map((e) => e.date)).toEqual(['2022-03-25', '2022-03-18', '2022-03-18', '2022-02-21', '2022-02-03', '2022-01-14', '2022-01-14', '2022-01-14']);
    expect(result.entries[1]?.title).toBe('Hearing Scheduled');
    expect(result.entries.at(-1)?.title).toBe('Judge Assigned');
  });

  it('seeds a hearing scheduled after today', async () => {
    const hearing = docketOf(await parseAt(docketPath())).entries.find((e) => e.scheduledFor !== null);
    const [mm, dd, yyyy] = (hearing?.scheduledFor ?? '').slice(0, 10).split('/');
    expect(new Date(`${yyyy}-${mm}-${dd}T23:59:59Z`).getTime()).toBeGreaterThan(Date.now());
  });

  it('answers under /cnet/ and for any Host header', async () => {
    expect(docketOf(await parseAt(docketPath(DOE, '/cnet'))).entries).toHaveLength(8);
    const viaHost = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${sim.url}${docketPath()}`, { headers: { Host: 'www.courts.mo.gov' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(viaHost.status).toBe(200);
    expect(viaHost.body).toContain('22SL-CC00807 - JANE DOE');
  });

  it('accepts a POSTed form like the page\'s own tab links', async () => {
    const { text } = await get('/casenet/cases/searchDockets.do', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: oldQuery({ court: 'CT13', number: '14BA-CV01093' }),
    });
    expect(text).toContain('14BA-CV01093 - LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI');
  });

  it('answers an unknown case with Case.net\'s 200 "no matches" page', async () => {
    const path = docketPath({ court: 'CT22', number: '22SL-CC99999' });
    const { status, text } = await get(path);
    expect(status).toBe(200);
    expect(text).toContain('Your query returned no matches to be viewed at this site.');
    expect((await parseAt(path)).kind).toBe('not-found');
  });
});

describe('control API', () => {
  it('adds an entry as the newest, on both generations, with the next sequence number', async () => {
    const added = await control('POST', `/__sim/cases/${DOE.court}/${DOE.number}/entries`, {
      date: '2026-11-25',
      title: 'Motion to Compel Filed',
      text: "Plaintiff's Motion to Compel.",
      filedBy: 'MARGARET ANN OKAFOR',
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ sequence: 9, title: 'Motion to Compel Filed' });
    const top = docketOf(await parseAt(docketPath())).entries[0];
    expect(top).toMatchObject({ date: '2026-11-25', title: 'Motion to Compel Filed', text: "Plaintiff's Motion to Compel.", filedBy: 'MARGARET ANN OKAFOR' });
    expect(docketOf(parsePage(await newDocket())).entries[0]).toMatchObject({ title: 'Motion to Compel Filed', sequence: 9 });
  });

  it('applies a clerk correction and a deletion', async () => {
    const base = `/__sim/cases/CT22/${DOE.number}/entries`;
    expect((await control('PUT', `${base}/8`, { text: 'Amended Notice of Hearing.' })).status).toBe(200);
    expect(docketOf(await parseAt(docketPath())).entries[0]?.text).toBe('Amended Notice of Hearing.');
    expect((await control('DELETE', `${base}/8`)).status).toBe(200);
    expect(docketOf(await parseAt(docketPath())).entries[0]?.title).toBe('Hearing Scheduled');
    expect((await control('DELETE', `${base}/8`)).status).toBe(404);
  });

  it('adds a case and rejects invalid bodies', async () => {
    const created = await control('POST', '/__sim/cases', { courtId: 'CT31', caseNumber: '2331-CV00042', caption: "O'BRIEN V SMITH", entries: [{ date: '2023-01-05', title: 'Pet Filed in Circuit Ct' }] });
    expect(created.status).toBe(201);
    const result = docketOf(await parseAt(docketPath({ court: 'CT31', number: '2331-CV00042' })));
    expect(result.caption).toBe("O'BRIEN V SMITH");
    expect(result.entries).toHaveLength(1);
    expect((await control('POST', '/__sim/cases', { courtId: 'CT31' })).status).toBe(400);
    expect((await control('POST', `/__sim/cases/${DOE.court}/${DOE.number}/entries`, { date: '11/25/2026', title: 'x' })).status).toBe(400);
    expect((await control('POST', '/__sim/cases/CT01/NOPE-00001/entries', { date: '2026-01-01', title: 'x' })).status).toBe(404);
  });

  it('reports state, and reset restores the seed', async () => {
    await control('POST', `/__sim/cases/${DOE.court}/${DOE.number}/entries`, { date: '2026-11-25', title: 'Extra' });
    await control('POST', '/__sim/reset');
    const state = (await control('GET', '/__sim/state')).json as { cases: { key: string; entryCount: number }[] };
    expect(state.cases.map((c) => c.key)).toEqual(['CT22|22SL-CC00807', 'CT13|14BA-CV01093', 'CT12|171155061', 'CT16|1616-CV24680', 'EAP|ED112233']);
    expect(state.cases.find((c) => c.key === 'CT22|22SL-CC00807')?.entryCount).toBe(8);
    expect(state.cases.find((c) => c.key === 'CT16|1616-CV24680')?.entryCount).toBe(500);
  });

  it('logs Case.net requests (not control calls) with time, method, path and query', async () => {
    await control('DELETE', '/__sim/requests');
    const before = Date.now();
    await get(docketPath());
    await get('/casenet/styles/casenet.css?version=5.14.12'); // static assets are not Case.net data
    await newDocket();
    const log = (await control('GET', '/__sim/requests')).json as { t: number; method: string; path: string; query: Record<string, string>; body?: Record<string, string> }[];
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', path: '/casenet/cases/searchDockets.do', query: { 'inputVO.caseNumber': DOE.number, 'inputVO.courtId': DOE.court } });
    expect(log[1]).toMatchObject({ method: 'POST', path: '/cnet/cases/docketEntriesSearch.do', query: { sortOption: 'D' }, body: { caseNumber: DOE.number } });
    expect(log[0]?.t).toBeGreaterThanOrEqual(before);
    expect(log[1]?.t).toBeGreaterThanOrEqual(log[0]?.t ?? 0);
    await control('DELETE', '/__sim/requests');
    expect((await control('GET', '/__sim/requests')).json).toEqual([]);
  });
});

describe('faults', () => {
  const fault = (body: Record<string, unknown>) => control('POST', '/__sim/faults', body);

  it('503: plain Service Unavailable, for as many requests as asked', async () => {
    await fault({ mode: '503', count: 2 });
    expect((await get(docketPath())).status).toBe(503);
    expect((await get(docketPath())).status).toBe(503);
    expect((await get(docketPath())).status).toBe(200);
  });

  it('429: Too Many Requests with Retry-After', async () => {
    await fault({ mode: '429', retryAfter: 120 });
    const res = await get(docketPath());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('120');
  });

  it('maintenance: a 200 page that reads as maintenance', async () => {
    await fault({ mode: 'maintenance', count: 1 });
    const res = await get(docketPath());
    expect(res.status).toBe(200);
    expect(res.text).toContain('down for scheduled maintenance');
    expect(parsePage(res.text).kind).toBe('maintenance');
  });

  it('timeout: holds the request open until the client gives up', async () => {
    await fault({ mode: 'timeout', count: 1 });
    await expect(fetch(`${sim.url}${docketPath()}`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await get(docketPath())).status).toBe(200);
  });

  it('layout: the docket table markup changed', async () => {
    await fault({ mode: 'layout', count: 2 });
    expect(await parseAt(docketPath())).toMatchObject({ kind: 'error', reason: 'layout-changed' });
    expect(parsePage(await newDocket())).toMatchObject({ kind: 'error', reason: 'layout-changed' });
  });

  it('notfound: the case is reported as not found', async () => {
    await fault({ mode: 'notfound', count: 1 });
    expect((await parseAt(docketPath())).kind).toBe('not-found');
  });

  it('truncated: the page stops in the middle of the docket table', async () => {
    await fault({ mode: 'truncated', count: 1 });
    const { text } = await get(docketPath());
    expect(text).toContain('detailRecordTable');
    expect(text).not.toContain('</html>');
    expect(parsePage(text)).toMatchObject({ kind: 'error', reason: 'truncated' });
  });

  it('botcheck: 403 Access Denied', async () => {
    await fault({ mode: 'botcheck', count: 1 });
    const res = await get(docketPath());
    expect(res.status).toBe(403);
    expect(res.text).toContain('Access Denied');
    expect(parsePage(res.text)).toMatchObject({ kind: 'error', reason: 'bot-check' });
  });

  it('empty: a docket table with zero rows (and unused by non-docket pages)', async () => {
    await fault({ mode: 'empty', count: 1 });
    expect((await get(`/casenet/cases/header.do?${oldQuery()}`)).status).toBe(200);
    const { text } = await get(docketPath());
    expect(text).toMatch(/<table class="detailRecordTable" >\s*<\/table>/);
    expect(docketOf(parsePage(text)).entries).toEqual([]);
    expect(docketOf(await parseAt(docketPath())).entries).toHaveLength(8);
  });

  it('match limits a fault to matching requests; DELETE clears all', async () => {
    await fault({ mode: '503', match: '14BA-CV01093' });
    expect((await get(docketPath())).status).toBe(200);
    expect((await get(docketPath({ court: 'CT13', number: '14BA-CV01093' }))).status).toBe(503);
    await control('DELETE', '/__sim/faults');
    expect((await get(docketPath({ court: 'CT13', number: '14BA-CV01093' }))).status).toBe(200);
    const log = (await control('GET', '/__sim/requests')).json as { fault?: string }[];
    expect(log.map((r) => r.fault ?? null)).toEqual([null, '503', null]);
  });
});

describe('searches and other pages', () => {
  it('lists matching cases in the real result markup', async () => {
    const { text } = await get('/casenet/cases/nameSearch.do?inputVO.lastName=britt');
    expect(text).toContain('<input type="hidden" name="inputVO.caseNumber" value="" id="inputVO.caseNumber2">');
    expect(text).toContain("<td class=\"td1\"><a href=\"javascript:goToThisCase('14BA-CV01093', 'CT13');\">");
    const result = parsePage(text);
    expect(result).toMatchObject({ kind: 'search-results', rows: [{ caseNumber: '14BA-CV01093', courtId: 'CT13', filingDate: '2014-03-31' }] });
  });

  it('case number search filters by "contains"; no match shows the no-matches form', async () => {
    const some = parsePage((await get('/cnet/cases/caseNoSearch.do?inputVO.caseNumber=cv')).text);
    expect(some.kind === 'search-results' && some.rows.map((r) => r.caseNumber)).toEqual(['14BA-CV01093', '1616-CV24680']);
    const none = await get('/casenet/cases/caseNoSearch.do?inputVO.caseNumber=99XX-ZZ00000');
    expect(none.text).toContain('Your query returned no matches to be viewed at this site.');
    expect(parsePage(none.text)).toEqual({ kind: 'search-results', rows: [] });
  });

  it('serves robots.txt disallowing the Case.net paths', async () => {
    const { text } = await get('/robots.txt');
    expect(text).toContain('Disallow: /casenet/');
    expect(text).toContain('Disallow: /cnet/');
  });

  it('serves the new case view shell that renders from the JSON endpoints', async () => {
    const { status, text } = await get(`/cnet/cases/newHeader.do?${oldQuery()}`);
    expect(status).toBe(200);
    expect(text).toContain('data-case-number="22SL-CC00807"');
    expect(text).toContain("post('docketEntriesSearch.do'");
    expect(text).toContain("tr.setAttribute('data-entry', '')");
  });
});

describe('both generations agree (parsed by shared/casenet/parse-page)', () => {
  const cases = seedCases().map((c) => ({ court: c.courtId, number: c.caseNumber }));

  it.each(cases.map((c) => [`${c.court}|${c.number}`, c] as const))('%s: old docket page and new JSON give the same entries', async (_name, c) => {
    const old = await parseAt(docketPath(c));
    const fresh = parsePage(await newDocket(c));
    expect(withoutSequence(fresh)).toEqual(withoutSequence(old));
    expect(docketOf(fresh).entries.every((e) => e.sequence !== null)).toBe(true);
  });

  it.each(cases.map((c) => [`${c.court}|${c.number}`, c] as const))('%s: old header page and new header JSON give the same fields', async (_name, c) => {
    const old = await parseAt(`/casenet/cases/header.do?${oldQuery(c)}`);
    const fresh = parsePage((await get(`/cnet/cases/newHeaderData.do?caseNumber=${c.number}&courtId=${c.court}`)).text);
    expect(old.kind).toBe('header');
    expect(fresh).toEqual(old);
  });

  it('seeded data is deterministic for a given date', () => {
    const at = new Date('2026-01-02T12:00:00Z');
    expect(seedCases(at)).toEqual(seedCases(at));
  });
});
