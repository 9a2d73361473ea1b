/**
 * Soak: 100,000 mixed requests (SOAK_REQUESTS to change) at concurrency 16 (SOAK_CONCURRENCY) on 127.0.0.1
 * against a gateway in its own process (bench/soak-server.ts, production V8 flags), on PGlite or a fresh
 * database beside DATABASE_URL. Over IPC the gateway reports heap (after a forced GC) and RSS before, every
 * 10 % of the requests (with the load paused) and after the load has settled; prints a table, heap growth
 * and RSS at the end against RSS after the first 10 %, and writes bench/results/soak-*.json.
 */
import { rmSync } from 'node:fs';
import { createPostgresDatabase } from '../test/kit/databases';
import { memoryVerdict, printSoak, writeSoak, type SoakResult } from './soak-report';
import { soakRequests, type Answer } from './soak-requests';
import { startSoakServer, type Sample, type SoakServer } from './soak-process';
import { writeSoakTenants } from './soak-tenants';

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 100_000);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const SAMPLE_EVERY = Math.max(1, Math.floor(TOTAL / 10));
/** Pause between the last answer and the last sample, so RSS is read once in-flight work has wound down. */
const SETTLE_MS = 2000;

async function soak(server: SoakServer, tokens: string[], database: string): Promise<SoakResult> {
  const send = await soakRequests(server.port, tokens);
  const outcomes = new Map<string, number>();
  const samples: Promise<Sample>[] = [server.sample('before', 0)];
  await samples[0];
  const started = Date.now();
  let next = 0;
  let done = 0;
  const inFlight = new Set<Promise<unknown>>();
  // Each sample is taken at rest, as the last one is: sending stops, in-flight answers arrive, then the
  // gateway is asked. RSS under load would also count whatever the requests of that moment hold.
  let resting: Promise<unknown> | undefined;
  let restingMs = 0; // left out of the request rate
  const sampleAtRest = async () => {
    const pausedAt = Date.now();
    await Promise.allSettled([...inFlight]);
    const sample = server.sample('during', done);
    samples.push(sample);
    await sample;
    restingMs += Date.now() - pausedAt;
  };
  const worker = async () => {
    while (next < TOTAL) {
      if (resting) {
        await resting;
        continue;
      }
      const i = next++;
      const sent = send(i).catch((): Answer => ({ status: 0, body: {} }));
      inFlight.add(sent);
      const res = await sent;
      inFlight.delete(sent);
      const key = `${res.status} ${res.body.errors?.[0]?.extensions?.code ?? 'OK'}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      done++;
      if (done % SAMPLE_EVERY === 0 && done < TOTAL) {
        resting = sampleAtRest().finally(() => (resting = undefined));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started - restingMs) / 1000;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  samples.push(server.sample('after', done));
  return {
    date: new Date().toISOString(),
    node: process.version,
    database,
    requests: done,
    concurrency: CONCURRENCY,
    seconds: +seconds.toFixed(1),
    requestsPerSecond: Math.round(done / seconds),
    outcomes: Object.fromEntries([...outcomes].sort()),
    samples: await Promise.all(samples),
  };
}

async function main(): Promise<void> {
  const tenants = writeSoakTenants();
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  // The soak owns the Postgres database, so it is dropped even when the gateway process dies; PGlite lives there.
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
  let server: SoakServer | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await server?.stop();
      await database?.drop();
      rmSync(tenants.dir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    if (kind === 'postgres') database = await createPostgresDatabase();
    server = await startSoakServer({
      ...tenants.secrets,
      TENANTS_DIR: tenants.dir,
      DATABASE_URL: database?.url,
    });
    const result = await soak(server, tenants.tokens, kind);
    const verdict = memoryVerdict(result.samples);
    printSoak(result, verdict);
    console.log(`\nwritten to ${writeSoak(result, verdict)}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
