import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { buildCompiledLayout, type CompiledLayout } from '../kit/compiled';
import { createPostgresDatabase, describeEachKind } from '../kit/databases';
import { compiledProgram, startInstance, type Instance } from '../kit/instances';

/** The demo tenants' secrets (tenants/*.yaml name them), fixed so the test knows the storefront token. */
const DEMO_SECRETS = {
  ACME_STOREFRONT_TOKEN: 'acme-storefront-token-compiled-0123456789',
  ACME_JWT_SECRET: 'acme-jwt-secret-compiled-0123456789abcdef0123',
  DEMO_STOREFRONT_TOKEN: 'demo-storefront-token-compiled-0123456789',
  DEMO_JWT_SECRET: 'demo-jwt-secret-compiled-0123456789abcdef0123',
};

/** A valid plugin whose manifest is TypeScript: the compiled server has no loader for it. */
const TYPESCRIPT_PLUGIN = join(projectRoot(), 'test', 'fixtures', 'plugins', 'extra-greeting');

const pluginFolders = readdirSync(join(projectRoot(), 'resolvers'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

interface PluginStatus {
  name: string;
  source: string;
  state: string;
  reason: string | null;
}

/** Polls `path` until it answers 200 (bounded); returns the last answer's body. */
async function until200(url: string, timeoutMs = 120_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url).catch(() => null);
    if (res?.status === 200) return res.json();
    if (Date.now() > deadline) throw new Error(`${url} answered ${res?.status ?? 'nothing'} until the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let layout: CompiledLayout | undefined;

// Compiling the whole tree takes a minute or more on a loaded machine.
beforeAll(async () => {
  layout = await buildCompiledLayout();
}, 300_000);

afterAll(() => layout?.remove());

describeEachKind('the compiled server (node on dist/, no tsx)', (kind) => {
  let server: Instance | undefined;
  let drop: (() => Promise<void>) | undefined;
  let ready: { ready: boolean; plugins: PluginStatus[] };

  beforeAll(async () => {
    const database = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    drop = database && (() => database.drop());
    server = await startInstance(
      {
        ...DEMO_SECRETS,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        DATA_DIR: join(layout!.dir, `.data-${kind}`),
        DATABASE_URL: database?.url,
        GATEWAY_PLUGIN_PATHS: TYPESCRIPT_PLUGIN,
      },
      150_000,
      compiledProgram(layout!.dir),
    );
    await until200(`${server.url}/healthz`);
    ready = (await until200(`${server.adminUrl}/readyz`)) as typeof ready;
  }, 200_000);

  afterAll(async () => {
    await server?.stop();
    await drop?.();
  }, 60_000);

  it('is ready with every plugin of resolvers/ loaded from its compiled manifest', () => {
    expect(ready.ready).toBe(true);
    for (const name of pluginFolders) {
      expect(ready.plugins.find((p) => p.name === name)).toMatchObject({
        state: 'active',
        source: `dist/resolvers/${name}/plugin.js`,
      });
    }
  });

  it('quarantines a TypeScript manifest from GATEWAY_PLUGIN_PATHS with the reason, and serves the rest', () => {
    expect(ready.plugins.find((p) => p.name === 'extra-greeting')).toMatchObject({
      state: 'quarantined',
      reason: 'a TypeScript manifest needs tsx (npm start); the compiled server loads .js only',
    });
  });

  it("answers a storefront query with the demo shop's token, from the seeded demo catalog", async () => {
    const res = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-storefront-token': DEMO_SECRETS.ACME_STOREFRONT_TOKEN },
      body: JSON.stringify({
        query: '{ products(first: 2) { nodes { title priceRange { minVariantPrice { amount currencyCode } } } } }',
      }),
    });
    const body = (await res.json()) as {
      data?: { products: { nodes: { title: string; priceRange: { minVariantPrice: { currencyCode: string } } }[] } };
      errors?: unknown[];
    };
    expect([res.status, body.errors]).toEqual([200, undefined]);
    const nodes = body.data!.products.nodes;
    expect(nodes).toHaveLength(2);
    // acme is a shop in euros (tenants/acme.yaml): the answer is that tenant's catalog.
    expect(nodes.map((n) => n.priceRange.minVariantPrice.currencyCode)).toEqual(['EUR', 'EUR']);
    for (const node of nodes) expect(node.title).toEqual(expect.any(String));
  });
});
