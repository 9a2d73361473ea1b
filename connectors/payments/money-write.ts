import type { Kysely } from 'kysely';
import { ProviderError, type PaymentProvider, type PaymentProviders, type Tenant, type TenantDb } from '../../src/sdk';
import { commitEvent } from './commit-event';
import { transactionByKey } from './find-transaction';
import { applyEvent, type OrderEvent } from './lifecycle';
import { loadOrderForUpdate, type LoadedOrder } from './order-state';
import { orderRow } from './order-row';
import type { OrderWrite } from './mark-paid';
import { providerOf } from './provider-of';
import { sessionOfOrder } from './sessions';
import type { PaymentTables } from './tables';
import { userError } from './user-error';

/** What a money write needs of the request: its database session, its tenant, the graph's providers. */
export interface MoneyContext {
  db: TenantDb;
  tenant: Tenant;
  providers: PaymentProviders;
}

export interface MoneyStep {
  /** The event, built once the order is loaded and locked. */
  event: (order: LoadedOrder) => OrderEvent | string;
  /** The provider call; returns the provider's id of what it did. Null provider: recorded by hand. */
  call: (provider: PaymentProvider, paymentId: string, key: string, event: OrderEvent) => Promise<string | null>;
  after?: (trx: Kysely<PaymentTables>, transactionIds: string[], order: LoadedOrder) => Promise<void>;
}

/**
 * A capture or refund: under the order lock (concurrent writes of one order queue), checked by the
 * state machine before the provider is called, called with the idempotency key, then recorded. A retry
 * with the same key answers the order as it is. If the commit fails after the provider succeeded, the
 * next webhook or payment-session look reconciles (reconcile.ts) from the provider's state.
 */
export async function moneyWrite(
  { db, tenant, providers }: MoneyContext,
  orderId: string,
  key: string,
  step: MoneyStep,
): Promise<OrderWrite> {
  return db.atomic<PaymentTables, OrderWrite>(async (trx) => {
    const order = await loadOrderForUpdate(trx, db.tenantId, orderId);
    if (!order) return { order: null, userErrors: [userError(['id'], 'NOT_FOUND', 'Order not found')] };
    const prior = await transactionByKey(trx, db.tenantId, key);
    if (prior) {
      if (prior.order_id !== orderId)
        return {
          order: null,
          userErrors: [userError(['idempotencyKey'], 'TAKEN', 'The key was used for another order')],
        };
      return { order: await orderRow(trx, db.tenantId, orderId), userErrors: [] };
    }
    const event = step.event(order);
    if (typeof event === 'string') return { order: null, userErrors: [userError(['amount'], 'INVALID', event)] };
    const check = applyEvent(order.state, event);
    if (!check.ok) return { order: null, userErrors: [userError(['id'], check.code, check.message)] };
    const session = await sessionOfOrder(trx, db.tenantId, orderId);
    const provider = providerOf(providers, tenant, session);
    let gatewayId: string | null = null;
    if (provider && session) {
      try {
        gatewayId = await step.call(provider, session.gateway_id, key, event);
      } catch (error) {
        if (error instanceof ProviderError)
          return { order: null, userErrors: [userError(['id'], error.code, error.message)] };
        throw error;
      }
    }
    const done = await commitEvent(trx, order, event, {
      gateway: provider?.name ?? 'manual',
      gatewayId,
      idempotencyKey: key,
    });
    if (!done.ok) return { order: null, userErrors: [userError(['id'], done.code, done.message)] };
    await step.after?.(trx, done.transactionIds ?? [], order);
    return { order: await orderRow(trx, db.tenantId, orderId), userErrors: [] };
  });
}
