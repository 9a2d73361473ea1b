import type { Principal } from './principal';

/** What the gateway reports about itself in /readyz and the admin `gatewayStatus` query. */
export interface DependencyStatus {
  name: string;
  ok: boolean;
  detail: string | null;
}

export interface PluginStatus {
  name: string;
  version: string | null;
  state: 'active' | 'quarantined';
  reason: string | null;
  healthy: boolean | null;
  /** The plugin's resolver circuit (null before its first guarded call or when not guarded). */
  circuit?: 'closed' | 'open' | 'half-open' | null;
}

export interface TenantStatus {
  id: string;
  file: string;
  state: 'active' | 'disabled';
  problems: string[];
}

export interface GatewayStatus {
  ready: boolean;
  dependencies: DependencyStatus[];
  plugins: PluginStatus[];
  tenants: TenantStatus[];
}

/** Read access to the engine's own state, for the core plugin's admin fields. */
export interface GatewayIntrospection {
  status(): Promise<GatewayStatus>;
}

/** The status a caller may see: a tenant's admin sees its own tenant only; a platform operator sees all. */
export function statusSeenBy(status: GatewayStatus, principal: Principal, tenantId: string): GatewayStatus {
  if (principal.kind === 'operator') return status;
  return { ...status, tenants: status.tenants.filter((t) => t.id === tenantId) };
}
