import type { UserError } from '../../src/sdk';
import type { AdminClient } from './admin-client';

/** A line to fulfil: Shopify's line item id and how many (all that remain when quantity is null). */
export interface FulfilLine {
  lineItemId: string;
  quantity: number | null;
}

export interface Tracking {
  number?: string | null;
  company?: string | null;
  url?: string | null;
}

export const FULFILLMENT_CREATE = `mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } } }`;

const FULFILLMENT_ORDERS = `query FulfillmentOrders($id: ID!) { node(id: $id) { ... on Order {
  fulfillmentOrders(first: 3) { nodes { id status
    lineItems(first: 50) { nodes { id remainingQuantity lineItem { id } } } } } } } }`;

interface FulfillmentOrder {
  id: string;
  status: string;
  lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[] };
}

const refuse = (field: string[], code: UserError['code'], message: string): UserError[] => [{ field, code, message }];

/**
 * The `fulfillmentCreate` input (fulfillments v2) for the lines of a Shopify order: reads the order's
 * open fulfillment orders and takes each line from those that still hold it. `lines` null: every
 * line, all that remains. Answers our userErrors (`field` under `lines`) when the order is cancelled
 * or fulfilled, a line is not the order's, or more is asked than remains.
 */
export async function fulfilmentInput(
  admin: AdminClient,
  orderId: string,
  lines: readonly FulfilLine[] | null,
  tracking: Tracking | null = null,
): Promise<{ fulfillment: Record<string, unknown> } | UserError[]> {
  const data = await admin.query<{ node: { fulfillmentOrders: { nodes: FulfillmentOrder[] } } | null }>(
    FULFILLMENT_ORDERS,
    { id: orderId },
  );
  if (!data.node) return refuse(['id'], 'NOT_FOUND', 'Order not found in Shopify');
  const open = data.node.fulfillmentOrders.nodes.filter((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS');
  const held = open.flatMap((fo) => fo.lineItems.nodes.map((li) => ({ fo: fo.id, ...li })));
  const wanted =
    lines ?? held.filter((h) => h.remainingQuantity > 0).map((h) => ({ lineItemId: h.lineItem.id, quantity: null }));
  if (wanted.length === 0) return refuse(['id'], 'ALREADY_COMPLETED', 'Nothing left to fulfil in Shopify');
  const byFo = new Map<string, { id: string; quantity: number }[]>();
  for (const [i, w] of wanted.entries()) {
    let left =
      w.quantity ?? held.filter((h) => h.lineItem.id === w.lineItemId).reduce((n, h) => n + h.remainingQuantity, 0);
    const holders = held.filter((h) => h.lineItem.id === w.lineItemId && h.remainingQuantity > 0);
    if (holders.length === 0 || left < 1) {
      return refuse(['lines', String(i)], 'NOT_FOUND', 'No open quantity of this line in Shopify');
    }
    for (const h of holders) {
      const take = Math.min(left, h.remainingQuantity);
      if (take > 0) byFo.set(h.fo, [...(byFo.get(h.fo) ?? []), { id: h.id, quantity: take }]);
      left -= take;
    }
    if (left > 0) return refuse(['lines', String(i), 'quantity'], 'NOT_ENOUGH_STOCK', 'More than remains to fulfil');
  }
  return {
    fulfillment: {
      lineItemsByFulfillmentOrder: [...byFo].map(([fulfillmentOrderId, items]) => ({
        fulfillmentOrderId,
        fulfillmentOrderLineItems: items,
      })),
      trackingInfo: tracking ?? undefined,
      notifyCustomer: false,
    },
  };
}

/**
 * Fulfils lines of a Shopify order in Shopify: our userErrors, or Shopify's fulfilment id. For a
 * caller that owns its own write intent (see write-fulfil.ts for the `orderFulfill` write-through).
 */
export async function fulfilInShopify(
  admin: AdminClient,
  orderId: string,
  lines: readonly FulfilLine[] | null,
  tracking: Tracking | null = null,
): Promise<{ fulfillmentId: string } | { userErrors: UserError[] }> {
  const input = await fulfilmentInput(admin, orderId, lines, tracking);
  if (Array.isArray(input)) return { userErrors: input };
  const data = await admin.query<{
    fulfillmentCreate: { fulfillment: { id: string } | null; userErrors: { field?: string[]; message: string }[] };
  }>(FULFILLMENT_CREATE, input);
  const { fulfillment, userErrors } = data.fulfillmentCreate;
  if (userErrors.length > 0 || !fulfillment) {
    return {
      userErrors: userErrors.map((e) => ({ field: ['id'], code: 'INVALID', message: `Shopify: ${e.message}` })),
    };
  }
  return { fulfillmentId: fulfillment.id };
}
