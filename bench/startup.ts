/**
 * `npm run bench:startup` (builds first): start-up time to ready (from spawn to the first 200 on /readyz)
 * and idle RSS (VmRSS a few seconds after ready) of `gateway serve` run from its sources under tsx, as
 * `npm start` does, and compiled, as `npm run start:prod` and the image do. Production mode, the demo
 * tenants; on PGlite, and with DATABASE_URL also on a fresh Postgres database beside it (dropped
 * afterwards). Migrations are applied once beforehand, so every run is a restart. Runs alternate between
 * the two programs in a random order; prints medians. Settings: STARTUP_RUNS (5), STARTUP_IDLE_SECONDS (5).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/sdk';
import { createPostgresDatabase } from '../test/kit/databases';
import { freePort } from '../test/kit/ports';
import { NODE_FLAGS } from './servers';
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
    await sleep(IDLE_SECONDS * 1000);
    return { readyMs, rssMb: vmRssMb(child.pid!) ?? NaN };
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
      console.log(`${database} ${program}: ready in ${run.readyMs.toFixed(0)} ms, RSS ${run.rssMb} MB`);
      runs[program].push(run);
    }
  }
  return (Object.keys(programs) as Program[]).map((program) => {
    const ready = runs[program].map((r) => r.readyMs);
    const rss = runs[program].map((r) => r.rssMb);
    return `| ${program} | ${database} | ${range(ready, 0)} | ${range(rss, 1)} |`;
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
  console.log('| program | database | ready, ms: median (min–max) | idle RSS, MB: median (min–max) |');
  console.log('| ------- | -------- | --------------------------: | -----------------------------: |');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
