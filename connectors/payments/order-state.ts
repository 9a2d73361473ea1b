import { sql, type Kysely } from 'kysely';
import type { LineState, OrderState } from './lifecycle';
import { toMinor } from './money';
import type { PaidOrderRow, PaymentTables } from './tables';

/** An order as the lifecycle sees it, with the line item ids behind its line indexes. */
export interface LoadedOrder {
  row: PaidOrderRow;
  state: OrderState;
  lineIds: string[];
}

/**
 * Locks the order (payments, refunds and fulfilments of one order queue here) and rebuilds its state:
 * money from its successful transactions, quantities from its lines. Null when absent or another tenant's.
 */
export async function loadOrderForUpdate(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  orderId: string,
): Promise<LoadedOrder | null> {
  const row = await trx
    .selectFrom('orders')
    .select([
      'id',
      'tenant_id',
      'customer_id',
      'status',
      'financial_status',
      'fulfillment_status',
      'currency_code',
      'total',
      'updated_at',
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  const { rows: sums } = await sql<{ kind: string; amount: string }>`
    select kind, sum(amount)::text amount from payment_transactions
     where tenant_id = ${tenantId} and order_id = ${orderId} and status = 'SUCCESS' group by kind`.execute(trx);
  const { rows: lines } = await sql<LineState & { id: string }>`
    select li.id::text id, li.quantity ordered,
           coalesce((select sum(fl.quantity) from fulfillment_lines fl join fulfillments f on f.id = fl.fulfillment_id
                      where fl.tenant_id = li.tenant_id and fl.line_item_id = li.id and f.status = 'SUCCESS'), 0)::int fulfilled,
           coalesce((select sum(rl.quantity) from refund_lines rl
                      where rl.tenant_id = li.tenant_id and rl.line_item_id = li.id), 0)::int refunded
      from order_line_items li where li.tenant_id = ${tenantId} and li.order_id = ${orderId} order by li.id`.execute(
    trx,
  );
  const minor = (kind: string) => toMinor(sums.find((s) => s.kind === kind)?.amount ?? '0', row.currency_code) ?? 0;
  const state: OrderState = {
    financial: row.financial_status,
    ledger: {
      total: toMinor(row.total, row.currency_code) ?? 0,
      authorized: minor('AUTHORIZATION') + minor('SALE'),
      captured: minor('CAPTURE') + minor('SALE'),
      refunded: minor('REFUND'),
    },
    // An order marked fulfilled as a whole (orderFulfill of the orders plugin, seeds) shipped every unit owed.
    lines: lines.map(({ ordered, fulfilled, refunded }) => ({
      ordered,
      fulfilled: row.fulfillment_status === 'FULFILLED' ? Math.max(fulfilled, ordered - refunded) : fulfilled,
      refunded,
    })),
    cancelled: row.status === 'CANCELLED',
  };
  return { row, state, lineIds: lines.map((l) => l.id) };
}
