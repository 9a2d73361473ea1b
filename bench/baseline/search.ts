/**
 * The baseline's search pages: (e) the statement the gateway's search sends (the page of 24, the total
 * and every facet in one), and (f) the two of predictive search (the products with the completions, and
 * the collections), taken from the catalog's connector as bench/search-sql.ts times them, composed into the
 * answer by hand: what the pages cost without GraphQL around them.
 */
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { ALL_COLUMNS, encodeGlobalId, type TenantDb } from '../../src/sdk';
import { formatMinor, toMinor } from '../../src/sdk/money';
import { collectionsStartingWith, productsAndCompletions } from '../../connectors/catalog/predictive';
import { searchPageAndFacets } from '../../connectors/catalog/search-page';
import { asPrefixQuery, parseSearchQuery } from '../../connectors/catalog/search-query';
import { suggestedQueries } from '../../resolvers/catalog/predictive-search';
import { filtersOf } from '../../resolvers/catalog/search-filters';
import type { Answer } from './checkout-facts';

/** A connector's view of the baseline's pool, for one tenant. */
export function tenantDb(pool: pg.Pool, tenantId: string): TenantDb {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return { tenantId, get: async () => db } as unknown as TenantDb;
}

export async function searchPage(db: TenantDb, currency: string, v: Record<string, unknown>): Promise<Answer> {
  const search = { storefront: true, text: null, clauses: parseSearchQuery(String(v.query)) };
  const page = { size: 24, cursor: null, backward: false };
  const found = await searchPageAndFacets(db, { search, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS);
  if (!found) throw new Error('the bench searches by relevance');
  const { rows, facets } = found;
  const money = (amount: unknown) => ({
    amount: formatMinor(toMinor(String(amount), currency), currency),
    currencyCode: currency,
  });
  // The connector reads one row more than the page, to know whether another follows.
  const nodes = rows.slice(0, page.size).map((p) => ({
    id: encodeGlobalId('Product', String(p.id)),
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    priceRange: { minVariantPrice: money(p.min_price) },
  }));
  // The fields the page selects (a value's id is not among them).
  const productFilters = filtersOf(facets).map((f) => ({
    ...f,
    values: f.values.map(({ label, count, input }) => ({ label, count, input })),
  }));
  const answer = { search: { totalCount: facets.total, nodes, productFilters } };
  return { body: JSON.stringify({ data: answer }), statements: 1 };
}

/** (f): a storefront's predictive search for the letters typed, six of each kind, as the page asks. */
export async function predictivePage(db: TenantDb, v: Record<string, unknown>): Promise<Answer> {
  const clauses = asPrefixQuery(parseSearchQuery(String(v.query)));
  const last = clauses.at(-1);
  if (!last || last.kind !== 'prefix') throw new Error('the bench types the start of one word');
  const search = { storefront: true, text: null, clauses };
  const limit = 6;
  const page = { size: limit, cursor: null, backward: false };
  const [{ rows, words }, collections] = await Promise.all([
    productsAndCompletions(db, search, last.text, page, ALL_COLUMNS),
    collectionsStartingWith(db, true, [last.text], limit, ALL_COLUMNS),
  ]);
  const answer = {
    predictiveSearch: {
      products: rows
        .slice(0, limit)
        .map((p) => ({ id: encodeGlobalId('Product', String(p.id)), handle: p.handle, title: p.title })),
      collections: collections.map((c) => ({
        id: encodeGlobalId('Collection', String(c.id)),
        handle: c.handle,
        title: c.title,
      })),
      queries: suggestedQueries(clauses, words),
    },
  };
  return { body: JSON.stringify({ data: answer }), statements: 2 };
}
