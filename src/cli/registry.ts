import { resolve } from 'node:path';
import type { Env } from '../config/env';
import { projectRoot } from '../sdk';
import { TenantRegistry } from '../tenants/registry';
import { activePlugins } from './plugins';

/** The tenant registry as the server would load it. */
export function loadRegistry(env: Env, dir = resolve(projectRoot(), env.TENANTS_DIR)): TenantRegistry {
  const plugins = activePlugins(env);
  const registry = new TenantRegistry(dir, {
    plugins: new Map(plugins.map((p) => [p.name, p.tenantConfig])),
    env: process.env,
  });
  registry.load();
  return registry;
}
