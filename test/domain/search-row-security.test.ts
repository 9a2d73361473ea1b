import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import { ALL_COLUMNS, type TenantDb } from '../../src/sdk';
import { productsAndCompletions, titleWordsStartingWith } from '../../connectors/catalog/predictive';
import { listProducts } from '../../connectors/catalog/product-list';
import { facetCounts } from '../../connectors/catalog/search-facets';
import { asPrefixQuery, parseSearchQuery } from '../../connectors/catalog/search-query';
import { APP_ROLE, asApp } from '../kit/app-role';
import { describeEachDatabase } from '../kit/each-database';
import { seedDemo } from './catalog-kit';
import { searchSuite } from './search-kit';

const countOf = async (conn: Kysely<unknown>, query: RawBuilder<unknown>) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${query}`.execute(conn)).rows[0].n;

const JACKET = sql`to_tsquery('simple', 'jacket')`;

/** A handle that records every statement a connector runs through it (runPrepared's `executeQuery`). */
function recording(conn: Kysely<unknown>, sent: CompiledQuery[]): Kysely<unknown> {
  return new Proxy(conn, {
    get(target, prop) {
      if (prop === 'executeQuery') {
        return (query: CompiledQuery) => {
          sent.push(query);
          return target.executeQuery(query);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Runs the catalog connector's searches for "jacket" as `tenantId`; returns the statements sent and the page. */
async function searchAs(conn: Kysely<unknown>, tenantId: string) {
  const sent: CompiledQuery[] = [];
  const handle = recording(conn, sent);
  const tenant = { tenantId, get: async () => handle } as unknown as TenantDb;
  const page = { size: 24, cursor: null, backward: false };
  const search = { storefront: true, text: null, clauses: parseSearchQuery('jacket') };
  const ranked = await listProducts(tenant, { search, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS);
  await listProducts(tenant, { search, sortKey: 'TITLE', reverse: false }, page, ALL_COLUMNS);
  const facets = await facetCounts(tenant, search);
  const prefix = { ...search, clauses: asPrefixQuery(parseSearchQuery('jack')) };
  const words = await titleWordsStartingWith(tenant, prefix, 'jack', 6);
  await productsAndCompletions(tenant, prefix, 'jack', { ...page, size: 6 }, ALL_COLUMNS);
  return { sent, ranked: ranked.rows, facets, words };
}

const plan = async (conn: Kysely<unknown>, query: CompiledQuery) =>
  (
    await conn.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]))
  ).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');

describeEachDatabase('search under row-level security', searchSuite(), (get) => {
  beforeAll(() => seedDemo(get()));

  it("reads the matches of the session's tenant only, and none without a tenant", async () => {
    const { db } = get().database;
    const expected = async (tenant: string) =>
      countOf(db, sql`product_search s where s.tenant_id = ${tenant} and s.document @@ ${JACKET}`);
    const alpha = await expected('alpha');
    const beta = await expected('beta');
    expect(alpha).toBeGreaterThan(0);
    expect(beta).toBeGreaterThan(0);
    const matches = sql`catalog_search_matches(${JACKET}, null) m`;
    expect(await asApp(db, 'alpha', (conn) => countOf(conn, matches))).toBe(alpha);
    expect(await asApp(db, 'beta', (conn) => countOf(conn, matches))).toBe(beta);
    expect(await asApp(db, null, (conn) => countOf(conn, matches))).toBe(0);
    const tenants = await asApp(
      db,
      'alpha',
      async (conn) => (await sql<{ tenant_id: string }>`select distinct tenant_id from ${matches}`.execute(conn)).rows,
    );
    expect(tenants).toEqual([{ tenant_id: 'alpha' }]);
  });

  it('finds the matches through the index: no statement filters search rows by the text under the policy', async () => {
    const { db } = get().database;
    await asApp(db, 'alpha', async (conn) => {
      const { sent, ranked, facets, words } = await searchAs(conn, 'alpha');
      expect(ranked.length).toBeGreaterThan(0);
      expect(facets.total).toBeGreaterThan(0);
      expect(words).toContain('jacket');
      expect(sent).toHaveLength(5);
      for (const query of sent) {
        const text = await plan(conn, query);
        // A text match left to the scan would be a Filter after the policy's: every row of the tenant read.
        expect(text).not.toMatch(/@@/);
        expect(text).toMatch(/Function Scan on catalog_search_matches/);
      }
    });
  });

  it('answers the same rows when its owner is held to the policy (a database migrated by a non-superuser)', async () => {
    const { db } = get().database;
    const expected = await countOf(db, sql`product_search s where s.tenant_id = 'alpha' and s.document @@ ${JACKET}`);
    const counted = await db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        // Undone with the transaction, the role too: nothing is left in the cluster.
        await sql`create role rg_search_owner_probe nologin`.execute(conn);
        await sql`grant select on product_search to rg_search_owner_probe`.execute(conn);
        await sql`alter function catalog_search_matches(tsquery, tsquery) owner to rg_search_owner_probe`.execute(conn);
        await sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', 'alpha', true)`.execute(
          conn,
        );
        return {
          alpha: await countOf(conn, sql`catalog_search_matches(${JACKET}, null) m`),
          tenants: (await sql`select distinct tenant_id from catalog_search_matches(${JACKET}, null) m`.execute(conn))
            .rows,
        };
      } finally {
        await sql`rollback`.execute(conn);
      }
    });
    expect(expected).toBeGreaterThan(0);
    expect(counted).toEqual({ alpha: expected, tenants: [{ tenant_id: 'alpha' }] });
  });

  it('runs the function as a role that bypasses the policy and may read search rows alone', async () => {
    const { db } = get().database;
    const [facts] = (
      await sql<Record<string, boolean>>`select r.rolbypassrls as bypass, p.prosecdef as definer,
        has_table_privilege(r.rolname, 'products', 'select') as reads_products,
        has_table_privilege(r.rolname, 'product_search', 'insert') as writes_search,
        has_function_privilege('public', p.oid, 'execute') as public_executes,
        has_function_privilege(${APP_ROLE}, p.oid, 'execute') as app_executes
        from pg_proc p join pg_roles r on r.oid = p.proowner where p.proname = 'catalog_search_matches'`.execute(db)
    ).rows;
    expect(facts).toEqual({
      bypass: true,
      definer: true,
      reads_products: false,
      writes_search: false,
      public_executes: false,
      app_executes: true,
    });
  });
});
