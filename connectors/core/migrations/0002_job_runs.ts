import { sql, type Kysely } from 'kysely';

/**
 * Claims of background job ticks (src/jobs/job-runs.ts): the instance that inserts (job, tick) runs that
 * tick, so each tick runs once across gateway instances. Rows older than a day are deleted as jobs run.
 * Engine bookkeeping, not tenant data: jobs claim as the owner, and requests' role may not touch it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // `if not exists`: earlier gateways created this table when a job first ran.
  await sql`create table if not exists gateway_job_runs (
    job text not null,
    tick bigint not null,
    claimed_at timestamptz not null default now(),
    primary key (job, tick)
  )`.execute(db);
  await sql`revoke all on gateway_job_runs from gateway_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table gateway_job_runs`.execute(db);
}
