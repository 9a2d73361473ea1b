import { sql, type RawBuilder } from 'kysely';

/**
 * The `where` of an upsert's `do update`: the incoming Shopify version is not older than the stored
 * one. Postgres evaluates it on the locked, latest row, so concurrent writers cannot race past it.
 * Equal versions apply: Shopify's timestamps have second precision, and two changes in one second
 * must not lose the second.
 */
export function notOlder(table: string): RawBuilder<boolean> {
  const stored = sql.ref(`${table}.shopify_updated_at`);
  return sql<boolean>`(${stored} is null or excluded.shopify_updated_at >= ${stored})`;
}
