import type { SelectQueryBuilder } from 'kysely';
import { escapeLike } from '../../src/sdk';
import { RECORD_SORTS, type TableList } from '../../src/sdk/db';
import type { CustomerTables } from './tables';

export type CustomerSortKey = 'ID' | 'CREATED_AT' | 'UPDATED_AT' | 'NAME';

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
  const pattern = text ? `%${escapeLike(text.toLowerCase())}%` : undefined;
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

/** The tenant's customers, by name or time as asked, paged by keyset. */
export const customerList: TableList<CustomerTables, 'customers', CustomerSortKey, CustomerFilter, CustomerConditions> =
  {
    table: 'customers',
    from: (db) => db.selectFrom('customers'),
    sorts: { ...RECORD_SORTS, NAME: { column: 'name_key', kind: 'text' } },
    conditions: conditionsOf,
    filtered,
  };
