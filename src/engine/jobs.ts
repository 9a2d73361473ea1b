import type { Logger } from 'pino';
import type { PluginDefinition, PluginRuntime } from '../sdk';

export interface JobRunner {
  /** Aborts the jobs' signal and waits for running ones to reach their next safe point and return. */
  stop(): Promise<void>;
}

/** Runs each plugin's jobs every `intervalMs` (never two runs of one job at once). */
export function startJobs(plugins: readonly PluginDefinition[], runtime: PluginRuntime, log: Logger): JobRunner {
  const controller = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const schedule = (plugin: string, job: NonNullable<PluginDefinition['jobs']>[number]) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (controller.signal.aborted) return;
      const run = job
        .run(runtime, controller.signal)
        .catch((err: unknown) => log.error({ err, plugin, job: job.name }, 'job failed'))
        .finally(() => {
          running.delete(run);
          if (!controller.signal.aborted) schedule(plugin, job);
        });
      running.add(run);
    }, job.intervalMs);
    timer.unref();
    timers.add(timer);
  };
  for (const plugin of plugins) for (const job of plugin.jobs ?? []) schedule(plugin.name, job);
  return {
    stop: async () => {
      controller.abort();
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
