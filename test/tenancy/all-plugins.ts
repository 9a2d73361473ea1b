import { appendFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { discoverPlugins } from '../../src/plugins/discover';
import { seedPlugins } from '../../src/engine/seed';
import { projectRoot, type PluginDefinition, type PluginRuntime } from '../../src/sdk';
import { fixtureTenantsFor } from '../kit/gateway';

/** A fixture plugin with one tenant-owned table, so the tenancy suites always have a table to check. */
export const NOTES_PLUGIN = join(projectRoot(), 'test', 'tenancy', 'fixtures', 'notes', 'plugin.ts');

/** Every plugin under resolvers/ as it is when the suite runs, plus the notes fixture, with alpha and beta enabling all. */
export function allPlugins(): { plugins: string[]; tenantsDir: string } {
  const names = discoverPlugins(projectRoot()).map((path) => basename(dirname(path)));
  return { plugins: [...names, NOTES_PLUGIN], tenantsDir: fixtureTenantsFor([...names, 'tenancy-notes']) };
}

/**
 * allPlugins() with rate and cost limits that whole-schema probing never reaches, so every answer is a
 * real one (`extra`: more limits, e.g. `maxDepth: 20`).
 */
export function allPluginsUnlimited(extra = ''): { plugins: string[]; tenantsDir: string } {
  const all = allPlugins();
  const limits = ['rateBucketSize: 1000000', 'rateRestorePerSecond: 100000', 'maxCost: 100000', extra].filter(Boolean);
  for (const file of readdirSync(all.tenantsDir)) {
    appendFileSync(join(all.tenantsDir, file), `\nlimits: { ${limits.join(', ')} }\n`);
  }
  return all;
}

/** Engine bookkeeping that holds no tenant data and that requests' role may not touch. */
export const ENGINE_TABLES = ['gateway_job_runs'];

/** Tables that hold no tenant data: each plugin's migration bookkeeping, and the engine's own. */
export const isGlobalTable = (name: string) => /^migrations_/.test(name) || ENGINE_TABLES.includes(name);

export interface TableFacts {
  name: string;
  hasTenantId: boolean;
  rowSecurity: boolean;
  forced: boolean;
  owner: string;
  tenantPolicies: number;
}

/** Every table of the public schema, with its row-level security facts, from the catalog itself. */
export async function tableFacts(db: Kysely<unknown>): Promise<TableFacts[]> {
  const { rows } = await sql<TableFacts>`
    select c.relname as "name",
      c.relrowsecurity as "rowSecurity",
      c.relforcerowsecurity as "forced",
      pg_get_userbyid(c.relowner) as "owner",
      exists (select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "hasTenantId",
      (select count(*)::int from pg_policies p
        where p.schemaname = n.nspname and p.tablename = c.relname
          and p.qual like '%app.tenant_id%' and coalesce(p.with_check, p.qual) like '%app.tenant_id%') as "tenantPolicies"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);
  return rows;
}

/** Checksums of one tenant's rows in every tenant table, read as the superuser (RLS does not apply). */
export async function tenantChecksums(db: Kysely<unknown>, tenantId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of (await tableFacts(db)).filter((f) => f.hasTenantId)) {
    const { rows } = await sql<{ sum: string | null; n: number }>`
      select md5(string_agg(x::text, '|' order by x::text)) as sum, count(*)::int as n
      from ${sql.table(t.name)} x where x.tenant_id = ${tenantId}`.execute(db);
    out[t.name] = `${rows[0].n}:${rows[0].sum ?? ''}`;
  }
  return out;
}

/**
 * Gives about half of one tenant's rows in every table with a `handle` a handle of its own (demo data
 * gives both tenants the same handles), so a lookup by handle has handles only that tenant has.
 */
export async function ownHandles(db: Kysely<unknown>, tenantId: string): Promise<number> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'handle' and not a.attisdropped)
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by 1`.execute(db);
  let changed = 0;
  for (const { name } of tables) {
    const result = await sql`update ${sql.table(name)} set handle = handle || '-' || tenant_id
      where tenant_id = ${tenantId} and md5(handle) < '8'`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

/**
 * Seeds demo data plugin by plugin; returns the plugins whose seed failed (with why), so one broken seed
 * fails its own test instead of hiding every other plugin's isolation checks.
 */
export async function seedEach(runtime: PluginRuntime, plugins: readonly PluginDefinition[]): Promise<string[]> {
  const failed: string[] = [];
  for (const plugin of plugins) {
    try {
      await seedPlugins(runtime, [plugin], 'demo');
    } catch (error) {
      failed.push(`${plugin.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed;
}
