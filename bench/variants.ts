/**
 * Who serves what: the servers a run starts, the variants each scenario is timed on, and the pair each
 * ratio compares. A variant is a server with a way of calling it (`many` and `one` are the same gateway,
 * over 50 tenants' tokens or one's).
 */
import type { BenchIds, Scenario } from './scenarios';
import { baselineTarget, gatewayTarget, type Credentials, type Target } from './targets';
import type { ServerUnderTest } from './servers';

export type ServerName = 'gateway' | 'baseline' | 'unauthorized' | 'cached' | 'tenants';
export type Variant = 'gateway' | 'baseline' | 'unauthorized' | 'cached' | 'many' | 'one';

export const serverOf = (variant: Variant): ServerName =>
  variant === 'many' || variant === 'one' ? 'tenants' : variant;

/** Which variants time each scenario: the cache serves storefront reads only. */
export function variantsFor(scenario: Scenario): Variant[] {
  switch (scenario.name) {
    case 'tenants':
      return ['many', 'one'];
    case 'rated':
      return ['gateway', 'baseline'];
    case 'storefront':
      return ['gateway', 'baseline', 'unauthorized', 'cached'];
    default:
      return ['gateway', 'baseline', 'unauthorized'];
  }
}

/** The ratio's two sides: the gateway against the baseline; 50 tenants against one. */
export const comparedIn = (scenario: Scenario): [Variant, Variant] =>
  scenario.name === 'tenants' ? ['many', 'one'] : ['gateway', 'baseline'];

export interface Setup {
  servers: Partial<Record<ServerName, ServerUnderTest>>;
  credentials: Credentials;
  ids: BenchIds;
  /** The 50 tenants' storefront tokens (scenario j). */
  tenantTokens: Record<string, string>[];
}

export function targetOf(setup: Setup, variant: Variant, scenario: Scenario): Target {
  const server = setup.servers[serverOf(variant)];
  if (!server) throw new Error(`no ${serverOf(variant)} server for ${scenario.name}`);
  if (variant === 'baseline') return baselineTarget(server.port, scenario, setup.credentials, setup.ids);
  const target = gatewayTarget(server.port, scenario, setup.credentials, setup.ids);
  const [first] = setup.tenantTokens;
  if (variant === 'one') return { ...target, headers: { ...target.headers, ...first } };
  if (variant === 'many')
    return { ...target, headers: { ...target.headers, ...first }, rotateHeaders: setup.tenantTokens };
  return target;
}
