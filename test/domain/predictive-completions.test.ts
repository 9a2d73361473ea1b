import type { Kysely } from 'kysely';
import { ALL_COLUMNS, type TenantDb } from '../../src/sdk';
import { productsAndCompletions, titleWordsStartingWith } from '../../connectors/catalog/predictive';
import { listProducts } from '../../connectors/catalog/product-list';
import { asPrefixQuery, parseSearchQuery } from '../../connectors/catalog/search-query';
import { asApp } from '../kit/app-role';
import { describeEachDatabase } from '../kit/each-database';
import { seedDemo } from './catalog-kit';
import { searchSuite } from './search-kit';

/** The oracle: words starting with `prefix` in the titles of the `sources` most relevant products, most frequent first. */
async function expectedCompletions(tenant: TenantDb, typed: string, prefix: string, sources: number) {
  const search = { storefront: true, text: null, clauses: asPrefixQuery(parseSearchQuery(typed)) };
  const page = { size: sources, cursor: null, backward: false };
  const best = await listProducts(tenant, { search, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS);
  const counts = new Map<string, number>();
  for (const { title } of best.rows.slice(0, sources)) {
    for (const word of title.toLowerCase().split(/[^a-z0-9]+/)) {
      if (word.startsWith(prefix)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1)).map(([word]) => word);
}

describeEachDatabase('predictive search completions', searchSuite(), (get) => {
  beforeAll(() => seedDemo(get()));

  it('come from the titles of the most relevant products only, the most frequent first', async () => {
    await asApp(get().database.db, 'alpha', async (conn: Kysely<unknown>) => {
      const tenant = { tenantId: 'alpha', get: async () => conn } as unknown as TenantDb;
      const completions = (typed: string, sources?: number) => {
        const search = { storefront: true, text: null, clauses: asPrefixQuery(parseSearchQuery(typed)) };
        return titleWordsStartingWith(tenant, search, typed, 10, sources);
      };
      const everyMatch = await expectedCompletions(tenant, 'c', 'c', 250);
      const bestTwo = await expectedCompletions(tenant, 'c', 'c', 2);
      // The demo seed has words starting with "c" beyond its two most relevant matches' titles.
      expect(everyMatch.length).toBeGreaterThan(bestTwo.length);
      expect(bestTwo.length).toBeGreaterThan(0);
      expect(await completions('c')).toEqual(everyMatch.slice(0, 10));
      expect(await completions('c', 2)).toEqual(bestTwo.slice(0, 10));
    });
  });

  it('read with the predicted products in one statement, the same as each read alone', async () => {
    await asApp(get().database.db, 'alpha', async (conn: Kysely<unknown>) => {
      const tenant = { tenantId: 'alpha', get: async () => conn } as unknown as TenantDb;
      for (const typed of ['c', 'jac', 'alpine jac', 'backpak', 'zzz']) {
        const clauses = asPrefixQuery(parseSearchQuery(typed));
        const prefix = clauses.at(-1)!.text;
        const search = { storefront: true, text: null, clauses };
        const page = { size: 3, cursor: null, backward: false };
        const listing = { search, sortKey: 'RELEVANCE' as const, reverse: false };
        const alone = {
          rows: (await listProducts(tenant, listing, page, ALL_COLUMNS)).rows,
          words: await titleWordsStartingWith(tenant, search, prefix, page.size),
        };
        expect(await productsAndCompletions(tenant, search, prefix, page, ALL_COLUMNS)).toEqual(alone);
      }
    });
  });
});
