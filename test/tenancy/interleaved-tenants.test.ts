import { pgBouncerMissing } from '../kit/pgbouncer';
import { scheduleSeed, seededRandom } from '../kit/schedule';
import { skippedTitle } from '../kit/skip';
import {
  POOL_SIZE,
  TENANTS,
  startInterleavedGateway,
  type InterleavedGateway,
  type PoolerMode,
} from './interleaved-gateway';
import { BASELINE_OPS, OP_KINDS, buildSchedule, describeOp, type Op } from './interleaved-ops';
import { checkWrittenRows } from './interleaved-rows';
import { emptyReport, runOps, takeBaseline, type Baseline } from './interleaved-run';
import { buildWorld, type World } from './interleaved-world';

/**
 * Three tenants' requests interleaved on a request pool of a few connections: storefront, admin and
 * staff reads, sole writes and transactions, slow statements cut off by the statement timeout or the
 * resolver deadline, and requests the client aborts. Every answer must be its own tenant's, and every
 * row written must land in the tenant that wrote it. The schedule comes from a seed (RG_SCHEDULE_SEED
 * replays it), printed with the failures.
 */
const SCHEDULE_LENGTH = 300;
const IN_FLIGHT = 16;
/** After the run, rounds of every stable read per tenant: each pooled connection meets each tenant again. */
const FINAL_ROUNDS = 3;

const modes: [PoolerMode, string | null][] = [
  ['direct pool', process.env.DATABASE_URL ? null : 'DATABASE_URL is not set'],
  ['pgbouncer', pgBouncerMissing()],
];

const finalRound = (): Op[] =>
  Array.from({ length: FINAL_ROUNDS }, () =>
    BASELINE_OPS.flatMap((read) => TENANTS.map((tenant) => ({ ...read, tenant, delta: 0, seconds: 0 }))),
  )
    .flat()
    .map((op, k) => ({ ...op, index: SCHEDULE_LENGTH + k }));

describe.each(modes)('tenants interleaved on a request pool [%s]', (mode, missing) => {
  if (missing) {
    it.skip(skippedTitle(`needs ${mode}`, missing), () => undefined);
    return;
  }
  let g: InterleavedGateway;
  let world: World;
  let baseline: Baseline;
  beforeAll(async () => {
    g = await startInterleavedGateway(mode);
    world = await buildWorld(g);
    baseline = await takeBaseline(g, world);
  }, 180_000);
  afterAll(async () => {
    await g?.close();
  });

  it("answers each request with its own tenant's data and writes each row into its own tenant", async () => {
    const seed = scheduleSeed();
    const ops = buildSchedule(seededRandom(seed), SCHEDULE_LENGTH);
    const report = emptyReport();
    await runOps(g, world, baseline, ops, IN_FLIGHT, report);
    await runOps(g, world, baseline, finalRound(), POOL_SIZE * 2, report);
    const failures = [...report.failures, ...(await checkWrittenRows(g, world, report))];
    const replay = failures.length
      ? `replay with RG_SCHEDULE_SEED=${seed}; schedule: ${ops.map(describeOp).join(', ')}`
      : 'passed';
    expect({ failures, replay }).toEqual({ failures: [], replay: 'passed' });
    // Every kind of request was answered in full at least once, so each of its checks ran.
    const answered = OP_KINDS.filter((kind) => report.outcomes[kind]?.ok);
    expect({ answered, seed }).toEqual({ answered: OP_KINDS, seed });
  }, 240_000);
});
