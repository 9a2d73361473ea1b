import { sql, type Kysely } from 'kysely';

/**
 * Runs `fn` if this instance claims the job's tick: a transaction-scoped advisory lock keeps two runs of
 * one job from overlapping across instances, and the (job, tick) row makes each tick run once. The
 * transaction stays open while the job runs; a failed run rolls its claim back, so another may retry.
 * The claims table is the core plugin's migration 0002_job_runs.
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
