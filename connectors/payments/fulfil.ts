import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { TenantDb } from '../../src/sdk';
import { commitEvent } from './commit-event';
import { applyEvent, type LineQuantity, type OrderState } from './lifecycle';
import { loadOrderForUpdate } from './order-state';
import { orderRow } from './order-row';
import { lockLevels, returnUnits, shipUnits, StockRefusal, variantsOfLines } from './stock';
import type { FulfillmentRow, PaymentTables } from './tables';
import { userError, type UserError } from './user-error';

export interface FulfillmentInput {
  orderId: string;
  /** Null or empty: everything the order still owes. Unknown ids arrive as null (NOT_FOUND). */
  lines: readonly { lineItemId: string | null; quantity: number }[] | null;
  /** Null when the given id named no location. */
  locationId: string | null;
  tracking: { number?: string | null; url?: string | null; company?: string | null } | null;
  idempotencyKey: string | null;
}

export interface FulfillmentWrite {
  fulfillment: FulfillmentRow | null;
  order: Record<string, unknown> | null;
  userErrors: UserError[];
}

const refused = (field: string[], code: UserError['code'], message: string): FulfillmentWrite => ({
  fulfillment: null,
  order: null,
  userErrors: [userError(field, code, message)],
});

const owed = (state: OrderState) =>
  state.lines.flatMap((l, line) => {
    const quantity = l.ordered - l.refunded - l.fulfilled;
    return quantity > 0 ? [{ line, quantity }] : [];
  });

/**
 * Ships units of an order from one location, under the order lock: never more of a line than was ordered
 * minus refunded minus already shipped (the state machine decides, line by line, so the refusal names
 * the line). The units leave the order's reservation at that location (stock.ts). Without lines, ships
 * everything the order still owes. The order's fulfilment status follows; an order now fully shipped
 * emits ORDERS_FULFILLED. A retry with the same idempotency key answers the fulfilment it made.
 */
