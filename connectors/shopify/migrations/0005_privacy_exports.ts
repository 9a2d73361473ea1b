import type { Kysely } from 'kysely';

/** A customers/data_request keeps the export the gateway made for it, for the shop owner to send. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shopify_data_requests').addColumn('export', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shopify_data_requests').dropColumn('export').execute();
}
