import { z } from 'zod';
import type { SimResponse } from './faults';
import type { SimCase, SimState } from './state';

// The control API under /__sim/ (JSON in, JSON out): tests and `npm start` users change the
// simulated Case.net through it. Never logged as Case.net traffic.

export const CONTROL_ENDPOINTS = [
  'GET    /__sim/state',
  'POST   /__sim/cases                                   {courtId, caseNumber, caption, fields?, entries?, parties?}',
  'GET    /__sim/cases/:courtId/:caseNumber',
  'POST   /__sim/cases/:courtId/:caseNumber/entries       {date:"YYYY-MM-DD", title, text?, filedBy?, onBehalfOf?, scheduledFor?}',
  'PUT    /__sim/cases/:courtId/:caseNumber/entries/:seq  (clerk correction: any entry fields)',
  'DELETE /__sim/cases/:courtId/:caseNumber/entries/:seq',
  'POST   /__sim/faults  {mode: 503|429|maintenance|timeout|layout|notfound|truncated|botcheck|empty, count?, retryAfter?, match?}',
  'DELETE /__sim/faults',
  'GET    /__sim/requests   (Case.net requests: [{t, method, path, query, body?, fault?}])',
  'DELETE /__sim/requests',
  'POST   /__sim/reset      (reseed; faults and request log cleared)',
];

const json = (status: number, value: unknown): SimResponse => ({ status, type: 'application/json; charset=utf-8', body: `${JSON.stringify(value, null, 2)}\n` });
const notFound = (what: string): SimResponse => json(404, { error: `${what} not found` });

const caseView = (c: SimCase) => ({ ...c, entryCount: c.entries.length });

/** Answer one control request; `body` is the raw request body. */
export function handleControl(state: SimState, method: string, path: string, body: string): SimResponse {
  try {
    return route(state, method, path.split('/').filter((part) => part !== '').slice(1).map(decodeURIComponent), body);
  } catch (error) {
    if (error instanceof z.ZodError) return json(400, { error: 'invalid body', issues: error.issues });
    if (error instanceof SyntaxError) return json(400, { error: `body is not JSON: ${error.message}` });
    throw error;
  }
}

const parse = (body: string): unknown => (body.trim() === '' ? {} : JSON.parse(body));

function route(state: SimState, method: string, parts: string[], body: string): SimResponse {
  const [resource, court, number, sub, seqText] = parts;
  const key = `${method} ${resource ?? ''}`;
  switch (key) {
    case 'GET state':
      return json(200, { cases: state.listCases().map(caseView), faults: state.activeFaults(), requestCount: state.requests.length });
    case 'POST reset':
      state.reset();
      return json(200, { ok: true, cases: state.listCases().length });
    case 'POST faults':
      return json(201, state.addFault(parse(body)));
    case 'DELETE faults':
      state.clearFaults();
      return json(200, { ok: true });
    case 'GET requests':
      return json(200, state.requests);
    case 'DELETE requests':
      state.requests.length = 0;
      return json(200, { ok: true });
  }
  if (resource !== 'cases') return notFound('control endpoint');
  if (court === undefined) return method === 'POST' ? json(201, caseView(state.addCase(parse(body)))) : json(200, state.listCases().map(caseView));
  const simCase = state.findCase(court, number);
  if (simCase === undefined) return notFound(`case ${court}/${number ?? ''}`);
  if (sub === undefined && method === 'GET') return json(200, caseView(simCase));
  if (sub !== 'entries') return notFound('control endpoint');
  if (seqText === undefined) return method === 'POST' ? json(201, state.addEntry(simCase, parse(body))) : json(200, simCase.entries);
  const sequence = Number(seqText);
  if (method === 'PUT') {
    const updated = state.updateEntry(simCase, sequence, parse(body));
    return updated ? json(200, updated) : notFound(`entry ${seqText}`);
  }
  if (method === 'DELETE') return state.deleteEntry(simCase, sequence) ? json(200, { ok: true }) : notFound(`entry ${seqText}`);
  return notFound('control endpoint');
}
