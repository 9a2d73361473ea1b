/**
 * `npx tsx bench/profile.ts [scenario]`: runs the full gateway under `node --cpu-prof`, loads it with one
 * scenario (default orders) for BENCH_PROFILE_SECONDS (10), and prints the functions with the most self
 * time. The .cpuprofile stays in bench/results/profiles (open it in Chrome DevTools).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/sdk';
import { benchEnv, prepareBenchDatabase } from './database';
import { closedLoop } from './load';
import { scenarios, type ScenarioName } from './scenarios';
import { startServer } from './servers';
import { benchCredentials, benchIds, gatewayTarget } from './targets';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name and file:line), heaviest first. */
function topFunctions(profile: Profile, count: number): { name: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms, share: ms / total }));
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is required');
  const name = (process.argv[2] ?? 'orders') as ScenarioName;
  const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 10);
  const databaseUrl = await prepareBenchDatabase(base);
  const dir = join(projectRoot(), 'bench/results/profiles');
  const env = benchEnv(databaseUrl);
  const started = Date.now();
  const server = await startServer('gateway', 'bench/gateway-server.ts', env, ['--cpu-prof', '--cpu-prof-dir', dir]);
  try {
    const ids = await benchIds(databaseUrl);
    const scenario = scenarios(ids).find((s) => s.name === name)!;
    // With the ids, a checkout is sent as its five steps.
    const result = await closedLoop(gatewayTarget(server.port, scenario, await benchCredentials(), ids), seconds, 10);
    console.log(`${scenario.label}: ${result.rps.toFixed(0)} req/s, ${result.errors} errors`);
  } finally {
    await server.stop();
  }
  // This run's profiles: the main thread's, the largest, and one per worker thread (the log transport's).
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).mtimeMs >= started)
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  for (const f of topFunctions(JSON.parse(readFileSync(newest, 'utf8')) as Profile, 25)) {
    console.log(`${(f.share * 100).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
  }
  console.log(`profile: ${newest}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
