import { Writable } from 'node:stream';
import { join } from 'node:path';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { loadEnv } from '../../src/config/env';
import { createGateway, type Gateway } from '../../src/engine/gateway';
import { createLogger } from '../../src/observability/logger';
import { projectRoot } from '../../src/sdk';
import { createTestDatabase, type TestDatabase } from '../kit/databases';
import { fixtureTenantsFor, pluginPath, TEST_SECRETS } from '../kit/gateway';
import { jobEvents } from '../fixtures/plugins/misbehaving/plugin';
import { scrape, valueOf } from './prometheus';

const MISBEHAVING = join(projectRoot(), 'test', 'fixtures', 'plugins', 'misbehaving', 'plugin.ts');
const ALPHA = { 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN };
const BETA = { 'x-storefront-token': TEST_SECRETS.TEST_BETA_STOREFRONT_TOKEN };

interface LogLine {
  msg: string;
  requestId?: string;
  tenant?: string;
  operationName?: string;
  operationType?: string;
  durationMs?: number;
  status?: number;
  code?: string;
}

describe('logs, metrics and traces of a gateway', () => {
  const lines: string[] = [];
  const spans = new InMemorySpanExporter();
  let database: TestDatabase;
  let gateway: Gateway;
  let base: string;
  /** The operators' listener: /metrics and the detailed /readyz. */
  let adminBase: string;

  const post = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };
  const requestLines = () => lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.msg === 'request');

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const env = loadEnv({
      ...process.env,
      NODE_ENV: 'test',
      TENANTS_DIR: fixtureTenantsFor(['core', 'misbehaving']),
      METRICS_OPERATIONS: 'Known',
    });
    database = await createTestDatabase('pglite');
    gateway = await createGateway({
      env,
      log: createLogger('info', sink),
      plugins: [pluginPath('core'), MISBEHAVING],
      database,
      migrate: true,
      traceExporter: spans,
      jobs: true,
    });
    base = `http://127.0.0.1:${(await gateway.listen(0, '127.0.0.1')).port}`;
    adminBase = `http://127.0.0.1:${(await gateway.listenAdmin(0, '127.0.0.1')).port}`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  it('counts a known set of requests exactly, by tenant, operation type and name, and outcome', async () => {
    for (let i = 0; i < 3; i++) expect((await post('query Known { faultyOk }', ALPHA)).status).toBe(200);
    for (let i = 0; i < 2; i++) await post('query Unlisted { faultyOk }', BETA);
    await post('{ faultyThrow }', ALPHA);
    expect((await post('{ faultyOk }')).status).toBe(401);
    expect((await post('{ nope', ALPHA)).status).toBe(400);

    const samples = await scrape(adminBase);
    const requests = (labels: Record<string, string>) => valueOf(samples, 'gateway_requests_total', labels);
    expect(requests({ tenant: 'alpha', operation_type: 'query', operation: 'Known', code: 'OK' })).toBe(3);
    expect(requests({ tenant: 'beta', operation_type: 'query', operation: 'other', code: 'OK' })).toBe(2);
    expect(
      requests({ tenant: 'alpha', operation_type: 'query', operation: 'other', code: 'INTERNAL_SERVER_ERROR' }),
    ).toBe(1);
    expect(requests({ tenant: 'none', operation_type: 'none', operation: 'none', code: 'UNAUTHENTICATED' })).toBe(1);
    expect(requests({ tenant: 'alpha', operation_type: 'none', operation: 'none', code: 'GRAPHQL_PARSE_FAILED' })).toBe(
      1,
    );
    expect(samples.filter((s) => s.name === 'gateway_requests_total').reduce((n, s) => n + s.value, 0)).toBe(8);
    expect(
      valueOf(samples, 'gateway_request_duration_seconds_count', {
        tenant: 'alpha',
        operation_type: 'query',
        code: 'OK',
      }),
    ).toBe(3);
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    expect(valueOf(samples, 'gateway_plugin_state', { plugin: 'misbehaving', state: 'active' })).toBe(1);
  });

  it('counts the SQL statements a request sends', async () => {
    const before = valueOf(await scrape(adminBase), 'gateway_sql_statements_total', { outcome: 'ok' });
    const res = await post('{ fixtureNoteCount(body: "x") }', ALPHA);
    expect(res.body).toMatchObject({ data: { fixtureNoteCount: 0 } });
    const after = await scrape(adminBase);
    expect(valueOf(after, 'gateway_sql_statements_total', { outcome: 'ok' }) - before).toBe(
      Number(res.headers.get('x-sql-statements')),
    );
    expect(valueOf(after, 'gateway_sql_duration_seconds_count')).toBeGreaterThanOrEqual(
      valueOf(after, 'gateway_sql_statements_total', { outcome: 'ok' }),
    );
  });

  it('writes one JSON line per request with request id, tenant, operation, duration and outcome', async () => {
    lines.length = 0;
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42', ...ALPHA },
      body: JSON.stringify({ query: 'query Known { faultyOk }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('trace-me-42');
    await res.text();
    await post('{ faultyOk }', BETA);
    const logged = requestLines();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      requestId: 'trace-me-42',
      tenant: 'alpha',
      operationName: 'Known',
      operationType: 'query',
      status: 200,
      code: 'OK',
    });
    expect(typeof logged[0].durationMs).toBe('number');
    expect(logged[1].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged[1].tenant).toBe('beta');
  });

  it('never writes a credential into the log', async () => {
    lines.length = 0;
    await post('{ faultyThrow }', ALPHA);
    await post('{ faultyOk }', { authorization: 'Bearer not.a.valid-token-value' });
    await post('{ faultyOk }', { 'x-storefront-token': 'wrong-storefront-token-123' });
    gateway.log.info({ token: 'top-secret-token', req: { headers: { authorization: 'Bearer abc.def.ghi' } } }, 'probe');
    const text = lines.join('\n');
    expect(requestLines()).toHaveLength(3);
    for (const secret of [
      TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN,
      'not.a.valid-token-value',
      'wrong-storefront-token-123',
      'top-secret-token',
      'abc.def.ghi',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('traces the HTTP request, its GraphQL execution and its SQL statements as one trace', async () => {
    spans.reset();
    await post('query Traced { fixtureNoteCount(body: "y") }', ALPHA);
    await new Promise((r) => setTimeout(r, 20));
    const finished = spans.getFinishedSpans();
    const http = finished.find((s) => s.name === 'POST /graphql');
    const execution = finished.find((s) => s.name === 'graphql.execute Traced');
    const sql = finished.filter((s) => s.name === 'db.query');
    expect(http).toBeDefined();
    expect(execution?.parentSpanContext?.spanId).toBe(http!.spanContext().spanId);
    expect(sql.length).toBeGreaterThanOrEqual(3);
    for (const span of [execution!, ...sql]) expect(span.spanContext().traceId).toBe(http!.spanContext().traceId);
    expect(sql.some((s) => s.parentSpanContext?.spanId === execution!.spanContext().spanId)).toBe(true);
    expect(http!.attributes['retail.tenant']).toBe('alpha');
  });

  it("continues the caller's trace from a W3C traceparent header, and ignores a malformed one", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    spans.reset();
    await post('query Continued { fixtureNoteCount(body: "y") }', {
      ...ALPHA,
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    });
    await post('query Fresh { fixtureNoteCount(body: "y") }', { ...ALPHA, traceparent: '00-zz-not-a-trace-01' });
    await new Promise((r) => setTimeout(r, 20));
    const servers = spans.getFinishedSpans().filter((s) => s.name === 'POST /graphql');
    expect(servers).toHaveLength(2);
    const [continued, fresh] = servers;
    expect(continued.spanContext().traceId).toBe(traceId);
    expect(continued.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(fresh.spanContext().traceId).not.toBe(traceId);
    expect(fresh.parentSpanContext).toBeUndefined();
  });

  it("details every dependency, plugin and tenant in the operators' /readyz", async () => {
    const res = await fetch(`${adminBase}/readyz`);
    expect(res.status).toBe(200);
    const status = (await res.json()) as {
      ready: boolean;
      dependencies: { name: string; ok: boolean }[];
      plugins: { name: string; state: string; circuit: string | null }[];
      tenants: { id: string; state: string }[];
    };
    expect(status.ready).toBe(true);
    expect(status.dependencies).toContainEqual({ name: 'database (pglite)', ok: true, detail: null });
    expect(status.plugins).toContainEqual(
      expect.objectContaining({ name: 'misbehaving', state: 'active', circuit: 'closed' }),
    );
    expect(status.tenants.map((t) => [t.id, t.state]).sort()).toEqual([
      ['alpha', 'active'],
      ['beta', 'active'],
    ]);
  });

  it('stops background jobs at a safe point when the gateway stops', async () => {
    expect(jobEvents).toContain('started');
    await gateway.stop();
    expect(jobEvents.at(-1)).toBe('stopped at a safe point');
    expect(jobEvents.filter((e) => e === 'started')).toHaveLength(1);
  });
});
