import { sql } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';

/** Demo definitions: (owner type, key, name, type, validations, storefront access). */
const DEFINITIONS = [
  ['PRODUCT', 'care_instructions', 'Care instructions', 'multi_line_text_field', [], 'PUBLIC_READ'],
  ['PRODUCT', 'size_chart', 'Size chart', 'url', [], 'PUBLIC_READ'],
  ['PRODUCT', 'erp_id', 'ERP id', 'single_line_text_field', [{ name: 'regex', value: '[A-Z]{3}-[0-9]+' }], 'NONE'],
  ['PRODUCTVARIANT', 'weight_grams', 'Weight (g)', 'number_integer', [{ name: 'min', value: '0' }], 'PUBLIC_READ'],
  ['COLLECTION', 'banner_text', 'Banner text', 'single_line_text_field', [], 'PUBLIC_READ'],
  [
    'CUSTOMER',
    'loyalty_tier',
    'Loyalty tier',
    'single_line_text_field',
    [{ name: 'choices', value: '["bronze","silver","gold"]' }],
    'NONE',
  ],
  ['ORDER', 'gift_note', 'Gift note', 'multi_line_text_field', [], 'PUBLIC_READ'],
] as const;

/**
 * Demo data: a few definitions per tenant and values for some of each kind of owner (set-based). The
 * bench profile adds nothing.
 */
export async function seedMetafields(runtime: PluginRuntime, { profile, tenants }: SeedOptions): Promise<void> {
  if (profile !== 'demo') return;
  for (const tenant of tenants) {
    await runtime.withTenant(tenant.id, async (db) => {
      for (const [ownerType, key, name, type, validations, storefront] of DEFINITIONS) {
        await sql`insert into metafield_definitions
          (tenant_id, owner_type, namespace, key, name, type, validations, storefront_access)
          values (${tenant.id}, ${ownerType}, 'custom', ${key}, ${name}, ${type}, ${JSON.stringify(validations)}::jsonb,
                  ${storefront})`.execute(db);
      }
      const values = (ownerType: string, table: string, key: string, value: ReturnType<typeof sql>) =>
        sql`insert into metafields (tenant_id, owner_type, owner_id, namespace, key, type, value)
          select ${tenant.id}, ${ownerType}, o.id, 'custom', ${key}, d.type, ${value}
          from ${sql.table(table)} o join metafield_definitions d
            on d.tenant_id = o.tenant_id and d.owner_type = ${ownerType} and d.namespace = 'custom' and d.key = ${key}
          where o.tenant_id = ${tenant.id} and o.id % 2 = 0 order by o.id`.execute(db);
      await values(
        'PRODUCT',
        'products',
        'care_instructions',
        sql`'Machine wash cold.' || chr(10) || 'Do not tumble dry.'`,
      );
      await values('PRODUCT', 'products', 'erp_id', sql`'ERP-' || o.id`);
      await values('PRODUCTVARIANT', 'product_variants', 'weight_grams', sql`(100 + o.id % 900)::text`);
      await values('COLLECTION', 'collections', 'banner_text', sql`'Free shipping on this collection'`);
      await values('CUSTOMER', 'customers', 'loyalty_tier', sql`(array['bronze','silver','gold'])[1 + o.id % 3]`);
      await values('ORDER', 'orders', 'gift_note', sql`'Happy birthday!'`);
    });
  }
}
