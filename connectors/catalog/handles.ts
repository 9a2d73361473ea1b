import { sql, type Kysely } from 'kysely';
import type { CatalogTables } from './tables';

/**
 * A free handle for `base` in the tenant: `base`, else `base-2`, `base-3`... (one statement). A
 * concurrent writer may still take it first; the unique constraint then reports TAKEN.
 */
export async function freeHandle(
  trx: Kysely<CatalogTables>,
  table: 'products' | 'collections',
  tenantId: string,
  base: string,
): Promise<string> {
  const rows = await trx
    .selectFrom(table)
    .select('handle')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`handle = ${base} or handle ~ ${`^${base}-[0-9]{1,9}$`}`)
    .execute();
  const taken = new Set(rows.map((r) => r.handle));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
