import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, type PluginDefinition } from '../../src/sdk';
import type { PluginCandidate } from '../../src/plugins/load';
import { plugin as reviewsManifest } from '../../examples/subgraphs/reviews/plugin';
import { plugin as contentManifest } from '../../examples/subgraphs/content/plugin';
import { startContent } from '../../examples/subgraphs/content/server';
import { ReviewStore, startReviews } from '../../examples/subgraphs/reviews/server';
import { roomyTenants, seedDemo } from '../domain/catalog-kit';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from '../kit/gateway';
import { documentIdOf } from '../../src/documents';
import type { DatabaseKind } from '../../src/db/database';

/** A remote manifest from examples/, pointed at a service started by the test. */
export function remoteCandidate(manifest: PluginDefinition, url: string): PluginCandidate {
  return {
    source: join(projectRoot(), 'examples', 'subgraphs', manifest.name, 'plugin.ts'),
    plugin: { ...manifest, remote: { ...manifest.remote!, url } },
  };
}

function withRules(manifest: PluginDefinition, extra: PluginDefinition['permissions']): PluginDefinition {
  const permissions = { ...manifest.permissions };
  for (const [type, rules] of Object.entries(extra ?? {})) permissions[type] = { ...permissions[type], ...rules };
  return { ...manifest, permissions };
}

export const FEDERATED_PLUGINS = ['core', 'catalog', 'inventory'];

export interface FederatedOptions {
  env?: Record<string, string>;
  /** The reviews service's port (a test that restarts it needs a fixed one). */
  port?: number;
  hold?: () => Promise<void>;
  /** Edits the fixture tenant files before the gateway reads them (id -> new text from old). */
  tenants?: Record<string, (text: string, urls: { content: string }) => string>;
  /** Start the gateway first, with the service down (it is started later with `restartReviews`). */
  serviceDown?: boolean;
  /** Documents each tenant registers (trusted documents), by tenant id. */
  documents?: Record<string, string[]>;
  traceExporter?: TestGatewayOptions['traceExporter'];
  /** Rules added to the reviews manifest's. */
  permissions?: PluginDefinition['permissions'];
}

/** The reviews service on a free port, then a gateway with it, over a seeded demo catalog. */
export async function startFederated(kind: DatabaseKind, options: FederatedOptions = {}) {
  let gatewayUrl = '';
  const store = new ReviewStore();
  const serviceOptions = {
    port: options.port ?? 0,
    jwksUrl: () => `${gatewayUrl}/.well-known/jwks.json`,
    hold: options.hold,
  };
  const reviews = options.serviceDown
    ? { url: `http://127.0.0.1:${serviceOptions.port}/graphql`, received: [], store, close: async () => undefined }
    : await startReviews(serviceOptions, store);
  /** Starts the reviews service again on its port, with its data (and, given them, another SDL and resolvers). */
  const restartReviews = (...changed: [sdl?: string, resolvers?: Record<string, Record<string, unknown>>]) =>
    startReviews(serviceOptions, store, ...changed);
  const content = await startContent({ jwksUrl: serviceOptions.jwksUrl });
  const tenantsDir = roomyTenants([...FEDERATED_PLUGINS, 'reviews', 'content']);
  for (const [id, edit] of Object.entries(options.tenants ?? {})) {
    const file = join(tenantsDir, `${id}.yaml`);
    writeFileSync(file, edit(readFileSync(file, 'utf8'), { content: content.url }));
  }
  for (const [id, texts] of Object.entries(options.documents ?? {})) {
    mkdirSync(join(tenantsDir, id, 'documents'), { recursive: true });
    const manifest = Object.fromEntries(texts.map((text) => [documentIdOf(text), text]));
    writeFileSync(join(tenantsDir, id, 'documents', 'storefront.json'), JSON.stringify(manifest));
  }
  let t: TestGateway;
  try {
    t = await startTestGateway({
      kind,
      plugins: [
        ...FEDERATED_PLUGINS,
        remoteCandidate(withRules(reviewsManifest, options.permissions), reviews.url),
        remoteCandidate(contentManifest, content.url),
      ],
      tenantsDir,
      env: options.env,
      traceExporter: options.traceExporter,
    });
  } catch (error) {
    await reviews.close();
    await content.close();
    throw error;
  }
  gatewayUrl = t.url;
  await seedDemo(t);
  return {
    t,
    reviews,
    content,
    restartReviews,
    async close() {
      await t.close();
      await this.reviews.close();
      await content.close();
    },
  };
}
