import type DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import { rowsByParent } from '../../src/sdk/db';
import type { TransactionRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    transactionsByOrder: DataLoader<string, TransactionRow[]>;
  }
}

/** One statement per batch of orders, oldest transaction first. */
export function createPaymentLoaders(ctx: LoaderContext) {
  return {
    transactionsByOrder: rowsByParent<TransactionRow>(ctx, 'payment_transactions', 'OrderTransaction', 'order_id', [
      'order_id',
      'id',
    ]),
  };
}
