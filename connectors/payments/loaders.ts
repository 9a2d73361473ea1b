import type DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import { rowsByParent } from '../../src/sdk/db';
import type { FulfillmentLineRow, FulfillmentRow, TransactionRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    transactionsByOrder: DataLoader<string, TransactionRow[]>;
    fulfillmentsByOrder: DataLoader<string, FulfillmentRow[]>;
    linesByFulfillment: DataLoader<string, FulfillmentLineRow[]>;
  }
}

/** One statement per batch of parents (orders, fulfillments), oldest row first. */
export function createPaymentLoaders(ctx: LoaderContext) {
  return {
    transactionsByOrder: rowsByParent<TransactionRow>(ctx, 'payment_transactions', 'OrderTransaction', 'order_id', [
      'order_id',
      'id',
    ]),
    fulfillmentsByOrder: rowsByParent<FulfillmentRow>(ctx, 'fulfillments', 'Fulfillment', 'order_id', [
      'order_id',
      'id',
    ]),
    linesByFulfillment: rowsByParent<FulfillmentLineRow>(
      ctx,
      'fulfillment_lines',
      'FulfillmentLineItem',
      'fulfillment_id',
      ['fulfillment_id', 'id'],
    ),
  };
}
