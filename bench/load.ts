/**
 * Two load shapes. Closed loop (autocannon, fixed concurrency) gives saturation throughput. Open loop
 * sends evenly spaced requests at a fixed rate, each timed from when it was due, so a slow answer
 * delays no later request and latency percentiles are not flattered (autocannon's rate mode bursts).
 */
import { Agent, request } from 'node:http';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import type { ServerUnderTest } from './servers';
import { requestsPerUnit, type Target } from './targets';

export interface ClosedResult {
  /** Units completed (requests, or whole sequences for a checkout). */
  requests: number;
  rps: number;
  errors: number;
  /** Latency percentiles in ms, at the loop's fixed concurrency (queueing included). */
  p50: number;
  p99: number;
}

/** autocannon's cycle of requests per connection: a sequence's steps, or one request per header set. */
function requestsOf(target: Target, failed: { n: number }): CannonRequest[] | undefined {
  if (target.sequence) {
    return target.sequence.map((step) => ({
      method: 'POST',
      path: step.path,
      setupRequest: (request, context) => ({ ...request, body: step.body(context) }),
      onResponse: (_status, body, context) => {
        if (!step.read(body, context)) failed.n += 1;
      },
    }));
  }
  return target.rotateHeaders?.map((headers) => ({ method: 'POST', headers: { ...target.headers, ...headers } }));
}

export async function closedLoop(target: Target, seconds: number, connections: number): Promise<ClosedResult> {
  const failed = { n: 0 };
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    requests: requestsOf(target, failed),
    connections,
    duration: seconds,
  });
  const units = result.requests.total / requestsPerUnit(target);
  return {
    requests: units,
    rps: units / seconds,
    errors: result.errors + result.non2xx + result.timeouts + failed.n,
    // Per request, also for a sequence (its unit's latency is about the steps' sum).
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** One slice of an interleaved run: the server's throughput, the CPU it spent per request, and errors. */
export interface Slice {
  rps: number;
  cpuMsPerRequest: number;
  errors: number;
  p50: number;
  p99: number;
}

/** A closed-loop slice against `server`, with the CPU time it used meanwhile read from /proc. */
export async function timedSlice(
  server: ServerUnderTest,
  target: Target,
  seconds: number,
  connections: number,
): Promise<Slice> {
  const cpuBefore = server.cpuMs();
  const result = await closedLoop(target, seconds, connections);
  return {
    rps: result.rps,
    cpuMsPerRequest: (server.cpuMs() - cpuBefore) / Math.max(1, result.requests),
    errors: result.errors,
    p50: result.p50,
    p99: result.p99,
  };
}

export interface OpenResult {
  sent: number;
  errors: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function openLoop(target: Target, rate: number, seconds: number): Promise<OpenResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(target.url);
  const headers = { ...target.headers, 'content-length': String(Buffer.byteLength(target.body)) };
  const latencies: number[] = [];
  let errors = 0;
  const send = (due: number) =>
    new Promise<void>((done) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors += 1;
            latencies.push(performance.now() - due);
            done();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        done();
      });
      req.end(target.body);
    });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent: total, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export interface Probed {
  status: number;
  body: unknown;
  statements: number;
}

async function send(url: string, headers: Record<string, string>, body: string): Promise<Probed & { text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as unknown,
    statements: Number(res.headers.get('x-sql-statements')),
  };
}

/**
 * One unit: status, body and the statement count the server reports. A sequence answers with its steps'
 * bodies in order and their statements summed; its status is the first that is not a success.
 */
export async function probe(target: Target): Promise<Probed> {
  if (!target.sequence) return send(target.url, target.headers, target.body);
  const origin = new URL(target.url).origin;
  const state = {};
  const bodies: unknown[] = [];
  let statements = 0;
  for (const step of target.sequence) {
    const answer = await send(`${origin}${step.path}`, target.headers, step.body(state));
    bodies.push(answer.body);
    statements += answer.statements;
    if (answer.status !== 200 || !step.read(answer.text, state))
      return { ...answer, status: answer.status === 200 ? 422 : answer.status, body: bodies, statements };
  }
  return { status: 200, body: bodies, statements };
}

/**
 * The statements per request of `target` under `connections` concurrent clients (each request's
 * `x-sql-statements`, averaged over `count` requests): on rotating headers, the mix's tenant changes.
 */
export async function statementsUnderLoad(target: Target, count: number, connections: number): Promise<number> {
  const headers = target.rotateHeaders ?? [{}];
  let next = 0;
  let total = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const answer = await send(target.url, { ...target.headers, ...headers[i % headers.length] }, target.body);
      total += answer.statements;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return total / count;
}
