import { sql } from 'kysely';
import { escapeLike } from '../../src/sdk';
import type { KeysetSort } from '../../src/sdk/db';
import type { Clause } from './search-query';

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

/**
 * Full-text relevance: the document's weighted rank (title above vendor, type and tags, above SKUs and
 * options, above description), scaled to an integer so cursors carry it exactly; most relevant first.
 * Computed where the match is read (`searchRows(…, ranked)`, product-filters.ts) and read as `s.rank`.
 */
const RANK = sql.ref('s.rank');

/** Whether the sort reads the search row `s` alone (a full-text rank), not the product. */
export const ranksBySearchRow = (sort: KeysetSort) => sort.name.endsWith(':text');

/** The sort of a listing; RELEVANCE with full-text clauses ranks by the search document. */
export function productSort(
  key: ProductSortKey,
  reverse: boolean,
  text: string | null,
  clauses?: readonly Clause[] | null,
): KeysetSort {
  const name = `product:${key}${reverse ? ':reverse' : ''}`;
  const id = sql.ref('p.id');
  if (key === 'RELEVANCE' && clauses?.some((c) => !c.excluded)) {
    return {
      name: `${name}:text`,
      expression: RANK,
      // Read from the search row alone, so the page can be ranked before any product is read.
      id: sql.ref('s.product_id'),
      kind: 'integer',
      descending: !reverse,
    };
  }
  if (key === 'RELEVANCE' && text) {
    return { name, expression: relevance(text), id, kind: 'integer', descending: reverse };
  }
  const column = COLUMNS[key === 'RELEVANCE' ? 'ID' : key];
  return { name, ...column, id, descending: (column.descending ?? false) !== reverse };
}
