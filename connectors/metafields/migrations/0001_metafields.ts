import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../../src/sdk/db/tenant-isolation';

const OWNER_TYPES = sql`owner_type in ('PRODUCT', 'PRODUCTVARIANT', 'COLLECTION', 'CUSTOMER', 'ORDER')`;

/**
 * Metafield definitions (per owner type, namespace and key: the value type, its validations and whether
 * storefronts see it) and metafield values, one per owner, namespace and key. A value names its owner by
 * type and id (owners live in other plugins' tables) and its definition by namespace and key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metafield_definitions')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull().check(OWNER_TYPES))
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('validations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('storefront_access', 'text', (c) =>
      c
        .notNull()
        .defaultTo('NONE')
        .check(sql`storefront_access in ('NONE', 'PUBLIC_READ')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('metafield_definitions_tenant_owner_key', ['tenant_id', 'owner_type', 'namespace', 'key'])
    .execute();
  await db.schema
    .createIndex('metafield_definitions_tenant_id')
    .on('metafield_definitions')
    .columns(['tenant_id', 'id'])
    .execute();
  await enableTenantIsolation(db, 'metafield_definitions');

  await db.schema
    .createTable('metafields')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull().check(OWNER_TYPES))
    .addColumn('owner_id', 'bigint', (c) => c.notNull())
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('metafields_tenant_owner_key', ['tenant_id', 'owner_type', 'owner_id', 'namespace', 'key'])
    .execute();
  await db.schema
    .createIndex('metafields_tenant_definition')
    .on('metafields')
    .columns(['tenant_id', 'owner_type', 'namespace', 'key'])
    .execute();
  await enableTenantIsolation(db, 'metafields');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('metafields').execute();
  await db.schema.dropTable('metafield_definitions').execute();
}
