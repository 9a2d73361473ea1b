import { benchEnv, prepareBenchDatabase } from './database';
import { timedSlice } from './load';
import { startServer } from './servers';
import { benchCredentials } from './targets';
import { median } from './stats';
async function main() {
  const url = await prepareBenchDatabase(process.env.DATABASE_URL!);
  const a = await startServer('this', 'bench/gateway-server.ts', benchEnv(url));
  const b = await startServer('other', '/tmp/wt/bench/gateway-server.ts', benchEnv(url));
  const creds = await benchCredentials();
  const t = (port: number) => ({ url: `http://127.0.0.1:${port}/graphql`, headers: { 'content-type': 'application/json', ...creds.storefront }, body: JSON.stringify({ query: process.env.Q ?? '{ __typename }' }) });
  const res = new Map([[a, [] as number[]], [b, [] as number[]]]);
  for (let i = 0; i < 6; i++) for (const s of i % 2 ? [a, b] : [b, a]) res.get(s)!.push((await timedSlice(s, t(s.port), 3, 10)).cpuMsPerRequest);
  console.log('this', median(res.get(a)!).toFixed(3), 'other', median(res.get(b)!).toFixed(3));
  await a.stop(); await b.stop();
}
main().then(() => process.exit(0));
