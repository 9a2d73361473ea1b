import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

/**
 * Account emails wait in an outbox written in the same transaction as the change they tell of; a job
 * sends them and then blanks their bodies (a reset mail holds a token). Reset tokens are stored as
 * hashes, expire, and work once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_mail_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('customer_mail_outbox_tenant_due')
    .on('customer_mail_outbox')
    .columns(['tenant_id', 'next_attempt_at', 'id'])
    .where(sql.ref('sent_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('customer_reset_tokens')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'bigint', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('customer_reset_tokens_tenant_hash', ['tenant_id', 'token_hash'])
    .execute();
  await db.schema
    .createIndex('customer_reset_tokens_tenant_customer')
    .on('customer_reset_tokens')
    .columns(['tenant_id', 'customer_id'])
    .execute();

  await enableTenantIsolation(db, 'customer_mail_outbox');
  await enableTenantIsolation(db, 'customer_reset_tokens');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_reset_tokens').execute();
  await db.schema.dropTable('customer_mail_outbox').execute();
}
