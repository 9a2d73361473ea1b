import { Counter, type Registry } from 'prom-client';
import type { CounterSpec, PluginDefinition, RuntimeMetrics } from '../sdk/plugin';

/** Registers the counters the active plugins' manifests declare; plugins look theirs up by spec. */
export function registerPluginCounters(registry: Registry, plugins: readonly PluginDefinition[]): RuntimeMetrics {
  const counters = new Map<string, Counter>();
  for (const plugin of plugins) {
    for (const spec of Object.values(plugin.metrics ?? {})) {
      counters.set(
        spec.name,
        new Counter({ name: spec.name, help: spec.help, labelNames: spec.labels, registers: [registry] }),
      );
    }
  }
  return {
    counter(spec: CounterSpec) {
      const counter = counters.get(spec.name);
      if (!counter) throw new Error(`metric ${spec.name} is not declared by an active plugin's manifest`);
      return counter;
    },
  };
}
