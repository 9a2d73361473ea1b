import { sql } from 'kysely';
import { SOURCE, type ShopifyDb } from './tables';
import type { Kysely } from 'kysely';

const COUNTED = ['products', 'product_variants', 'collections', 'locations', 'customers', 'orders'] as const;

/** The stored connection row, its last run, and how many Shopify rows each table holds. */
export async function readConnection(db: Kysely<ShopifyDb>, tenantId: string) {
  const connection = await db
    .selectFrom('shopify_connections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const lastRun = await db
    .selectFrom('shopify_sync_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const counts = await sql<{ resource: string; count: string }>`${sql.join(
    COUNTED.map(
      (t) =>
        sql`select ${t}::text as resource, count(*) as count from ${sql.table(t)} where tenant_id = ${tenantId} and source = ${SOURCE}`,
    ),
    sql` union all `,
  )}`.execute(db);
  return {
    connection,
    lastRun,
    counts: counts.rows.map((r) => ({ resource: r.resource, count: Number(r.count) })),
  };
}
