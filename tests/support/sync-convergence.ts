import { syncOnce, type PushResult, type SyncTransport } from '../../shared/sync/engine';
import type { Mutation, MutationInput, PushRequest, SyncedCase } from '../../shared/sync/protocol';
import { signedInUser, signInOnNewBrowser } from './accounts';
import type { TestBackend } from './backend';
import { emptyFolder, MemoryReplica, type Folder } from './memory-replica';
import { httpTransport } from './sync-transport';

/**
 * A randomized convergence run: N browsers of one user make random changes, go offline, lose pushes
 * and answers, send pushes twice or late; at the end every browser syncs and all must hold the
 * server's folder, which must equal an oracle built from every push the server acknowledged,
 * applied once each in arrival order with the documented merge rules.
 */

/** mulberry32: a small seeded PRNG, so a failing seed replays exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['CT22|22SL-CC00807', 'CT13|14BA-CV01093', 'CT12|171155061', 'CT16|1616-CV24680', 'EAP|ED112233', 'CT21|21SL-CC01234'];
const ALERTS = KEYS.slice(0, 3).flatMap((k) => [`${k}|fp1|new`, `${k}|fp2|changed`]);
const TAGS = ['family', 'urgent', 'client-a', 'appeal'];

type Oracle = Folder & { tombstones: Set<string>; last: Map<string, number> };

/** The server's merge rules, written again independently as the test's oracle. */
function oracleApply(o: Oracle, m: Mutation): void {
  if (m.op === 'markRead') {
    if (!o.reads.has(m.args.alertId)) o.reads.set(m.args.alertId, m.args.readAt);
    return;
  }
  if (m.op === 'setSettings') {
    o.settings = m.args.settings;
    return;
  }
  const live = o.cases.get(m.args.key);
  switch (m.op) {
    case 'putCase': {
      const a = m.args;
      const base: SyncedCase = live ?? { courtId: a.courtId, caseNumber: a.caseNumber, caption: null, saved: false, tracked: false, note: '', tags: [], source: null };
      o.cases.set(a.key, { ...base, caption: a.caption, saved: a.saved, tracked: a.tracked, source: a.source });
      o.tombstones.delete(a.key);
      return;
    }
    case 'setFlags':
      if (live) o.cases.set(m.args.key, { ...live, ...(m.args.saved === undefined ? {} : { saved: m.args.saved }), ...(m.args.tracked === undefined ? {} : { tracked: m.args.tracked }) });
      return;
    case 'setNote':
      if (live) o.cases.set(m.args.key, { ...live, note: m.args.note });
      return;
    case 'setTags':
      if (live) o.cases.set(m.args.key, { ...live, tags: [...new Set(m.args.tags)] });
      return;
    case 'removeCase':
      if (!live) return;
      o.cases.delete(m.args.key);
      o.tombstones.add(m.args.key);
      return;
  }
}

function randomOp(r: () => number, step: number): MutationInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const key = pick(KEYS);
  const [courtId = '', caseNumber = ''] = key.split('|');
  const x = r();
  if (x < 0.25) return { op: 'putCase', args: { key, courtId, caseNumber, caption: r() < 0.5 ? null : `Caption ${step}`, saved: true, tracked: r() < 0.6, source: null } };
  if (x < 0.4) return { op: 'setNote', args: { key, note: `note ${step}` } };
  if (x < 0.5) return { op: 'setTags', args: { key, tags: TAGS.filter(() => r() < 0.4) } };
  if (x < 0.6) return { op: 'setFlags', args: { key, tracked: r() < 0.5 } };
  if (x < 0.72) return { op: 'removeCase', args: { key } };
  if (x < 0.92) return { op: 'markRead', args: { alertId: pick(ALERTS), readAt: 1_000 + step } };
  return { op: 'setSettings', args: { settings: { refreshMinutes: 15 + Math.floor(r() * 100), step } } };
}

export type ConvergenceResult = {
  server: Folder;
  oracle: Folder;
  clients: { clientId: string; folder: Folder }[];
  stats: { ops: number; pushesSent: number; lostRequests: number; lostAnswers: number; duplicates: number; latePushes: number; failedPulls: number };
};

