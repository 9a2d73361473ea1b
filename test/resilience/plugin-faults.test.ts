import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { fixtureTenantsFor, startTestGateway, type TestGateway } from '../kit/gateway';
import { scrape, valueOf } from '../observability/prometheus';

const MISBEHAVING = join(projectRoot(), 'test', 'fixtures', 'plugins', 'misbehaving', 'plugin.ts');
const COOL_DOWN_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a plugin whose resolvers throw, reject and hang', () => {
  let t: TestGateway;
  const ask = (query: string) => t.graphql(query, {}, t.storefront('alpha'));
  const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    (body.errors ?? []).map((e) => e.extensions?.code);

  beforeAll(async () => {
    t = await startTestGateway({
      kind: 'pglite',
      plugins: ['core', MISBEHAVING],
      tenantsDir: fixtureTenantsFor(['core', 'misbehaving']),
      env: {
        PLUGIN_TIMEOUTS: 'misbehaving=300',
        PLUGIN_CIRCUIT_FAILURES: '3',
        PLUGIN_CIRCUIT_COOLDOWN_MS: String(COOL_DOWN_MS),
      },
    });
  });
  afterAll(() => t?.close());

  it('keeps each error in its own field and answers the rest (partial data)', async () => {
    const res = await ask('{ faultyOk faultyThrow faultyReject }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ faultyOk: 'fine', faultyThrow: null, faultyReject: null });
    expect(res.body.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ['faultyReject', 'INTERNAL_SERVER_ERROR'],
      ['faultyThrow', 'INTERNAL_SERVER_ERROR'],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/boom|internal detail/);
  });

  it('cuts a hanging resolver off at the plugin timeout with TIMEOUT', async () => {
    const res = await ask('{ faultyOk faultyHang }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ faultyOk: 'fine', faultyHang: null });
    expect(codes(res.body)).toEqual(['TIMEOUT']);
  });

  it('opens the circuit after repeated failures, answers fast UPSTREAM_UNAVAILABLE, closes after a good probe', async () => {
    // Failures count when consecutive: a success resets the count.
    expect((await ask('{ faultyOk }')).body.data).toEqual({ faultyOk: 'fine' });
    for (let i = 0; i < 3; i++) {
      expect(codes((await ask('{ faultyFlaky(fail: true) }')).body)).toEqual(['INTERNAL_SERVER_ERROR']);
    }
    const refused = await ask('{ faultyOk }');
    expect(codes(refused.body)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(refused.body.errors?.[0]?.extensions?.plugin).toBe('misbehaving');
    // Other plugins keep serving: core's node lookup answers.
    const core = await ask('{ node(id: "nothing") { id } }');
    expect(core.body.errors).toBeUndefined();
    expect(core.body.data).toEqual({ node: null });

    const ready = (await (await fetch(`${t.adminUrl}/readyz`)).json()) as {
      plugins: { name: string; circuit: string }[];
    };
    expect(ready.plugins.find((p) => p.name === 'misbehaving')?.circuit).toBe('open');
    expect(valueOf(await scrape(t.adminUrl), 'gateway_plugin_circuit_state', { plugin: 'misbehaving' })).toBe(2);

    await sleep(COOL_DOWN_MS + 100);
    expect((await ask('{ faultyFlaky(fail: false) }')).body.data).toEqual({ faultyFlaky: 'recovered' });
    expect((await ask('{ faultyOk }')).body.data).toEqual({ faultyOk: 'fine' });
    expect(valueOf(await scrape(t.adminUrl), 'gateway_plugin_circuit_state', { plugin: 'misbehaving' })).toBe(0);
  });

  it('opens again at once when the half-open probe fails', async () => {
    for (let i = 0; i < 3; i++) await ask('{ faultyFlaky(fail: true) }');
    await sleep(COOL_DOWN_MS + 100);
    expect(codes((await ask('{ faultyFlaky(fail: true) }')).body)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(codes((await ask('{ faultyOk }')).body)).toEqual(['UPSTREAM_UNAVAILABLE']);
    await sleep(COOL_DOWN_MS + 100);
    expect((await ask('{ faultyOk }')).body.data).toEqual({ faultyOk: 'fine' });
  });

  it('counts the plugin failures by code', async () => {
    const samples = await scrape(t.adminUrl);
    expect(valueOf(samples, 'gateway_plugin_errors_total', { plugin: 'misbehaving', code: 'TIMEOUT' })).toBe(1);
    expect(valueOf(samples, 'gateway_plugin_errors_total', { plugin: 'misbehaving', code: 'CIRCUIT_OPEN' })).toBe(2);
    // throw + reject + 3 flaky + 3 flaky + failed probe
    expect(valueOf(samples, 'gateway_plugin_errors_total', { plugin: 'misbehaving', code: 'ERROR' })).toBe(9);
  });

  it('cuts a hanging loader batch off once: each field waiting on it answers TIMEOUT', async () => {
    const timeouts = async () =>
      valueOf(await scrape(t.adminUrl), 'gateway_plugin_errors_total', { plugin: 'misbehaving', code: 'TIMEOUT' });
    const before = await timeouts();
    const hung = await ask('{ faultyOk faultyItems(hang: true) { id detail } }');
    expect(hung.status).toBe(200);
    expect(hung.body.data).toEqual({
      faultyOk: 'fine',
      faultyItems: ['1', '2', '3'].map((id) => ({ id, detail: null })),
    });
    expect(codes(hung.body)).toEqual(['TIMEOUT', 'TIMEOUT', 'TIMEOUT']);
    // One batch, one deadline, one failure on the plugin's account.
    expect((await timeouts()) - before).toBe(1);
    const fine = await ask('{ faultyItems(hang: false) { id detail } }');
    expect(fine.body.data).toEqual({ faultyItems: ['1', '2', '3'].map((id) => ({ id, detail: `detail ${id}` })) });
  });
});
