/**
 * `tsx bench/search-sql.ts <database url> [tenant]`: the statements of scenario (e) (the page of 24 and
 * the facets) and (f) (products, collections, completions), each timed on the database alone, median and
 * p99 of 30 runs on one connection, with the parts of the gateway's one statement (the matches alone, the
 * matches in scope stored as `base`). When Postgres runs on this machine, also the serving process's CPU
 * and minor page faults per run (from /proc): what a statement costs the database, less disturbed by
 * other load than its time. Run it on two seeds (`seed --bench --products 10000` and `100000`) to see
 * how the cost grows with the catalog; docs/search.md reports the figures. Statements run as the
 * gateway's requests do: as `gateway_app` with the tenant set, under row-level security
 * (SEARCH_SQL_ROLE names another role, or none for the connecting user).
 */
import { existsSync, readFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { ALL_COLUMNS, type TenantDb } from '../src/sdk';
import {
  collectionsStartingWith,
  productsAndCompletions,
  titleWordsStartingWith,
} from '../connectors/catalog/predictive';
import { listProducts } from '../connectors/catalog/product-list';
import { searchRows } from '../connectors/catalog/product-filters';
import { facetCounts, facetStatement } from '../connectors/catalog/search-facets';
import { searchPageAndFacets } from '../connectors/catalog/search-page';
import { asPrefixQuery, parseSearchQuery } from '../connectors/catalog/search-query';

const RUNS = 30;
const ROLE = process.env.SEARCH_SQL_ROLE ?? 'gateway_app';

/** The serving process's CPU milliseconds and minor page faults so far; null when it is not on this machine. */
type Usage = { cpuMs: number; faults: number } | null;
let backendUsage: () => Usage = () => null;

function procUsage(pid: number): () => Usage {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return () => null;
  return () => {
    // Fields after the command name: state is 3rd; minflt 10th, utime 14th, stime 15th (clock ticks of 10 ms).
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return { faults: Number(fields[7]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
  };
}

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  const times: number[] = [];
  const before = backendUsage();
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const after = backendUsage();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  const perRun = (key: 'cpuMs' | 'faults', digits: number) =>
    before && after ? ((after[key] - before[key]) / RUNS).toFixed(digits) : 'n/a';
  console.log(`| ${label} | ${at(0.5)} | ${at(0.99)} | ${perRun('cpuMs', 1)} | ${perRun('faults', 0)} |`);
}

async function main(): Promise<void> {
  const [url, tenantId = 'bench'] = process.argv.slice(2);
  if (!url) throw new Error('usage: tsx bench/search-sql.ts <database url> [tenant]');
  // Set for the whole connection (the gateway sets them per transaction): every statement reads as a request does.
  const settings = [`-c app.tenant_id=${tenantId}`, ...(ROLE ? [`-c role=${ROLE}`] : [])].join(' ');
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: 1, options: settings }) }),
  });
  const tenant = { tenantId, get: async () => db } as unknown as TenantDb;
  const [{ n }] = (await db
    .selectFrom('products' as never)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .execute()) as {
    n: string;
  }[];
  console.log(
    `${n} products, read as ${ROLE || 'the connecting user'}\n\n| statement | p50 ms | p99 ms | database CPU ms | page faults |\n| --- | ---: | ---: | ---: | ---: |`,
  );
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  backendUsage = procUsage(rows[0].pid);
  const search = { storefront: true, text: null, clauses: parseSearchQuery('jacket') };
  const page = { size: 24, cursor: null, backward: false };
  await timed('(e) page of 24', () =>
    listProducts(tenant, { search, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS),
  );
  await timed('(e) total and all facets', () => facetCounts(tenant, search));
  await timed('(e) page, total and facets in one (what the gateway sends)', () =>
    searchPageAndFacets(tenant, { search, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS),
  );
  // The parts of that statement: finding and ranking the matches, then keeping those in scope as `base`.
  await timed('(e) part: the matches, ranked', () =>
    sql`select count(*) from ${searchRows(tenantId, search.clauses, true)} s`.execute(db),
  );
  await timed('(e) part: the matches in scope, stored', () =>
    sql`with ${facetStatement(tenantId, search, true).ctes} select count(*) from base`.execute(db),
  );
  // One product in either seed: the cost of a search that finds little, whatever the catalog's size.
  const rare = { ...search, clauses: parseSearchQuery('coastal boot 4321') };
  await timed('(e) page, one match', () =>
    listProducts(tenant, { search: rare, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS),
  );
  await timed('(e) facets, one match', () => facetCounts(tenant, rare));
  await timed('(e) page, total and facets in one, one match', () =>
    searchPageAndFacets(tenant, { search: rare, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS),
  );
  const typo = { ...search, clauses: parseSearchQuery('jakcet') };
  await timed('(e) page of 24, misspelt', () =>
    listProducts(tenant, { search: typo, sortKey: 'RELEVANCE', reverse: false }, page, ALL_COLUMNS),
  );
  const prefix = { ...search, clauses: asPrefixQuery(parseSearchQuery('bac')) };
  const six = { ...page, size: 6 };
  await timed('(f) products', () =>
    listProducts(tenant, { search: prefix, sortKey: 'RELEVANCE', reverse: false }, six, ALL_COLUMNS),
  );
  await timed('(f) collections', () => collectionsStartingWith(tenant, true, ['bac'], 6, ALL_COLUMNS));
  await timed('(f) completions', () => titleWordsStartingWith(tenant, prefix, 'bac', 6));
  await timed('(f) products and completions in one (what the gateway sends)', () =>
    productsAndCompletions(tenant, prefix, 'bac', six, ALL_COLUMNS),
  );
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
