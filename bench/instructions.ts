/**
 * `npx tsx bench/instructions.ts <scenario> <checkout> [<checkout> ...]`: the machine instructions each
 * checkout's gateway executes per request of a scenario, counted by Valgrind's callgrind. Throughput and
 * CPU time move with whatever else the machine runs; an instruction count barely does, so an engine
 * change's price can be read on a busy machine (docs/performance.md). Needs `valgrind`; under it a
 * request runs about fifty times slower. Settings: BENCH_IR_REQUESTS (100 counted per run),
 * BENCH_IR_ROUNDS (2 runs per checkout, alternating).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectRoot } from '../src/sdk';
import { benchEnv, prepareBenchDatabase } from './database';
import { probe } from './load';
import { scenarios, type ScenarioName } from './scenarios';
import { NODE_FLAGS } from './servers';
import { median } from './stats';
import { benchCredentials, benchIds, gatewayTarget, type Target } from './targets';

const REQUESTS = Number(process.env.BENCH_IR_REQUESTS ?? 100);
const ROUNDS = Number(process.env.BENCH_IR_ROUNDS ?? 2);
/** Uninstrumented requests that let V8 tier the hot code up, then instrumented ones that let callgrind translate it. */
const WARM_NATIVE = 300;
const WARM_COUNTED = 50;

async function sendSequentially(target: Target, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const { status } = await probe(target);
    if (status !== 200) throw new Error(`the gateway answered ${status}`);
  }
}

/** Starts `checkout`'s bench gateway under callgrind with counting off; resolves with its pid and port. */
function startCounted(checkout: string, env: Record<string, string>, outDir: string) {
  const script = join(projectRoot(), 'bench/counted-gateway.ts');
  const child = spawn(
    'valgrind',
    ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${outDir}/out.%p`, process.execPath].concat(
      NODE_FLAGS,
      ['--import', 'tsx', script],
    ),
    { cwd: checkout, env: { ...process.env, ...env, BENCH_CHECKOUT: checkout }, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const port = new Promise<number>((done, fail) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) done(Number(match[1]));
    });
    child.once('exit', (code) => fail(new Error(`the gateway of ${checkout} exited (${code})`)));
  });
  return { child, port };
}

const summary = (dump: string) => Number(/^summary: (\d+)/m.exec(readFileSync(dump, 'utf8'))?.[1]);

/** Instructions per request of one run: callgrind's dump taken after the counted requests. */
async function instructionsPerRequest(
  checkout: string,
  env: Record<string, string>,
  targetAt: (port: number) => Target,
) {
  const outDir = mkdtempSync(join(tmpdir(), 'rg-ir-'));
  const { child, port } = startCounted(checkout, env, outDir);
  try {
    const target = targetAt(await port);
    const control = (...args: string[]) =>
      execFileSync('callgrind_control', [...args, String(child.pid)], { stdio: 'ignore' });
    await sendSequentially(target, WARM_NATIVE);
    control('--instr=on');
    await sendSequentially(target, WARM_COUNTED);
    // Counted twice: the requests, then as long again idle. The idle count is printed, not taken off: it is
    // mostly V8 collecting, while the process idles, the garbage the requests left.
    control('--zero');
    const started = Date.now();
    await sendSequentially(target, REQUESTS);
    control('--dump');
    await new Promise((done) => setTimeout(done, Date.now() - started));
    control('--dump');
    const [busy, idle] = ['1', '2'].map((n) => summary(join(outDir, `out.${child.pid}.${n}`)));
    return { perRequest: busy / REQUESTS, idleShare: idle / busy };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(undefined)));
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [name, ...checkouts] = process.argv.slice(2);
  if (checkouts.length === 0 || !process.env.DATABASE_URL)
    throw new Error('usage: DATABASE_URL=... tsx bench/instructions.ts <scenario> <checkout> [<checkout> ...]');
  const databaseUrl = await prepareBenchDatabase(process.env.DATABASE_URL);
  const ids = await benchIds(databaseUrl);
  const scenario = scenarios(ids).find((s) => s.name === (name as ScenarioName));
  if (!scenario) throw new Error(`no scenario ${name}`);
  const credentials = await benchCredentials();
  const counts = new Map(checkouts.map((c) => [resolve(c), [] as number[]]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [checkout, runs] of counts) {
      const run = await instructionsPerRequest(checkout, benchEnv(databaseUrl), (port) =>
        // With the ids, a checkout is its five requests (one unit).
        gatewayTarget(port, scenario, credentials, ids),
      );
      runs.push(run.perRequest);
      const idle = `${(100 * run.idleShare).toFixed(1)} % more while idle`;
      console.log(
        `${scenario.label} ${checkout}: ${(run.perRequest / 1e6).toFixed(2)} M instructions per request (${idle})`,
      );
    }
  }
  const [first, ...others] = [...counts];
  for (const [checkout, runs] of others)
    console.log(
      `${scenario.label}: ${checkout} / ${first[0]} = ${(median(runs) / median(first[1])).toFixed(3)}x instructions per request`,
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
