import DataLoader from 'dataloader';
import { sql } from 'kysely';
import type { LoaderContext } from '../../../src/sdk';
import type { StoredAddress } from '../delivery/address';
import type { DiscountKind } from '../discounts/eligibility';

/** An order's pricing snapshot; amounts are decimal strings in the order's currency. */
export interface OrderPricingRow {
  order_id: string;
  shipping_address: StoredAddress | null;
  shipping_lines: { handle: string; title: string; price: string; discountedPrice: string; tax: string }[];
  tax_lines: { title: string; rate: string; amount: string }[];
  discount_applications: { title: string; code: string | null; kind: DiscountKind; value: string; amount: string }[];
  total_shipping: string;
  total_tax: string;
  total_discounts: string;
  taxes_included: boolean;
}

/** The snapshot's columns as the loader answers them (amounts as text, exact): checkout's insert returns the same. */
export const orderPricingColumns = sql`order_id, shipping_address, shipping_lines, tax_lines, discount_applications,
  total_shipping::text as total_shipping, total_tax::text as total_tax,
  total_discounts::text as total_discounts, taxes_included`;

declare module '../../../src/sdk' {
  interface Loaders {
    orderPricing: DataLoader<string, OrderPricingRow | null>;
  }
}

/** Orders' pricing snapshots by order id; one statement per batch. */
export function createOrderPricingLoaders({ db, guardBatch }: LoaderContext) {
  return {
    orderPricing: new DataLoader<string, OrderPricingRow | null>(
      guardBatch(async (ids) => {
        const { rows } = await sql<OrderPricingRow>`
          select ${orderPricingColumns}
            from order_pricing where tenant_id = ${db.tenantId} and order_id = any(${sql.val([...ids])}::bigint[])`.execute(
          await db.get<unknown>(),
        );
        return ids.map((id) => rows.find((r) => r.order_id === id) ?? null);
      }),
    ),
  };
}
