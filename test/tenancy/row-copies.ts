import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/** One row of a table as JSON (what `to_jsonb` makes of it). */
export type RowJson = Record<string, unknown>;

interface Column {
  name: string;
  /** Part of a unique index without `tenant_id`: unique across tenants, so a copy needs its own value. */
  globallyUnique: boolean;
  hasDefault: boolean;
  text: boolean;
}

/** The columns an insert may give (not generated, not `generated always as identity`), from the catalog. */
async function columnsOf(conn: Kysely<unknown>, table: string): Promise<Column[]> {
  const { rows } = await sql<Column>`
    select a.attname as name,
      (a.atthasdef or a.attidentity = 'd') as "hasDefault",
      a.atttypid in ('text'::regtype, 'varchar'::regtype) as text,
      exists (select 1 from pg_index i
              where i.indrelid = a.attrelid and i.indisunique and a.attnum = any(i.indkey)
                and not exists (select 1 from pg_attribute t
                                where t.attrelid = i.indrelid and t.attnum = any(i.indkey) and t.attname = 'tenant_id'))
        as "globallyUnique"
    from pg_attribute a
    where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped
      and a.attidentity <> 'a' and a.attgenerated = ''
    order by a.attnum`.execute(conn);
  return rows;
}

/** One row of `tenant` in `table`, or null when it has none (read as the connection's role). */
export async function rowOf(conn: Kysely<unknown>, table: string, tenant: string): Promise<RowJson | null> {
  const { rows } = await sql<{ row: RowJson }>`
    select to_jsonb(x) as row from ${sql.table(table)} x where tenant_id = ${tenant} limit 1`.execute(conn);
  return rows[0]?.row ?? null;
}

/** The statement inserting `row` into `table` as it is (only `generated always` columns left to the database). */
export async function insertAsIs(conn: Kysely<unknown>, table: string, row: RowJson) {
  const list = sql.join((await columnsOf(conn, table)).map((c) => sql.ref(c.name)));
  // No `returning`: it would also need the row to pass the read policy, and this checks the write policy.
  return sql`insert into ${sql.table(table)} (${list})
    select ${list} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(row)}::jsonb)`;
}

/**
 * Copies `row` as a row of `tenant`, with fresh keys: a column unique across tenants takes its default,
 * or for text a new suffix. Run as the superuser (row-level security does not apply); foreign keys may
 * point at the original tenant's rows, which is enough for checks that roll back.
 */
export async function insertCopy(conn: Kysely<unknown>, table: string, row: RowJson, tenant: string) {
  const columns = (await columnsOf(conn, table)).filter((c) => !(c.globallyUnique && c.hasDefault));
  const copy: RowJson = { ...row, tenant_id: tenant };
  for (const c of columns) {
    if (c.globallyUnique && c.text && typeof copy[c.name] === 'string') {
      copy[c.name] = `${String(copy[c.name])}-${randomBytes(6).toString('hex')}`;
    }
  }
  const list = sql.join(columns.map((c) => sql.ref(c.name)));
  const { rows } = await sql<{ row: RowJson }>`insert into ${sql.table(table)} (${list})
    select ${list} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(copy)}::jsonb)
    returning to_jsonb(${sql.table(table)}.*) as row`.execute(conn);
  return rows[0].row;
}

interface ColumnShape {
  name: string;
  type: string;
  category: string;
  required: boolean;
  check: string | null;
  references: { table: string; column: string } | null;
}

/** A value for a required column nothing else fills: the first value its check names, else a sample of its type. */
function sampleOf(column: ColumnShape): unknown {
  const named = column.check?.match(/'([^']*)'/)?.[1];
  if (column.type === 'uuid') return randomUUID();
  if (column.category === 'S') return named ?? `probe-${randomBytes(6).toString('hex')}`;
  const samples: Record<string, unknown> = { N: 1, B: false, D: new Date().toISOString(), U: {}, A: [] };
  if (column.category in samples) return samples[column.category];
  throw new Error(`no sample for column ${column.name} (type category ${column.category})`);
}

/**
 * Makes up a row of `tenant` in `table` from its catalog: defaults where there are some, the tenant's
 * own rows (made up in turn when missing) for foreign keys, and samples for other required columns.
 * Run as the superuser; for a table neither tenant has rows in.
 */
export async function insertMadeUp(conn: Kysely<unknown>, table: string, tenant: string, depth = 0): Promise<RowJson> {
  const { rows: columns } = await sql<ColumnShape>`
    select a.attname as name, t.typname as type, t.typcategory as category,
      (a.attnotnull and not a.atthasdef and a.attidentity = '') as required,
      (select pg_get_constraintdef(c.oid) from pg_constraint c
        where c.conrelid = a.attrelid and c.contype = 'c' and c.conkey = array[a.attnum] limit 1) as "check",
      (select json_build_object('table', f.confrelid::regclass::text, 'column', r.attname)
         from pg_constraint f join pg_attribute r on r.attrelid = f.confrelid and r.attnum = f.confkey[1]
        where f.conrelid = a.attrelid and f.contype = 'f' and f.conkey = array[a.attnum] limit 1) as "references"
    from pg_attribute a join pg_type t on t.oid = a.atttypid
    where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped
      and a.attidentity <> 'a' and a.attgenerated = ''
    order by a.attnum`.execute(conn);
  const row: RowJson = {};
  for (const column of columns) {
    if (column.name === 'tenant_id') row.tenant_id = tenant;
    else if (column.references && column.required) {
      const { table: parent, column: key } = column.references;
      const owned = await rowOf(conn, parent, tenant);
      if (!owned && depth > 3) throw new Error(`no row of ${tenant} in ${parent} for ${table}.${column.name}`);
      row[column.name] = (owned ?? (await insertMadeUp(conn, parent, tenant, depth + 1)))[key];
    } else if (column.required) row[column.name] = sampleOf(column);
  }
  const list = sql.join(Object.keys(row).map((name) => sql.ref(name)));
  const { rows } = await sql<{ row: RowJson }>`insert into ${sql.table(table)} (${list})
    select ${list} from jsonb_populate_record(null::${sql.table(table)}, ${JSON.stringify(row)}::jsonb)
    returning to_jsonb(${sql.table(table)}.*) as row`.execute(conn);
  return rows[0].row;
}
