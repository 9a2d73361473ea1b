import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ColumnChoice, Page, TenantDb } from '../../src/sdk';
import { selectColumns } from '../postgres/columns';
import { keysetPage, likePattern, type KeysetSort } from '../postgres/keyset';
import type { CustomerRow, CustomerTables } from './tables';

export const CUSTOMER_SORT_COLUMNS = {
  ID: 'id',
  CREATED_AT: 'created_at',
  UPDATED_AT: 'updated_at',
  NAME: 'name_key',
} as const;
export type CustomerSortKey = keyof typeof CUSTOMER_SORT_COLUMNS;

export interface CustomerFilter {
  query?: string | null;
  createdAtMin?: Date | null;
  createdAtMax?: Date | null;
}

type CustomerQuery<O> = SelectQueryBuilder<CustomerTables, 'customers', O>;

function filtered<O>(query: CustomerQuery<O>, tenantId: string, filter: CustomerFilter): CustomerQuery<O> {
  let q = query.where('tenant_id', '=', tenantId);
  const text = filter.query?.trim();
  if (text) {
    const pattern = likePattern(text.toLowerCase());
    q = q.where((eb) =>
      eb.or([
        eb('email', 'like', pattern),
        eb(eb.fn('lower', ['first_name']), 'like', pattern),
        eb(eb.fn('lower', ['last_name']), 'like', pattern),
      ]),
    );
  }
  if (filter.createdAtMin) q = q.where('created_at', '>=', filter.createdAtMin);
  if (filter.createdAtMax) q = q.where('created_at', '<=', filter.createdAtMax);
  return q;
}

export type CustomerListRow = CustomerRow & { sort_value: string };

/** One page of customers (the given `columns`) in the requested order, one extra row to detect the next page. */
export async function listCustomers(
  db: TenantDb,
  page: Page,
  sort: KeysetSort,
  filter: CustomerFilter,
  columns: ColumnChoice,
): Promise<CustomerListRow[]> {
  const conn = await db.get<CustomerTables>();
  const query = filtered(selectColumns(conn.selectFrom('customers'), columns), db.tenantId, filter);
  return columns.guard(await keysetPage(query, sort, page));
}

export async function countCustomers(db: TenantDb, filter: CustomerFilter): Promise<number> {
  const conn: Kysely<CustomerTables> = await db.get<CustomerTables>();
  const row = await filtered(conn.selectFrom('customers'), db.tenantId, filter)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
