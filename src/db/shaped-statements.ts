import { createQueryId, type CompiledQuery, type Kysely } from 'kysely';
import { Memo } from '../sdk';
import { prepared, type PreparedQuery } from './prepared-statements';

/** Stand-ins for a statement's values while its shape is compiled; each run puts its own values there. */
const SLOTS: readonly object[] = Object.freeze(Array.from({ length: 12 }, () => ({})));

/** Compiled shapes by key: a few per loader and column choice, bounded all the same. */
const shapes = new Memo<string, PreparedQuery>(2_000);

// Kysely's handle type does not matter here: the caller's `build` names the tables and types the rows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

/** A query builder, or a `sql` template (which compiles against the handle it is given). */
interface Shape<R> {
  compile(db: AnyKysely): CompiledQuery<R>;
}

/**
 * Runs a statement whose text depends only on `key` (its table, columns, filters and order), with
 * `values` in the slots `build` was given. Kysely builds and compiles each shape once instead of once
 * per loader batch. The handle's plugins still see every statement, as they would a new one: the
 * statement count and the ended-request guard of tenant-session.ts hold, and a plugin that rewrites the
 * statement has its rewrite compiled.
 */
export async function runShaped<R>(
  conn: AnyKysely,
  key: string,
  values: readonly unknown[],
  build: (db: AnyKysely, slots: readonly unknown[]) => Shape<R>,
): Promise<R[]> {
  if (values.length > SLOTS.length) throw new Error(`a statement shape takes at most ${SLOTS.length} values`);
  const shape = shapes.get(key, () => {
    const db = conn.withoutPlugins();
    return prepared(build(db, SLOTS.slice(0, values.length)).compile(db));
  });
  const executor = conn.getExecutor();
  const queryId = createQueryId();
  const query = executor.transformQuery(shape.query, queryId);
  // A plugin's rewrite runs unnamed, as any statement built per request.
  const compiled: CompiledQuery & Partial<PreparedQuery> =
    query === shape.query ? shape : executor.compileQuery(query, queryId);
  const parameters = compiled.parameters.map((p) => {
    const slot = SLOTS.indexOf(p as object);
    return slot < 0 ? p : values[slot];
  });
  const run = { query, queryId, sql: compiled.sql, parameters, preparedName: compiled.preparedName };
  const result = await executor.executeQuery<R>(run);
  return result.rows;
}

/**
 * Runs a statement built per request whose text depends only on its shape (every value a parameter, as
 * Kysely sends them), preparing that text as a compiled shape's: for statements with too many shapes and
 * derived values to compile once, such as the product search.
 */
export async function runPrepared<R>(conn: AnyKysely, query: Shape<R>): Promise<R[]> {
  return (await conn.executeQuery<R>(prepared(query.compile(conn)))).rows;
}
