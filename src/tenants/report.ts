import type { Logger } from 'pino';
import type { TenantProblem } from './load';
import type { TenantRegistry } from './registry';

/**
 * (Re)loads the tenant files and logs every problem with its file and field path. On reload, a tenant
 * whose new file is bad keeps serving its last good configuration; the log says so.
 */
export function loadTenants(registry: TenantRegistry, log: Logger, reload = false): TenantProblem[] {
  const serving = new Set(registry.list().map((e) => e.file));
  const problems = registry.load();
  for (const p of problems) {
    const kept = reload && serving.has(p.file) && registry.get(p.id)?.file === p.file;
    const message = kept ? 'tenant file invalid: serving the last good configuration' : 'tenant disabled';
    log.error({ tenant: p.id, file: p.file, problems: p.problems }, message);
  }
  for (const entry of registry.list()) {
    if (entry.warnings.length) log.warn({ tenant: entry.tenant.id, problems: entry.warnings }, 'tenant degraded');
  }
  if (reload) log.info({ tenants: registry.list().map((e) => e.tenant.id) }, 'tenants reloaded');
  return problems;
}