/** Run the scenario against a running test backend (one fresh user per run). */
export async function runConvergence(t: TestBackend, opts: { seed: number; ops: number; clients?: number; email?: string }): Promise<ConvergenceResult> {
  const r = prng(opts.seed);
  const email = opts.email ?? `sync-${opts.seed}-${Date.now()}@example.com`;
  const first = await signedInUser(t, email);
  const apis = [first];
  for (let i = 1; i < (opts.clients ?? 3); i++) apis.push(await signInOnNewBrowser(t, email));
  const oracle: Oracle = { ...emptyFolder(), tombstones: new Set(), last: new Map() };
  const stats = { ops: 0, pushesSent: 0, lostRequests: 0, lostAnswers: 0, duplicates: 0, latePushes: 0, failedPulls: 0 };
  const sent: PushRequest[] = [];
  let faults = true;

  /** Every push that reaches the server goes through here, so the oracle learns what was applied. */
  const reachServer = async (base: SyncTransport, req: PushRequest): Promise<PushResult> => {
    stats.pushesSent++;
    const result = await base.push(req);
    if (result.ok) {
      const before = oracle.last.get(req.clientId) ?? 0;
      for (const m of req.mutations) if (m.id > before && m.id <= result.response.lastMutationId) oracleApply(oracle, m);
      oracle.last.set(req.clientId, Math.max(before, result.response.lastMutationId));
    }
    return result;
  };

  const clients = apis.map((api, i) => {
    const base = httpTransport(api);
    const replica = new MemoryReplica(`client-${i}-${opts.seed}`);
    const flaky: SyncTransport = {
      async push(req) {
        if (faults && sent.length > 0 && r() < 0.1) {
          stats.latePushes++;
          const old = sent[Math.floor(r() * sent.length)] as PushRequest;
          await reachServer(httpTransport(apis[Number(old.clientId.split('-')[1])] ?? api), old);
        }
        sent.push(structuredClone(req));
        const x = faults ? r() : 1;
        if (x < 0.1) {
          stats.lostRequests++;
          throw new Error('request lost');
        }
        const result = await reachServer(base, req);
        if (x < 0.2) {
          stats.lostAnswers++;
          throw new Error('answer lost');
        }
        if (x < 0.3) {
          stats.duplicates++;
          return reachServer(base, req);
        }
        return result;
      },
      async pull(cursor) {
        // The user acts while a sync round is in flight: this change is pending during the pull.
        if (faults && r() < 0.3) {
          replica.change(randomOp(r, stats.ops));
          stats.ops++;
        }
        if (faults && r() < 0.1) {
          stats.failedPulls++;
          throw new Error('pull failed');
        }
        return base.pull(cursor);
      },
    };
    return { replica, transport: flaky, online: true };
  });

  for (let step = 0; step < opts.ops; step++) {
    const c = clients[Math.floor(r() * clients.length)];
    if (!c) continue;
    const x = r();
    if (x < 0.05) c.online = !c.online;
    else if (x < 0.75) {
      c.replica.change(randomOp(r, step));
      stats.ops++;
    } else if (c.online) await syncOnce(c.replica, c.transport).catch(() => undefined);
  }

  faults = false;
  for (let round = 0; round < 3; round++) for (const c of clients) await syncOnce(c.replica, c.transport);

  const server = new MemoryReplica('observer');
  await syncOnce(server, httpTransport(first));
  return { server: server.folder, oracle, clients: clients.map((c) => ({ clientId: c.replica.clientId, folder: c.replica.folder })), stats };
}

/** A folder as plain sorted data, for equality checks and readable diffs. */
export function plain(f: Folder) {
  return {
    cases: Object.fromEntries([...f.cases.entries()].sort(([a], [b]) => a.localeCompare(b))),
    reads: Object.fromEntries([...f.reads.entries()].sort(([a], [b]) => a.localeCompare(b))),
    settings: f.settings,
    alerts: [...f.alerts].sort(),
  };
}
