import type { Logger } from 'pino';
import type { Env } from '../config/env';
import type { PluginDefinition, PluginRuntime } from '../sdk';
import { Availability } from './availability';
import { startJobs, type JobRunner } from './jobs';
import type { MigrationState } from './migration-retry';
import { redisProbe } from './redis-probe';
import { StatusDetail, type ExtraProbe } from './status';

/**
 * What runs beside request handling and must stop in order at shutdown: the availability gate, the
 * migration retries, background jobs, dependency probes and instrumentation.
 */
export class Lifecycle {
  readonly availability = new Availability();
  readonly probes: ExtraProbe[] = [];
  private jobs?: JobRunner;
  private migrations?: MigrationState;
  private readonly closers: (() => Promise<void>)[] = [];

  constructor(env: Env) {
    if (env.REDIS_URL) {
      const redis = redisProbe(env.REDIS_URL);
      this.probes.push(redis);
      this.closers.push(() => redis.close());
    }
  }

  trackMigrations(state: MigrationState): void {
    this.migrations = state;
    this.probes.push({
      name: 'migrations',
      check: async () => {
        if (state.pending()) throw new StatusDetail('waiting for the database');
      },
    });
  }

  /** Starts the plugins' jobs once migrations are applied. */
  startJobs(plugins: readonly PluginDefinition[], runtime: PluginRuntime, log: Logger): void {
    void (this.migrations?.done ?? Promise.resolve()).then(() => {
      if (!this.availability.draining) this.jobs = startJobs(plugins, runtime, log);
    });
  }

  onClose(fn: () => Promise<void>): void {
    this.closers.push(fn);
  }

  /** Refuses new work and stops background work; resolves when running jobs have returned. */
  async drain(): Promise<void> {
    this.availability.draining = true;
    this.migrations?.cancel();
    await this.jobs?.stop();
  }

  async close(): Promise<void> {
    for (const close of this.closers) await close();
  }
}
