import { readFileSync } from 'node:fs';
import { benchEnv, prepareBenchDatabase } from './database';
import { closedLoop } from './load';
import { scenarios } from './scenarios';
import { startServer, type ServerUnderTest } from './servers';
import { baselineTarget, benchCredentials, benchIds, gatewayTarget } from './targets';
const times = (pid: number) => { const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return [Number(f[11]) * 10, Number(f[12]) * 10]; };
async function main() {
  const url = await prepareBenchDatabase(process.env.DATABASE_URL!);
  const env = benchEnv(url);
  const gw = await startServer('gateway', 'bench/gateway-server.ts', env);
  const bl = await startServer('baseline', 'bench/baseline/server.ts', env);
  const creds = await benchCredentials();
  try {
    for (const sc of scenarios(await benchIds(url))) {
      for (const [s, t] of [[gw, gatewayTarget(gw.port, sc, creds)], [bl, baselineTarget(bl.port, sc)]] as const) {
        await closedLoop(t, 1, 10);
        const a = times((s as ServerUnderTest).child.pid!);
        const r = await closedLoop(t, 4, 10);
        const b = times((s as ServerUnderTest).child.pid!);
        const n = r.rps * 4;
        console.log(sc.name, (s as ServerUnderTest).name, r.rps.toFixed(0), 'user', ((b[0] - a[0]) / n).toFixed(3), 'sys', ((b[1] - a[1]) / n).toFixed(3));
      }
    }
  } finally { await gw.stop(); await bl.stop(); }
}
main().then(() => process.exit(0));
