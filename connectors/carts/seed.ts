import { sql, type Kysely } from 'kysely';
import type { PluginRuntime, SeedOptions, Tenant } from '../../src/sdk';

interface Setup {
  home: string;
  zones: {
    name: string;
    regions: string[];
    rates: [handle: string, title: string, price: string, freeAbove: string | null, days: [number, number]][];
  }[];
  taxes: [country: string, province: string | null, title: string, percent: string, shipping: boolean][];
}

/** A euro shop in Germany (VAT included, shipping taxed too) and a dollar shop in the US (state sales tax added). */
const SETUPS: Record<'EUR' | 'USD', Setup> = {
  EUR: {
    home: 'DE',
    zones: [
      {
        name: 'Germany',
        regions: ['DE'],
        rates: [
          ['standard', 'DHL Paket', '4.90', '50.00', [2, 3]],
          ['express', 'DHL Express', '9.90', null, [1, 1]],
        ],
      },
      {
        name: 'International',
        regions: ['*'],
        rates: [['international', 'International', '14.90', '150.00', [5, 10]]],
      },
    ],
    taxes: [
      ['DE', null, 'MwSt', '19', true],
      ['AT', null, 'USt', '20', true],
      ['FR', null, 'TVA', '20', true],
    ],
  },
  USD: {
    home: 'US',
    zones: [
      {
        name: 'United States',
        regions: ['US'],
        rates: [
          ['standard', 'Standard', '5.00', '75.00', [3, 5]],
          ['express', 'Express', '15.00', null, [1, 2]],
        ],
      },
      { name: 'International', regions: ['*'], rates: [['international', 'International', '25.00', null, [7, 14]]] },
    ],
    taxes: [
      ['US', 'CA', 'California State Tax', '7.25', false],
      ['US', 'NY', 'New York State Tax', '4', false],
      ['US', 'TX', 'Texas State Tax', '6.25', false],
      ['US', 'WA', 'Washington State Tax', '6.5', false],
    ],
  },
};

async function seedTenant(db: Kysely<unknown>, tenant: Tenant) {
  const t = tenant.id;
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from shipping_zones where tenant_id = ${t}`.execute(db);
  if (rows[0].n > 0) return;
  const setup = tenant.currency === 'EUR' ? SETUPS.EUR : SETUPS.USD;
  for (const zone of setup.zones) {
    const made = await sql<{ id: string }>`insert into shipping_zones (tenant_id, name, regions)
      values (${t}, ${zone.name}, ${sql.val(zone.regions)}::text[]) returning id`.execute(db);
    for (const [handle, title, price, freeAbove, [min, max]] of zone.rates) {
      await sql`insert into shipping_rates (tenant_id, zone_id, handle, title, kind, price, free_above, min_delivery_days, max_delivery_days)
        values (${t}, ${made.rows[0].id}, ${handle}, ${title}, 'FLAT', ${price}::numeric, ${freeAbove}::numeric, ${min}, ${max})`.execute(
        db,
      );
    }
  }
  for (const [country, province, title, percent, shipping] of setup.taxes) {
    await sql`insert into tax_rates (tenant_id, country_code, province_code, title, rate_percentage, applies_to_shipping)
      values (${t}, ${country}, ${province}, ${title}, ${percent}::numeric, ${shipping})`.execute(db);
  }
  await sql`insert into discounts (tenant_id, code, title, kind, value)
    values (${t}, 'WELCOME10', 'Welcome: 10 % off', 'PERCENTAGE', 10)`.execute(db);
}

/**
 * Pricing snapshots for orders placed without checkout (the orders plugin's demo orders): delivered
 * to a demo address with the standard rate, made free by a free-shipping discount (so each order's
 * total stays as it was), with the tax the prices hold (euro shops) or none (an Oregon address).
 */
async function snapshotSeededOrders(db: Kysely<unknown>, tenant: Tenant) {
  const euro = tenant.currency === 'EUR';
  const address = euro
    ? { address1: 'Unter den Linden 1', city: 'Berlin', zip: '10117', countryCode: 'DE', provinceCode: null }
    : { address1: '1 Pioneer Sq', city: 'Portland', zip: '97204', countryCode: 'US', provinceCode: 'OR' };
  const stored = { firstName: null, lastName: null, company: null, address2: null, phone: null, ...address };
  const shipping = euro ? '4.90' : '5.00';
  const tax = euro ? sql`round(o.subtotal * 19 / 119, 2)` : sql`0.00`;
  await sql`insert into order_pricing (order_id, tenant_id, shipping_address, shipping_lines, tax_lines,
      discount_applications, subtotal, total_shipping, total_tax, total_discounts, total, taxes_included)
    select o.id, o.tenant_id, ${JSON.stringify(stored)}::jsonb,
      jsonb_build_array(jsonb_build_object('handle', 'standard', 'title', ${euro ? 'DHL Paket' : 'Standard'}::text,
        'price', ${shipping}::text, 'discountedPrice', '0.00', 'tax', '0.00')),
      jsonb_build_array(jsonb_build_object('title', ${euro ? 'MwSt' : 'Oregon'}::text, 'rate', ${euro ? '19' : '0'}::text,
        'amount', (${tax})::text)),
      jsonb_build_array(jsonb_build_object('title', 'Free shipping', 'code', null, 'kind', 'FREE_SHIPPING',
        'value', '0', 'amount', ${shipping}::text)),
      o.subtotal, ${shipping}::numeric, ${tax}, ${shipping}::numeric, o.total, ${euro}
    from orders o
    where o.tenant_id = ${tenant.id} and o.cart_id is null
      and not exists (select 1 from order_pricing p where p.order_id = o.id)`.execute(db);
}

/**
 * Each tenant's pricing setup: a domestic and an international shipping zone (domestic shipping free
 * above an amount), tax rates that fit its currency's country, and the code WELCOME10 (once); a
 * pricing snapshot for demo orders that have none.
 */
export async function seedPricing(runtime: PluginRuntime, { tenants }: SeedOptions): Promise<void> {
  for (const tenant of tenants) {
    await runtime.withTenant(tenant.id, async (db) => {
      await seedTenant(db, tenant);
      await snapshotSeededOrders(db, tenant);
    });
  }
}
