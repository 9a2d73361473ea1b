/** A tenant as the engine sees it after its config file validated. */
export interface TenantLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  rateBucketSize: number;
  rateRestorePerSecond: number;
}

export interface Tenant {
  id: string;
  name: string;
  currency: string;
  locale: string;
  plugins: ReadonlySet<string>;
  limits: TenantLimits;
  /** Each enabled plugin's settings, already validated by that plugin's `tenantConfig` schema. */
  settings: Readonly<Record<string, unknown>>;
  cors: { origins: readonly string[] };
}

export function pluginSettings<T>(tenant: Tenant, plugin: string): T | undefined {
  return tenant.settings[plugin] as T | undefined;
}
