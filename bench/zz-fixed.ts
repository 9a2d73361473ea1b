import { readFileSync } from 'node:fs';
import { benchEnv, prepareBenchDatabase } from './database';
import { closedLoop } from './load';
import { startServer } from './servers';
import { benchCredentials } from './targets';
const times = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return Number(f[11]) * 10 + Number(f[12]) * 10; };
async function main() {
  const url = await prepareBenchDatabase(process.env.DATABASE_URL!);
  const gw = await startServer('gateway', process.argv[2] ?? 'bench/gateway-server.ts', benchEnv(url));
  const creds = await benchCredentials();
  const targets = {
    typename: { url: `http://127.0.0.1:${gw.port}/graphql`, headers: { 'content-type': 'application/json', ...creds.storefront }, body: JSON.stringify({ query: '{ __typename }' }) },
    healthz: { url: `http://127.0.0.1:${gw.port}/healthz`, headers: {}, body: undefined as unknown as string },
  };
  try {
    for (let round = 0; round < 2; round++) for (const [name, t] of Object.entries(targets)) {
      await closedLoop(t, 2, 10);
      const a = times(gw.child.pid!);
      const r = await closedLoop(t, 4, 10);
      const b = times(gw.child.pid!);
      console.log(name, r.rps.toFixed(0), 'cpu ms', ((b - a) / (r.rps * 4)).toFixed(3));
    }
  } finally { await gw.stop(); }
}
main().then(() => process.exit(0));
