import { resolve } from 'node:path';
import type { Env } from '../config/env';
import { candidatesFrom } from '../engine/gateway';
import { composePlugins } from '../plugins/compose';
import { adminScopesOf, alwaysOnOf } from '../plugins/manifest-facts';
import { tenantConfigsOf } from '../plugins/payment-providers';
import { projectRoot } from '../sdk';
import { TenantRegistry } from '../tenants/registry';

/** The tenant registry as the server would load it, against the plugins the server would compose. */
export function loadRegistry(env: Env, dir = resolve(projectRoot(), env.TENANTS_DIR)): TenantRegistry {
  const composition = composePlugins(candidatesFrom(env), env.GATEWAY_REQUIRED_PLUGINS);
  const registry = new TenantRegistry(dir, {
    plugins: tenantConfigsOf(composition.plugins),
    quarantined: new Set(composition.states.filter((s) => s.state === 'quarantined').map((s) => s.name)),
    alwaysOn: alwaysOnOf(composition.plugins),
    adminScopes: adminScopesOf(composition.plugins),
    env: process.env,
  });
  registry.load();
  return registry;
}
