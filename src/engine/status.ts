import type { Database } from '../../connectors/postgres/database';
import type { DependencyStatus, GatewayStatus, PluginRuntime, PluginStatus } from '../sdk';
import type { Composition } from '../plugins/compose';
import type { TenantRegistry } from '../tenants/registry';

const PROBE_TIMEOUT_MS = 1000;

async function probe(name: string, check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in time')), PROBE_TIMEOUT_MS))),
    ]);
    return { name, ok: true, detail: null };
  } catch (error) {
    return { name, ok: false, detail: error instanceof Error ? error.message : 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness: the database answers, each plugin's state and health, each tenant's state. */
export async function gatewayStatus(parts: {
  database: Database;
  composition: Composition;
  registry: TenantRegistry;
  runtime: PluginRuntime;
}): Promise<GatewayStatus> {
  const database = await probe(`database (${parts.database.kind})`, () => parts.database.ping());
  const health = new Map(
    await Promise.all(
      parts.composition.plugins
        .filter((p) => p.health)
        .map(
          async (p) =>
            [
              p.name,
              (
                await probe(p.name, () =>
                  p.health!(parts.runtime).then((h) => h.ok || Promise.reject(new Error(h.detail ?? 'unhealthy'))),
                )
              ).ok,
            ] as const,
        ),
    ),
  );
  const plugins: PluginStatus[] = parts.composition.states.map((s) => ({ ...s, healthy: health.get(s.name) ?? null }));
  const tenants = parts.registry.status();
  const ready = database.ok && tenants.some((t) => t.state === 'active');
  return { ready, dependencies: [database], plugins, tenants };
}
