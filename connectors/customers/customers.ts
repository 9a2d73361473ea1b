import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ColumnChoice, Page, TenantDb } from '../../src/sdk';
import { choiceKey, selectColumns } from '../postgres/columns';
import { likePattern, keysetPage, type KeysetSort } from '../postgres/keyset';
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

/** The values a filtered customer query compares with; `pattern` is the LIKE pattern of the search text. */
interface CustomerConditions {
  tenantId: string;
  pattern?: string;
  createdAtMin?: Date | null;
  createdAtMax?: Date | null;
}

function conditionsOf(tenantId: string, filter: CustomerFilter): CustomerConditions {
  const text = filter.query?.trim();
  const pattern = text ? likePattern(text.toLowerCase()) : undefined;
  return { tenantId, pattern, createdAtMin: filter.createdAtMin, createdAtMax: filter.createdAtMax };
}

// Conditions may stand in statement slots (keysetPage): only their presence is checked here.
function filtered<O>(query: CustomerQuery<O>, conditions: CustomerConditions): CustomerQuery<O> {
  const { tenantId, pattern, createdAtMin, createdAtMax } = conditions;
  let q = query.where('tenant_id', '=', tenantId);
  if (pattern != null) {
    q = q.where((eb) =>
      eb.or([
        eb('email', 'like', pattern),
        eb(eb.fn('lower', ['first_name']), 'like', pattern),
        eb(eb.fn('lower', ['last_name']), 'like', pattern),
      ]),
    );
  }
  if (createdAtMin != null) q = q.where('created_at', '>=', createdAtMin);
  if (createdAtMax != null) q = q.where('created_at', '<=', createdAtMax);
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
  const rows = await keysetPage(
    conn,
    `customers ${choiceKey(columns)}`,
    conditionsOf(db.tenantId, filter),
    (shape: Kysely<CustomerTables>, inSlots) =>
      filtered(selectColumns(shape.selectFrom('customers'), columns), inSlots),
    sort,
    page,
  );
  return columns.guard(rows);
}

export async function countCustomers(db: TenantDb, filter: CustomerFilter): Promise<number> {
  const conn: Kysely<CustomerTables> = await db.get<CustomerTables>();
  const row = await filtered(conn.selectFrom('customers'), conditionsOf(db.tenantId, filter))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