export async function createFulfillment(db: TenantDb, input: FulfillmentInput): Promise<FulfillmentWrite> {
  // Keys are the order's: a retry for this order finds its fulfilment; another order's key is another key.
  const key = `fulfil:${input.orderId}:${input.idempotencyKey ?? randomUUID()}`;
  try {
    return await db.atomic<PaymentTables, FulfillmentWrite>(async (trx) => {
      const order = await loadOrderForUpdate(trx, db.tenantId, input.orderId);
      if (!order) return refused(['orderId'], 'NOT_FOUND', 'Order not found');
      const prior = await trx
        .selectFrom('fulfillments')
        .selectAll()
        .where('tenant_id', '=', db.tenantId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      if (prior) return { fulfillment: prior, order: await orderRow(trx, db.tenantId, order.row.id), userErrors: [] };
      const location = input.locationId
        ? await sql`select 1 from locations where tenant_id = ${db.tenantId} and id = ${input.locationId}`.execute(trx)
        : { rows: [] };
      if (location.rows.length === 0) return refused(['locationId'], 'NOT_FOUND', 'Location not found');
      let moves: LineQuantity[];
      if (input.lines && input.lines.length > 0) {
        moves = [];
        for (const [i, l] of input.lines.entries()) {
          const line = l.lineItemId === null ? -1 : order.lineIds.indexOf(l.lineItemId);
          if (line < 0) return refused(['lines', String(i), 'lineItemId'], 'NOT_FOUND', 'Line item not found');
          moves.push({ line, quantity: l.quantity });
        }
      } else {
        moves = owed(order.state);
        if (moves.length === 0 && !order.state.cancelled) {
          return refused(['orderId'], 'ALREADY_FULFILLED', 'The order has nothing left to fulfil');
        }
      }
      // Line by line, so that a refusal names the line that asked for too much.
      let state = order.state;
      for (const [i, move] of moves.entries()) {
        const step = applyEvent(state, { kind: 'fulfil', lines: [move] });
        if (!step.ok) {
          const field = step.code === 'ALREADY_CANCELLED' ? ['orderId'] : ['lines', String(i), 'quantity'];
          return refused(field, step.code, step.message);
        }
        state = step.state;
      }
      const outcome = await commitEvent(
        trx,
        order,
        { kind: 'fulfil', lines: moves },
        { gateway: 'manual', gatewayId: null, idempotencyKey: key },
      );
      if (!outcome.ok) return refused(['orderId'], outcome.code, outcome.message);
      const fulfillment = await trx
        .insertInto('fulfillments')
        .values({
          tenant_id: db.tenantId,
          order_id: order.row.id,
          status: 'SUCCESS',
          location_id: input.locationId,
          tracking_number: input.tracking?.number ?? null,
          tracking_url: input.tracking?.url ?? null,
          tracking_company: input.tracking?.company ?? null,
          idempotency_key: key,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const variants = await variantsOfLines(trx, db.tenantId, order.row.id, order.lineIds);
      await lockLevels(trx, db.tenantId, [...new Set(moves.flatMap((m) => variants[m.line] ?? []))].sort());
      for (const [i, move] of moves.entries()) {
        await trx
          .insertInto('fulfillment_lines')
          .values({
            tenant_id: db.tenantId,
            fulfillment_id: fulfillment.id,
            line_item_id: order.lineIds[move.line],
            quantity: move.quantity,
          })
          .execute();
        const variant = variants[move.line];
        if (variant) {
          const field = input.lines?.length ? ['lines', String(i), 'quantity'] : ['locationId'];
          await shipUnits(trx, db.tenantId, order.row.id, variant, input.locationId!, move.quantity, field);
        }
      }
      return { fulfillment, order: await orderRow(trx, db.tenantId, order.row.id), userErrors: [] };
    });
  } catch (error) {
    if (error instanceof StockRefusal) return refused(error.field, 'NOT_ENOUGH_STOCK', error.message);
    throw error;
  }
}

/**
 * Cancels a shipment: its units are owed to the buyer again and reserved again at the location they
 * left from (units refunded meanwhile return to available stock). Cancelled twice: ALREADY_CANCELLED.
 */
export async function cancelFulfillment(db: TenantDb, id: string): Promise<FulfillmentWrite> {
  return db.atomic<PaymentTables, FulfillmentWrite>(async (trx) => {
    const found = await trx
      .selectFrom('fulfillments')
      .select('order_id')
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!found) return refused(['id'], 'NOT_FOUND', 'Fulfillment not found');
    const order = (await loadOrderForUpdate(trx, db.tenantId, found.order_id))!;
    // Read again under the order lock: a concurrent cancel of this fulfilment has committed by now.
    const fulfillment = await trx
      .selectFrom('fulfillments')
      .selectAll()
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (fulfillment.status === 'CANCELLED') return refused(['id'], 'ALREADY_CANCELLED', 'The fulfillment is cancelled');
    const { rows } = await sql<{ line_item_id: string; quantity: number }>`
      select line_item_id::text, sum(quantity)::int quantity from fulfillment_lines
       where tenant_id = ${db.tenantId} and fulfillment_id = ${id} group by line_item_id order by line_item_id`.execute(
      trx,
    );
    const moves = rows.map((r) => ({ line: order.lineIds.indexOf(r.line_item_id), quantity: r.quantity }));
    const outcome = await commitEvent(
      trx,
      order,
      { kind: 'cancelFulfillment', lines: moves },
      { gateway: 'manual', gatewayId: null, idempotencyKey: `fulfillment-cancel:${id}` },
    );
    if (!outcome.ok) return refused(['id'], outcome.code, outcome.message);
    const cancelled = await trx
      .updateTable('fulfillments')
      .set({ status: 'CANCELLED', cancelled_at: sql<Date>`now()` })
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (fulfillment.location_id) {
      const variants = await variantsOfLines(trx, db.tenantId, order.row.id, order.lineIds);
      await lockLevels(trx, db.tenantId, [...new Set(moves.flatMap((m) => variants[m.line] ?? []))].sort());
      for (const move of moves) {
        const variant = variants[move.line];
        if (!variant) continue;
        const before = order.state.lines[move.line];
        const after = outcome.state.lines[move.line];
        const unshipped = (l: typeof before) => Math.max(0, l.ordered - l.refunded - l.fulfilled);
        const reserve = unshipped(after) - unshipped(before);
        await returnUnits(trx, db.tenantId, order.row.id, variant, fulfillment.location_id, move.quantity, reserve);
      }
    }
    return { fulfillment: cancelled, order: await orderRow(trx, db.tenantId, order.row.id), userErrors: [] };
  });
}
