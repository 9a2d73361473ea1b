/**
 * `npm run dev:federated`: the two example services (reviews, a federation subgraph, on 4001; content,
 * plain GraphQL, on 4002) and the gateway on PORT (3000) with both connectors enabled for the demo shops.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReviews } from '../examples/subgraphs/reviews/server';
import { startContent } from '../examples/subgraphs/content/server';
import { DEMO_REMOTES } from '../src/cli/schema';

const root = join(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const jwksUrl = () => `http://127.0.0.1:${port}/.well-known/jwks.json`;

/** The demo tenant files with the two connectors added to their plugins (tenants/ is left as it is). */
function federatedTenants(): string {
  const dir = join(root, '.data', 'federated-tenants');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(join(root, 'tenants')).filter((f) => f.endsWith('.yaml'))) {
    const text = readFileSync(join(root, 'tenants', file), 'utf8');
    writeFileSync(join(dir, file), text.replace(/^plugins: \[(.*)\]$/m, 'plugins: [$1, reviews, content]'));
  }
  return dir;
}

async function main() {
  const reviews = await startReviews({ port: 4001, jwksUrl });
  const content = await startContent({ port: 4002, jwksUrl });
  for (const tenant of ['acme', 'demo']) {
    content.store.pages.set(tenant, [{ handle: 'about', title: `About ${tenant}`, body: 'Our story.' }]);
  }
  console.log(`reviews subgraph: ${reviews.url}\ncontent service: ${content.url}`);
  const gateway = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'serve'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      GATEWAY_PLUGIN_PATHS: DEMO_REMOTES.join(','),
      TENANTS_DIR: federatedTenants(),
      REVIEWS_URL: reviews.url,
      CONTENT_URL: content.url,
    },
  });
  const stop = () => gateway.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  gateway.on('exit', (code) => {
    void Promise.all([reviews.close(), content.close()]).then(() => process.exit(code ?? 0));
  });
}

void main();
