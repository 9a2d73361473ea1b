import { sql } from 'kysely';
import type { PluginRuntime, SeedOptions } from '../../src/sdk';

const LOCATIONS = ['Main warehouse', 'Downtown store'];

/**
 * Two locations per tenant and a level for every variant at each, set-based. Demo stock varies from 0
 * to 24 (some variants sold out at one location, a few everywhere); bench stock is plentiful. The
 * trigger then fills each variant's inventory_quantity.
 */
export async function seedInventory(runtime: PluginRuntime, { profile, tenants }: SeedOptions): Promise<void> {
  for (const tenant of tenants) {
    await runtime.withTenant(tenant.id, async (db) => {
      await sql`insert into locations (tenant_id, name)
        select ${tenant.id}, name from unnest(${LOCATIONS}::text[]) with ordinality as l(name, n) order by n`.execute(
        db,
      );
      const stock = profile === 'bench' ? sql`100 + (v.id + l.id) % 900` : sql`((v.id * 7 + l.id * 3) % 25)::int`;
      await sql`insert into inventory_levels (tenant_id, variant_id, location_id, available)
        select ${tenant.id}, v.id, l.id, ${stock}
        from product_variants v cross join locations l
        where v.tenant_id = ${tenant.id} and l.tenant_id = ${tenant.id}
        order by v.id, l.id`.execute(db);
      await sql`insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
        select tenant_id, variant_id, location_id, available, 'received', available
        from inventory_levels where tenant_id = ${tenant.id} and available > 0`.execute(db);
    });
  }
}
