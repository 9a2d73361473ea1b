import type { Database } from '../db/database';
import type { DependencyStatus, GatewayStatus, PluginRuntime, PluginStatus } from '../sdk';
import type { Composition } from '../plugins/compose';
import type { TenantRegistry } from '../tenants/registry';

const PROBE_TIMEOUT_MS = 1000;

class ProbeTimeout extends Error {}

/** A probe failure whose message is safe to show in /readyz as it is. */
export class StatusDetail extends Error {}

/** A dependency the gateway checks besides the database (Redis, pending migrations). */
export interface ExtraProbe {
  name: string;
  check: () => Promise<unknown>;
}

export async function probe(name: string, check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new ProbeTimeout()), PROBE_TIMEOUT_MS))),
    ]);
    return { name, ok: true, detail: null };
  } catch (error) {
    // Generic on purpose: readiness is public, and driver messages name hosts and ports.
    return {
      name,
      ok: false,
      detail:
        error instanceof StatusDetail
          ? error.message
          : error instanceof ProbeTimeout
            ? 'no answer in time'
            : 'unreachable',
    };
  } finally {
    clearTimeout(timer);
  }
}

const POOLING_DETAILS = {
  detected: 'transaction pooler detected: requests set their tenant in transactions',
  configured: 'transaction pooler (DATABASE_TRANSACTION_POOLER): requests set their tenant in transactions',
  unchecked: 'not yet checked for a transaction pooler: requests set their tenant in transactions',
};

/** The database answers; behind a transaction pooler (pooling.ts) the detail says how requests run. */
async function databaseStatus(database: Database): Promise<DependencyStatus> {
  const status = await probe(`database (${database.kind})`, () => database.ping());
  const pooling = database.pooling();
  return status.ok && pooling?.mode === 'transaction' ? { ...status, detail: POOLING_DETAILS[pooling.source] } : status;
}

/** Readiness: the database answers, each plugin's state and health, each tenant's state. */
export async function gatewayStatus(parts: {
  database: Database;
  composition: Composition;
  registry: TenantRegistry;
  runtime: PluginRuntime;
  probes?: readonly ExtraProbe[];
  circuitOf?: (plugin: string) => PluginStatus['circuit'];
  /** A reason to show for an active plugin (a remote service's schema change refused). */
  notes?: ReadonlyMap<string, string>;
}): Promise<GatewayStatus> {
  const dependencies = await Promise.all([
    databaseStatus(parts.database),
    ...(parts.probes ?? []).map((p) => probe(p.name, p.check)),
  ]);
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
  const plugins: PluginStatus[] = parts.composition.states.map((s) => ({
    ...s,
    reason: s.reason ?? parts.notes?.get(s.name) ?? null,
    healthy: health.get(s.name) ?? null,
    circuit: parts.circuitOf?.(s.name) ?? null,
  }));
  const tenants = parts.registry.status();
  const ready = dependencies.every((d) => d.ok) && tenants.some((t) => t.state === 'active');
  return { ready, dependencies, plugins, tenants };
}

/** Shares one status for `ttlMs` (and while it is being computed): probes stay cheap under polling. */
export function cachedStatus(compute: () => Promise<GatewayStatus>, ttlMs = 1000): () => Promise<GatewayStatus> {
  let cached: { at: number; value: Promise<GatewayStatus> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= ttlMs) cached = { at: now, value: compute() };
    return cached.value;
  };
}
