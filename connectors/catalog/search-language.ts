import { sql, type Kysely } from 'kysely';
import type { PluginRuntime, Tenant } from '../../src/sdk';

/** Text search configurations shipped with Postgres (and PGlite), by the language of a locale. */
const CONFIGS: Record<string, string> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

/** The configuration for a locale such as `de-DE`: its language's stemmer, `simple` where none fits. */
export function searchConfigFor(locale: string): string {
  return CONFIGS[locale.split(/[-_]/)[0].toLowerCase()] ?? 'simple';
}

/**
 * Records the tenant's search configuration and, when it changed, rebuilds its products' documents in
 * it (documents and queries must use the same one). Returns whether it changed.
 */
export async function applySearchLanguage(db: Kysely<unknown>, tenantId: string, locale: string): Promise<boolean> {
  const config = searchConfigFor(locale);
  const { rows } = await sql<{ tenant_id: string }>`
    insert into catalog_search_settings (tenant_id, config) values (${tenantId}, ${config}::regconfig)
    on conflict (tenant_id) do update set config = excluded.config
      where catalog_search_settings.config <> excluded.config
    returning tenant_id`.execute(db);
  if (rows.length === 0) return false;
  await sql`select catalog_search_refresh(${tenantId}, array_agg(id)) from products
    where tenant_id = ${tenantId}`.execute(db);
  return true;
}

/** Applies every tenant's locale (the catalog's seed and its periodic job call this). */
export async function applySearchLanguages(runtime: PluginRuntime, tenants: readonly Tenant[]): Promise<void> {
  for (const tenant of tenants) {
    await runtime.withTenant(tenant.id, (db) => applySearchLanguage(db, tenant.id, tenant.locale));
  }
}
