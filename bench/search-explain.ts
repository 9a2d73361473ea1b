/**
 * `tsx bench/search-explain.ts <database url> [runs]`: EXPLAIN (ANALYZE, BUFFERS) of the two statements
 * of scenario (e), the page of 24, the facets and both in one statement, for "jacket" and for a one-match query, each run `runs` times (7): the median
 * execution time and the buffers read, which a loaded machine disturbs less than a load test does.
 * `PLAN=1` prints the last plan in full. docs/search.md reports the figures. Read as the gateway's requests
 * read: as `gateway_app` with the tenant set, under row-level security (SEARCH_SQL_ROLE as in search-sql.ts).
 */
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { Pool } from 'pg';
import { ALL_COLUMNS, type TenantDb } from '../src/sdk';
import { listProducts } from '../connectors/catalog/product-list';
import { facetCounts } from '../connectors/catalog/search-facets';
import { searchPageAndFacets } from '../connectors/catalog/search-page';
import { parseSearchQuery } from '../connectors/catalog/search-query';

async function main(): Promise<void> {
  const [url, runs = '7'] = process.argv.slice(2);
  if (!url) throw new Error('usage: tsx bench/search-explain.ts <database url> [runs]');
  const role = process.env.SEARCH_SQL_ROLE ?? 'gateway_app';
  const options = ['-c app.tenant_id=bench', ...(role ? [`-c role=${role}`] : [])].join(' ');
  const pool = new Pool({ connectionString: url, max: 1, options });
  const sent: CompiledQuery[] = [];
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') sent.push(event.query);
    },
  });
  const tenant = { tenantId: 'bench', get: async () => db } as unknown as TenantDb;
  const page = { size: 24, cursor: null, backward: false };
  // "jacket" is in a tenth of the catalog; the other query finds one product in either seed.
  const queries = ['jacket', 'coastal boot 4321'];
  for (const text of queries) {
    const search = { storefront: true, text: null, clauses: parseSearchQuery(text) };
    const listing = { search, sortKey: 'RELEVANCE' as const, reverse: false };
    await listProducts(tenant, listing, page, ALL_COLUMNS);
    await facetCounts(tenant, search);
    await searchPageAndFacets(tenant, listing, page, ALL_COLUMNS);
  }
  const labels = queries.flatMap((q) => [
    `(e) page of 24, "${q}"`,
    `(e) total and all facets, "${q}"`,
    `(e) both in one statement (the gateway's), "${q}"`,
  ]);
  const client = await pool.connect();
  for (const [i, query] of sent.entries()) {
    const times: number[] = [];
    let plan = '';
    for (let i = 0; i < Number(runs); i += 1) {
      const { rows } = await client.query(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
      plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
    }
    times.sort((a, b) => a - b);
    const buffers = /Buffers: (.*)/.exec(plan)?.[1] ?? '';
    console.log(`| ${labels[i]} | ${times[Math.floor(times.length / 2)].toFixed(1)} | ${buffers} |`);
    if (process.env.PLAN) console.log(plan);
  }
  client.release();
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
