/**
 * `npm run bench:startup` (builds first): start-up time to ready (from spawn to the first 200 on /readyz),
 * the CPU time spent until then, and idle RSS (VmRSS a few seconds after ready), each of the gateway process
 * and its children, for `gateway serve` run from its sources under tsx, as `npm start` does, and compiled,
 * as `npm run start:prod` and the image do. Production mode, the demo tenants; on PGlite, and with
 * DATABASE_URL also on a fresh Postgres database beside it (dropped afterwards). Migrations are applied once
 * beforehand, so every run is a restart. Runs alternate between the two programs in a random order; prints
 * medians (min–max). Settings: STARTUP_RUNS (5), STARTUP_IDLE_SECONDS (5).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/sdk';
import { createPostgresDatabase } from '../test/kit/databases';
import { freePort } from '../test/kit/ports';
import { cpuOf, NODE_FLAGS } from './servers';
import { vmRssMb } from './soak-process';
import { median, shuffle } from './stats';

const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const IDLE_SECONDS = Number(process.env.STARTUP_IDLE_SECONDS ?? 5);
const READY_TIMEOUT_MS = 180_000;

const root = projectRoot();
const programs = {
  tsx: [...NODE_FLAGS, '--import', 'tsx', join(root, 'src', 'cli', 'main.ts')],
  compiled: [...NODE_FLAGS, join(root, 'dist', 'src', 'cli', 'main.js')],
};
type Program = keyof typeof programs;

/** Production mode needs the secrets the demo tenant files name; random ones do. */
const secrets = Object.fromEntries(
  ['ACME_STOREFRONT_TOKEN', 'ACME_JWT_SECRET', 'DEMO_STOREFRONT_TOKEN', 'DEMO_JWT_SECRET'].map((name) => [
    name,
    randomBytes(24).toString('hex'),
  ]),
);

interface Run {
  readyMs: number;
  /** CPU time to ready: on a shared machine steadier than the wall time. */
  cpuMs: number;
  rssMb: number;
}

async function untilReady(url: string, exited: () => boolean): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline && !exited()) {
    const status = await fetch(url).then(
      (res) => res.arrayBuffer().then(() => res.status),
      () => 0,
    );
    if (status === 200) return;
    await sleep(20);
  }
  throw new Error(`${url}: not ready`);
}

/** The process and its children (tsx keeps an esbuild service process beside the gateway). */
function processTree(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid; // ppid
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
  return [pid, ...children];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** One start of `program` to ready, a few idle seconds, its RSS, then SIGTERM. */
async function measure(program: Program, env: Record<string, string | undefined>): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...programs[program], 'serve'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await untilReady(`http://127.0.0.1:${port}/readyz`, () => child.exitCode !== null);
    const readyMs = performance.now() - started;
    const cpuMs = sum(processTree(child.pid!).map(cpuOf));
    await sleep(IDLE_SECONDS * 1000);
    const rssMb = sum(processTree(child.pid!).map((pid) => vmRssMb(pid) ?? 0));
    return { readyMs, cpuMs, rssMb: +rssMb.toFixed(1) };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Applies the migrations once, so the measured starts are restarts. */
function migrate(env: Record<string, string | undefined>): void {
  const run = spawnSync(process.execPath, [...programs.compiled, 'migrate', 'up'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error('migrate up failed');
}

const range = (values: number[], digits: number) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

async function measureOn(database: string, env: Record<string, string | undefined>): Promise<string[]> {
  migrate(env);
  const runs: Record<Program, Run[]> = { tsx: [], compiled: [] };
  for (let i = 0; i < RUNS; i += 1) {
    for (const program of shuffle(Object.keys(programs) as Program[])) {
      const run = await measure(program, env);
      const { readyMs, cpuMs, rssMb } = run;
      console.log(`${database} ${program}: ready in ${readyMs.toFixed(0)} ms (${cpuMs} ms CPU), RSS ${rssMb} MB`);
      runs[program].push(run);
    }
  }
  return (Object.keys(programs) as Program[]).map((program) => {
    const of = (key: keyof Run) => runs[program].map((run) => run[key]);
    return `| ${program} | ${database} | ${range(of('readyMs'), 0)} | ${range(of('cpuMs'), 0)} | ${range(of('rssMb'), 1)} |`;
  });
}

async function main(): Promise<void> {
  if (!existsSync(programs.compiled.at(-1)!)) throw new Error('no dist/: run `npm run build` first');
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(`Node ${process.version}, ${cpus().length} cores, load ${load()}; ${RUNS} runs each`);
  const base = { ...secrets, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: undefined, REDIS_URL: undefined };
  const rows: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'rg-startup-'));
  try {
    rows.push(...(await measureOn('PGlite', { ...base, DATA_DIR: dataDir })));
    if (process.env.DATABASE_URL) {
      const database = await createPostgresDatabase();
      try {
        rows.push(...(await measureOn('Postgres', { ...base, DATA_DIR: dataDir, DATABASE_URL: database.url })));
      } finally {
        await database.drop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`\nload at the end ${load()}\n`);
  console.log('| program | database | to ready, ms | CPU to ready, ms | idle RSS, MB |');
  console.log('| ------- | -------- | -----------: | ---------------: | -----------: |');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
