import { join } from 'node:path';
import { projectRoot } from '../src/sdk';
import { benchEnv, prepareBenchDatabase } from './database';
import { closedLoop } from './load';
import { startServer } from './servers';
import { benchCredentials } from './targets';
async function main() {
  const url = await prepareBenchDatabase(process.env.DATABASE_URL!);
  const dir = join(projectRoot(), 'bench/results/profiles');
  const gw = await startServer('gateway', 'bench/gateway-server.ts', benchEnv(url), ['--cpu-prof', '--cpu-prof-dir', dir]);
  const creds = await benchCredentials();
  const t = { url: `http://127.0.0.1:${gw.port}/graphql`, headers: { 'content-type': 'application/json', ...creds.storefront }, body: JSON.stringify({ query: '{ __typename }' }) };
  const r = await closedLoop(t, 15, 10);
  console.log(r.rps);
  await gw.stop();
}
main().then(() => process.exit(0));
