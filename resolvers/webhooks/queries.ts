import type { Kysely } from 'kysely';
import { connectionOf, encodeCursor, encodeGlobalId, localIdOf, pageOf, type GatewayContext } from '../../src/sdk';
import { listDeliveries } from '../../connectors/webhooks/deliveries';
import { listSubscriptions } from '../../connectors/webhooks/subscriptions';
import type { DeliveryRow, DeliveryStatus, SubscriptionRow, WebhookTables } from '../../connectors/webhooks/tables';
import { cursorId } from './args';

interface ListArgs {
  first?: number | null;
  after?: string | null;
}

const byId = (row: { id: string }) => encodeCursor([row.id]);

export const webhookQueries = {
  webhookSubscriptions: async (_: unknown, args: ListArgs & { topic?: string | null }, ctx: GatewayContext) => {
    const page = pageOf({ first: args.first, after: args.after });
    const conn = await ctx.db.get<WebhookTables>();
    const rows = await listSubscriptions(conn, ctx.db.tenantId, page.size, cursorId(page.cursor), args.topic);
    return connectionOf(rows, page, byId);
  },
  webhookDeliveries: async (
    _: unknown,
    args: ListArgs & { subscriptionId: string; status?: DeliveryStatus | null },
    ctx: GatewayContext,
  ) => {
    const page = pageOf({ first: args.first, after: args.after });
    const subscriptionId = localIdOf(args.subscriptionId, 'WebhookSubscription');
    if (!subscriptionId) return connectionOf([] as DeliveryRow[], page, byId);
    const conn: Kysely<WebhookTables> = await ctx.db.get<WebhookTables>();
    const rows = await listDeliveries(
      conn,
      ctx.db.tenantId,
      subscriptionId,
      page.size,
      cursorId(page.cursor),
      args.status,
    );
    return connectionOf(rows, page, byId);
  },
};

export const subscriptionFields = {
  id: (row: SubscriptionRow) => encodeGlobalId('WebhookSubscription', row.id),
  callbackUrl: (row: SubscriptionRow) => row.callback_url,
  failingSince: (row: SubscriptionRow) => row.failing_since,
  createdAt: (row: SubscriptionRow) => row.created_at,
  updatedAt: (row: SubscriptionRow) => row.updated_at,
};

export const deliveryFields = {
  id: (row: DeliveryRow) => encodeGlobalId('WebhookDelivery', row.id),
  eventId: (row: DeliveryRow) => row.event_id,
  responseCode: (row: DeliveryRow) => row.response_code,
  lastError: (row: DeliveryRow) => row.last_error,
  nextAttemptAt: (row: DeliveryRow) =>
    row.status === 'PENDING' || row.status === 'RETRYING' ? row.next_attempt_at : null,
  deliveredAt: (row: DeliveryRow) => row.delivered_at,
  createdAt: (row: DeliveryRow) => row.created_at,
};
