/**
 * `npx tsx bench/instructions.ts <scenario> <checkout> [<checkout> ...]`: the machine instructions each
 * checkout's gateway executes per request of a scenario, counted by Valgrind's callgrind. Throughput and
 * CPU time move with whatever else the machine runs; an instruction count barely does, so an engine
 * change's price can be read on a busy machine (docs/performance.md). Needs `valgrind`; under it a
 * request runs about fifty times slower. Settings: BENCH_IR_REQUESTS (100 counted per run),
 * BENCH_IR_ROUNDS (2 runs per checkout, alternating), BENCH_IR_DATABASE_URL (a bench database to use as it
 * is, e.g. one the oldest checkout compared seeded, when this checkout's migrations would change it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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
/**
 * V8 without helper threads (compilation and collection on the main thread) and with `gc()`: the work
 * lands in the stretch that caused it, not on a thread that runs when it gets its turn.
 */
const COUNTED_FLAGS = ['--single-threaded', '--expose-gc'];

async function sendSequentially(target: Target, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const { status } = await probe(target);
    if (status !== 200) throw new Error(`the gateway answered ${status}`);
  }
}

/** Waits for `pattern` in what the child prints next. */
function printed(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((done, fail) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (!match) return;
      child.stdout!.off('data', onData);
      done(match);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`the counted gateway exited (${code})`)));
  });
}

/** Starts `checkout`'s gateway (bench/counted-gateway.ts) under callgrind with counting off. */
function startCounted(checkout: string, env: Record<string, string>, outDir: string): ChildProcess {
  const script = join(projectRoot(), 'bench/counted-gateway.ts');
  const valgrind = ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${outDir}/out.%p`];
  return spawn(
    'valgrind',
    [...valgrind, process.execPath, ...NODE_FLAGS, ...COUNTED_FLAGS, '--import', 'tsx', script],
    {
      cwd: checkout,
      env: { ...process.env, ...env, BENCH_CHECKOUT: checkout },
      stdio: ['pipe', 'pipe', 'ignore'],
    },
  );
}

const summary = (dump: string) => Number(/^summary: (\d+)/m.exec(readFileSync(dump, 'utf8'))?.[1]);

/** Instructions per request of one run: counted from a collection to a collection around the requests. */
async function instructionsPerRequest(
  checkout: string,
  env: Record<string, string>,
  targetAt: (port: number) => Target,
) {
  const outDir = mkdtempSync(join(tmpdir(), 'rg-ir-'));
  const child = startCounted(checkout, env, outDir);
  try {
    const target = targetAt(Number((await printed(child, /listening (\d+)/))[1]));
    const control = (option: string) =>
      execFileSync('callgrind_control', [option, String(child.pid)], { stdio: 'ignore' });
    const collect = async () => {
      const done = printed(child, /collected/);
      child.stdin!.write('gc\n');
      await done;
    };
    await sendSequentially(target, WARM_NATIVE);
    control('--instr=on');
    await sendSequentially(target, WARM_COUNTED);
    await collect();
    control('--zero');
    await sendSequentially(target, REQUESTS);
    await collect();
    control('--dump');
    return summary(join(outDir, `out.${child.pid}.1`)) / REQUESTS;
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
  const databaseUrl = process.env.BENCH_IR_DATABASE_URL ?? (await prepareBenchDatabase(process.env.DATABASE_URL));
  const ids = await benchIds(databaseUrl);
  const scenario = scenarios(ids).find((s) => s.name === (name as ScenarioName));
  if (!scenario) throw new Error(`no scenario ${name}`);
  const credentials = await benchCredentials();
  const counts = new Map(checkouts.map((c) => [resolve(c), [] as number[]]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [checkout, runs] of counts) {
      // With the ids, a checkout is its five requests (one unit).
      const target = (port: number) => gatewayTarget(port, scenario, credentials, ids);
      runs.push(await instructionsPerRequest(checkout, benchEnv(databaseUrl), target));
      console.log(`${scenario.label} ${checkout}: ${(runs.at(-1)! / 1e6).toFixed(2)} M instructions per request`);
    }
  }
  const [first, ...others] = [...counts];
  for (const [checkout, runs] of others) {
    const ratio = median(runs) / median(first[1]);
    console.log(`${scenario.label}: ${checkout} / ${first[0]} = ${ratio.toFixed(3)}x instructions per request`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
