import { sql, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, GatewayError, type ColumnChoice, type Page, type TenantDb } from '../../src/sdk';
import { selectColumns } from '../../src/sdk/db';
import type { AdjustmentRow, InventoryTables, LocationRow } from './tables';

/** The id after which a page starts; cursors of these lists carry only the row id. */
function cursorId(page: Page, list: string): string | null {
  if (!page.cursor) return null;
  const [kind, id] = decodeCursor(page.cursor, 2);
  if (kind !== list || typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this list', { argument: 'cursor' });
  }
  return id;
}

export const listCursor = (list: string) => (row: { id: string }) => encodeCursor([list, row.id]);

/** Locations oldest first (id order), keyset-paginated, with the given `columns`. */
export async function listLocations(db: TenantDb, page: Page, columns: ColumnChoice): Promise<LocationRow[]> {
  const after = cursorId(page, 'location');
  const conn = await db.get<InventoryTables>();
  let query = selectColumns(conn.selectFrom('locations'), columns)
    .where('tenant_id', '=', db.tenantId)
    .limit(page.size + 1);
  if (after) query = query.where('id', page.backward ? '<' : '>', after);
  const rows = await query.orderBy('id', page.backward ? 'desc' : 'asc').execute();
  return columns.guard(page.backward ? rows.reverse() : rows);
}

export async function countLocations(db: TenantDb): Promise<number> {
  const conn = await db.get<InventoryTables>();
  const row = await conn
    .selectFrom('locations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenant_id', '=', db.tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface AdjustmentFilter {
  variantId: string | null;
  locationId: string | null;
}

/** Adjustments newest first (descending id), optionally of one variant and/or location, with the given `columns`. */
export async function listAdjustments(
  db: TenantDb,
  filter: AdjustmentFilter,
  page: Page,
  columns: ColumnChoice,
): Promise<AdjustmentRow[]> {
  const after = cursorId(page, 'adjustment');
  const conn = await db.get<InventoryTables>();
  let query = selectColumns(conn.selectFrom('inventory_adjustments'), columns)
    .where('tenant_id', '=', db.tenantId)
    .limit(page.size + 1);
  if (filter.variantId) query = query.where('variant_id', '=', filter.variantId);
  if (filter.locationId) query = query.where('location_id', '=', filter.locationId);
  if (after) query = query.where(sql<SqlBool>`id ${sql.raw(page.backward ? '>' : '<')} ${after}::bigint`);
  const rows = await query.orderBy('id', page.backward ? 'asc' : 'desc').execute();
  return columns.guard(page.backward ? rows.reverse() : rows);
}
