import { encodeGlobalId, localIdOf, writeElsewhere, type GatewayContext } from '../../src/sdk';
import { cancelFulfillment, createFulfillment } from '../../connectors/payments/fulfil';
import type { FulfillmentLineRow, FulfillmentRow } from '../../connectors/payments/tables';
import { userError, type UserError } from '../../connectors/payments/user-error';
import type {
  MutationFulfillmentCancelArgs,
  MutationFulfillmentCreateArgs,
  ResolversParentTypes,
} from '../generated/resolvers-types';

const MAX_TRACKING = 255;

type Tracking = { number: string | null; url: string | null; company: string | null };

/** The tracking input as text (the URL scalar parses to a URL object). */
function trackingOf(input: MutationFulfillmentCreateArgs['tracking']): Tracking | null {
  if (!input) return null;
  const text = (value: string | URL | null | undefined) => (value == null ? null : value.toString());
  return { number: text(input.number), url: text(input.url), company: text(input.company) };
}

function trackingErrors(tracking: Tracking | null): UserError[] {
  return (['number', 'url', 'company'] as const).flatMap((key) => {
    const value = tracking?.[key];
    return value != null && value.length > MAX_TRACKING
      ? [userError(['tracking', key], 'TOO_LONG', `The tracking ${key} is too long`)]
      : [];
  });
}

/** Order.fulfillments and each fulfilment's lines through one loader per list level. */
export const fulfillmentResolvers = {
  Order: {
    fulfillments: (order: { id: string }, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.fulfillmentsByOrder.load(order.id),
    displayFulfillmentStatus: (order: { fulfillment_status: string }) => order.fulfillment_status,
  },
  Fulfillment: {
    id: (row: FulfillmentRow) => encodeGlobalId('Fulfillment', row.id),
    location: (row: FulfillmentRow, _: unknown, ctx: GatewayContext) =>
      row.location_id ? ctx.loadNodeOf<ResolversParentTypes['Location']>('Location', row.location_id) : null,
    trackingInfo: (row: FulfillmentRow) => ({
      number: row.tracking_number,
      url: row.tracking_url,
      company: row.tracking_company,
    }),
    fulfillmentLineItems: (row: FulfillmentRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.linesByFulfillment.load(row.id),
    createdAt: (row: FulfillmentRow) => row.created_at,
    cancelledAt: (row: FulfillmentRow) => row.cancelled_at,
  },
  FulfillmentLineItem: {
    id: (row: FulfillmentLineRow) => encodeGlobalId('FulfillmentLineItem', row.id),
    lineItemId: (row: FulfillmentLineRow) => encodeGlobalId('LineItem', row.line_item_id),
  },
  Mutation: {
    fulfillmentCreate: async (_: unknown, args: MutationFulfillmentCreateArgs, ctx: GatewayContext) => {
      const orderId = localIdOf(args.orderId, 'Order');
      if (!orderId)
        return { fulfillment: null, order: null, userErrors: [userError(['orderId'], 'NOT_FOUND', 'Order not found')] };
      const tracking = trackingOf(args.tracking);
      const tooLong = trackingErrors(tracking);
      if (tooLong.length > 0) return { fulfillment: null, order: null, userErrors: tooLong };
      ctx.loaders.orderById.clear(orderId);
      // An order of a system of record (Shopify) ships there: refused here, or written through `orderFulfill`'s way.
      const change = { kind: 'Order' as const, id: orderId, mutation: 'fulfillmentCreate', args, field: ['orderId'] };
      const managed = await writeElsewhere(ctx, change, (id) => ctx.loaders.orderById.clear(id).load(id));
      if (managed) return { fulfillment: null, order: managed.value, userErrors: managed.userErrors };
      return createFulfillment(ctx.db, {
        orderId,
        lines:
          args.lines?.map((l) => ({ lineItemId: localIdOf(l.lineItemId, 'LineItem'), quantity: l.quantity })) ?? null,
        locationId: localIdOf(args.locationId, 'Location'),
        tracking,
        idempotencyKey: args.idempotencyKey ?? null,
      });
    },
    fulfillmentCancel: async (_: unknown, args: MutationFulfillmentCancelArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Fulfillment');
      if (!id)
        return {
          fulfillment: null,
          order: null,
          userErrors: [userError(['id'], 'NOT_FOUND', 'Fulfillment not found')],
        };
      return cancelFulfillment(ctx.db, id);
    },
  },
};
