import { sql } from 'kysely';
import { escapeLike } from '../../src/sdk';
import type { KeysetSort } from '../../src/sdk/db';

export type ProductSortKey = 'TITLE' | 'PRICE' | 'CREATED_AT' | 'BEST_SELLING' | 'RELEVANCE' | 'ID';

type Column = Pick<KeysetSort, 'expression' | 'kind'> & { descending?: boolean };

/** The sort expression of each key and its natural direction (most sold first; otherwise ascending). */
const COLUMNS: Record<Exclude<ProductSortKey, 'RELEVANCE'>, Column> = {
  TITLE: { expression: sql.ref('p.title'), kind: 'text' },
  PRICE: { expression: sql.ref('p.min_price'), kind: 'decimal' },
  CREATED_AT: { expression: sql.ref('p.created_at'), kind: 'timestamp' },
  BEST_SELLING: { expression: sql.ref('p.total_sold'), kind: 'integer', descending: true },
  ID: { expression: null, kind: 'id' },
};

/**
 * RELEVANCE ranks exact title matches, then title prefixes, then title substrings, then matches in other
 * fields; without a query it is ID order.
 */
function relevance(text: string): KeysetSort['expression'] {
  const escaped = escapeLike(text);
  return sql`(case when lower(p.title) = lower(${text}) then 0
    when p.title ilike ${`${escaped}%`} escape '\\' then 1
    when p.title ilike ${`%${escaped}%`} escape '\\' then 2 else 3 end)`;
}

export function productSort(key: ProductSortKey, reverse: boolean, text: string | null): KeysetSort {
  const name = `product:${key}${reverse ? ':reverse' : ''}`;
  const id = sql.ref('p.id');
  if (key === 'RELEVANCE' && text) {
    return { name, expression: relevance(text), id, kind: 'integer', descending: reverse };
  }
  const column = COLUMNS[key === 'RELEVANCE' ? 'ID' : key];
  return { name, ...column, id, descending: (column.descending ?? false) !== reverse };
}
