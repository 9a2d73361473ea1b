import { sql, type Kysely } from 'kysely';

/**
 * What Shopify made for a write intent (the order a checkout placed), so a retry after the local
 * write failed finds Shopify's record instead of making another.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table shopify_write_intents add column result_id text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table shopify_write_intents drop column result_id`.execute(db);
}
