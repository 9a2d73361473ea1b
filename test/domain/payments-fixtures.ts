import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { settleCancelledOrders } from '../../connectors/payments/settle-cancelled';
import { fixtureTenantsFor, type TestGateway } from '../kit/gateway';
import { cartWith, checkout, createVariant, type VariantFixture } from './orders-fixtures';

/** The retail plugins with payments, on fixture tenants with limits no suite reaches. */
export const PAYMENT_PLUGINS = ['core', 'catalog', 'inventory', 'customers', 'orders', 'carts', 'payments'];

/** `settings(tenantId)`: YAML appended to that tenant's file (e.g. its `settings.payments`). */
export function paymentTenants(settings: (tenant: string) => string = () => ''): string {
  const dir = fixtureTenantsFor(PAYMENT_PLUGINS);
  for (const file of readdirSync(dir)) {
    appendFileSync(
      join(dir, file),
      `\nlimits:\n  maxCost: 100000\n  rateBucketSize: 1000000\n  rateRestorePerSecond: 100000\n${settings(file.replace(/\.yaml$/, ''))}`,
    );
  }
  return dir;
}

export const ORDER_FIELDS = `id financialStatus fulfillmentStatus status
  totalPrice { amount currencyCode }
  transactions { kind status amount { amount currencyCode } gateway gatewayId }
  customer { numberOfOrders amountSpent { amount } }`;

export interface OrderData {
  id: string;
  financialStatus: string;
  fulfillmentStatus: string;
  status: string;
  totalPrice: { amount: string; currencyCode: string };
  transactions: {
    kind: string;
    status: string;
    amount: { amount: string; currencyCode: string };
    gateway: string;
    gatewayId: string | null;
  }[];
  customer: { numberOfOrders: number; amountSpent: { amount: string } } | null;
}

export interface PlacedOrder {
  variant: VariantFixture;
  orderId: string;
  email: string;
}

let n = 0;

/** An order placed through the storefront checkout: `quantity` units of a new variant. */
export async function placeOrder(
  t: TestGateway,
  tenant: string,
  quantity: number,
  price: string,
  stock = [10],
): Promise<PlacedOrder> {
  const variant = await createVariant(t, tenant, { price, stock });
  const email = `payer${++n}-${Date.now()}@example.com`;
  const cart = await cartWith(t, tenant, [{ merchandiseId: variant.variantGid, quantity }], email);
  const res = await checkout(t, tenant, cart.id, `payments-${n}-${Date.now()}`);
  const order = res.body.data!.checkoutComplete.order;
  if (!order) throw new Error(`checkout failed: ${JSON.stringify(res.body)}`);
  return { variant, orderId: order.id, email };
}

/** One run of the `payments-settle-cancellations` job's work for a tenant; the orders it settled. */
export function settleCancelled(t: TestGateway, tenant: string): Promise<number> {
  const runtime = t.gateway.runtime;
  return settleCancelledOrders(
    runtime,
    runtime.tenants().find((x) => x.id === tenant)!,
  );
}
