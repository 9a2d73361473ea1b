import { runBounded } from '../kit/schedule';
import { TENANTS, type InterleavedGateway, type TenantId } from './interleaved-gateway';
import {
  BASELINE_OPS,
  WRITES,
  baselineKey,
  describeOp,
  label,
  requestOf,
  wrongAnswer,
  type Op,
  type OpKind,
} from './interleaved-ops';
import { foreignValues, type World } from './interleaved-world';

type Body = { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
type Reply = { aborted: true } | { aborted: false; status: number; body: Body };

/** POST /graphql, aborted by the client `abortAfterMs` after sending when given. */
async function send(url: string, request: ReturnType<typeof requestOf>, abortAfterMs?: number): Promise<Reply> {
  const controller = new AbortController();
  const timer = abortAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.auth },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
      signal: controller.signal,
    });
    return { aborted: false, status: res.status, body: JSON.parse(await res.text()) as Body };
  } catch (error) {
    if (controller.signal.aborted) return { aborted: true };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Each tenant's answers to the stable reads, made one at a time; checked to hold its own data only. */
export type Baseline = Record<TenantId, Map<string, unknown>>;

export async function takeBaseline(g: InterleavedGateway, world: World): Promise<Baseline> {
  const baseline = {} as Baseline;
  for (const tenant of TENANTS) {
    baseline[tenant] = new Map();
    for (const read of BASELINE_OPS) {
      const op: Op = { index: -1, tenant, kind: read.kind, pick: read.pick, delta: 0, seconds: 0 };
      const reply = await send(g.t.url, requestOf(op, world));
      const text = JSON.stringify(reply);
      const foreign = reply.aborted ? [] : foreignValues(reply.body, tenant, world.owners);
      if (reply.aborted || reply.body.errors || !text.includes(`[${tenant}]`) || foreign.length) {
        throw new Error(`baseline ${describeOp(op)} is not the tenant's own answer: ${text}`);
      }
      baseline[tenant].set(baselineKey(op), reply.body.data);
    }
  }
  return baseline;
}

/** Labels of a tenant's writes of one kind: answered as done, or cut off (aborted, timed out) midway. */
export interface Ledger {
  done: Set<string>;
  unknown: Set<string>;
}
export type Outcome = 'ok' | 'aborted' | 'timeout';

export interface RunReport {
  failures: string[];
  outcomes: Partial<Record<OpKind, Partial<Record<Outcome, number>>>>;
  /** Per tenant, per write kind (`sign` and `signAlone` both write guestbook entries). */
  writes: Record<TenantId, Record<'adjust' | 'describe' | 'guestbook', Ledger>>;
}

const ledger = (): Ledger => ({ done: new Set(), unknown: new Set() });

export function emptyReport(): RunReport {
  const writes = {} as RunReport['writes'];
  for (const tenant of TENANTS) writes[tenant] = { adjust: ledger(), describe: ledger(), guestbook: ledger() };
  return { failures: [], outcomes: {}, writes };
}

/** Runs `ops` at most `concurrency` at a time, checking every answer against what its tenant may see. */
export async function runOps(
  g: InterleavedGateway,
  world: World,
  baseline: Baseline,
  ops: readonly Op[],
  concurrency: number,
  report: RunReport,
): Promise<void> {
  await runBounded(
    ops.map((op) => async () => {
      const outcome = await runOne(g, world, baseline, op, report.failures);
      if (!outcome) return;
      const counts = (report.outcomes[op.kind] ??= {});
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      if (!WRITES.has(op.kind)) return;
      const kind = op.kind === 'adjust' || op.kind === 'describe' ? op.kind : 'guestbook';
      report.writes[op.tenant][kind][outcome === 'ok' ? 'done' : 'unknown'].add(label(op));
    }),
    concurrency,
  );
}

async function runOne(
  g: InterleavedGateway,
  world: World,
  baseline: Baseline,
  op: Op,
  failures: string[],
): Promise<Outcome | undefined> {
  const fail = (why: string) => void failures.push(`${describeOp(op)}: ${why}`);
  let reply: Reply;
  try {
    reply = await send(g.t.url, requestOf(op, world), op.abortAfterMs);
  } catch (error) {
    return fail(`request failed: ${String(error)}`);
  }
  if (reply.aborted) return 'aborted';
  const foreign = foreignValues(reply.body, op.tenant, world.owners);
  if (foreign.length) return fail(`another tenant's data: ${foreign.join(', ')}`);
  const codes = (reply.body.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length && codes.every((c) => c === 'TIMEOUT')) return 'timeout';
  if (codes.length) return fail(`errors ${JSON.stringify(reply.body.errors)}`);
  let wrong: string | null;
  try {
    wrong = wrongAnswer(op, reply.body.data, world, baseline[op.tenant].get(baselineKey(op)));
  } catch {
    wrong = `an answer of another shape: ${JSON.stringify(reply.body.data)}`;
  }
  return wrong ? fail(wrong) : 'ok';
}
