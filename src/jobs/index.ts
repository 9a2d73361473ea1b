import type { Database } from '../db/database';
import type { PluginDefinition, PluginJob } from '../sdk';
import { runIfClaimed } from './job-runs';

/**
 * The plugins with each job wrapped so that, on several gateway instances sharing one Postgres, every
 * tick (interval window) of a job runs on one instance only and never overlaps a run elsewhere.
 * Jobs marked `everyInstance` (they claim their own work) and the jobs of an embedded database, which
 * belongs to one process, run as they are.
 */
export function onceAcrossInstances(plugins: readonly PluginDefinition[], database: Database): PluginDefinition[] {
  if (database.kind !== 'postgres') return [...plugins];
  const wrap = (plugin: string, job: PluginJob): PluginJob => ({
    ...job,
    run: async (runtime, signal) => {
      const tick = Math.floor(Date.now() / job.intervalMs);
      await runIfClaimed(database.db, `${plugin}/${job.name}`, tick, () => job.run(runtime, signal));
    },
  });
  const once = (plugin: PluginDefinition) =>
    plugin.jobs!.map((job) => (job.everyInstance ? job : wrap(plugin.name, job)));
  return plugins.map((p) => (p.jobs ? { ...p, jobs: once(p) } : p));
}
