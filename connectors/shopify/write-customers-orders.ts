import type { WriteThroughCall } from '../../src/sdk';
import type { AdminClient } from './admin-client';
import { FULFILLMENT_CREATE, fulfilmentInput } from './fulfil';
import { toCustomer, toOrder } from './map-graphql';
import { CUSTOMER_FIELDS, LINE_ITEM_FIELDS, ORDER_FIELDS } from './resource-fields';
import type { ShopifyTrx } from './tables';
import { upsertOrders } from './upsert-orders';
import { upsertCustomers } from './upsert-customers';
import type { ShopifyWrite } from './write-through';
import { renamed } from './write-user-errors';

type Input = Record<string, unknown>;

const given = (entries: Input): Input =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null));

export function customerUpdate(call: WriteThroughCall): ShopifyWrite {
  const input = call.change.args.input as Input;
  return {
    document: `mutation CustomerUpdate($input: CustomerInput!) {
      customerUpdate(input: $input) { customer { ${CUSTOMER_FIELDS} } userErrors { field message } } }`,
    variables: {
      input: given({
        id: call.externalId,
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone,
      }),
    },
    root: 'customerUpdate',
    // Shopify names customer fields with or without the `input` root.
    field: (path) => (path[0] === 'input' ? renamed('input')(path) : ['input', ...path]),
    async apply(trx, tenantId, payload) {
      await upsertCustomers(trx, tenantId, [toCustomer(payload.customer as Input)]);
    },
  };
}

/** Shopify's order as it is now (a cancellation runs as a job there), written over ours. */
async function refreshOrder(trx: ShopifyTrx, tenantId: string, admin: AdminClient, orderId: string) {
  const data = await admin.query<{ node: Input | null }>(
    `query Order($id: ID!) { node(id: $id) { ... on Order { ${ORDER_FIELDS}
      subtotalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 30) { nodes { ${LINE_ITEM_FIELDS} discountedTotalSet { shopMoney { amount currencyCode } } } } } } }`,
    { id: orderId },
  );
  if (data.node) await upsertOrders(trx, tenantId, [toOrder(data.node)]);
}

export function orderCancel(call: WriteThroughCall): ShopifyWrite {
  const args = call.change.args as { reason?: string | null; restock?: boolean | null };
  return {
    document: `mutation OrderCancel($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, $restock: Boolean!) {
      orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock) {
        job { id } orderCancelUserErrors { field message code } } }`,
    variables: {
      orderId: call.externalId,
      reason: args.reason ?? 'OTHER',
      refund: false,
      restock: args.restock ?? false,
    },
    root: 'orderCancel',
    userErrorsKey: 'orderCancelUserErrors',
    field: (path) => (path[0] === 'orderId' ? ['id'] : path[0] === 'reason' ? ['reason'] : undefined),
    apply: (trx, tenantId, _payload, admin) => refreshOrder(trx, tenantId, admin, call.externalId),
  };
}

/** `orderFulfill`: every open line of the order, all that remains, fulfilled in Shopify (fulfil.ts). */
export function orderFulfill(call: WriteThroughCall): ShopifyWrite {
  return {
    document: FULFILLMENT_CREATE,
    variables: (admin) => fulfilmentInput(admin, call.externalId, null),
    root: 'fulfillmentCreate',
    field: () => ['id'],
    apply: (trx, tenantId, _payload, admin) => refreshOrder(trx, tenantId, admin, call.externalId),
  };
}
