import { sql, type Kysely } from 'kysely';

/** Postgres error codes of a concurrent `create table if not exists` that another instance won. */
const ALREADY_CREATED = new Set(['23505', '42P07']);

/** One row per job and tick: the instance that inserts it runs that tick. Kept for a day. */
export async function ensureJobRunsTable(db: Kysely<unknown>): Promise<void> {
  try {
    await sql`create table if not exists gateway_job_runs (
      job text not null,
      tick bigint not null,
      claimed_at timestamptz not null default now(),
      primary key (job, tick)
    )`.execute(db);
  } catch (error) {
    if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
  }
}

/**
 * Runs `fn` if this instance claims the job's tick: a transaction-scoped advisory lock keeps two runs of
 * one job from overlapping across instances, and the (job, tick) row makes each tick run once. The
 * transaction stays open while the job runs; a failed run rolls its claim back, so another may retry.
 */
export async function runIfClaimed(
  db: Kysely<unknown>,
  job: string,
  tick: number,
  fn: () => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext(${job})) as locked`.execute(
      trx,
    );
    if (!lock.rows[0]?.locked) return false;
    const claim = await sql`insert into gateway_job_runs (job, tick) values (${job}, ${tick})
      on conflict do nothing`.execute(trx);
    if (!claim.numAffectedRows) return false;
    await sql`delete from gateway_job_runs where job = ${job} and claimed_at < now() - interval '1 day'`.execute(trx);
    await fn();
    return true;
  });
}
