import type { Kysely } from 'kysely';
import { narrowAmounts, widenAmounts, type AmountColumn } from '../../../src/sdk/db/exact-amounts';

/** Prices and the product's price range: two decimals, too few for KWD and other three-decimal currencies. */
const PRICES: AmountColumn[] = [
  ['product_variants', 'price', 'numeric(12,2)'],
  ['product_variants', 'compare_at_price', 'numeric(12,2)'],
  ['products', 'min_price', 'numeric(12,2)'],
  ['products', 'max_price', 'numeric(12,2)'],
];

/** Prices are kept exactly, in the digits of the shop's currency (the catalog's writes check them). */
export const up = (db: Kysely<unknown>): Promise<void> => widenAmounts(db, PRICES);

/** Refused while a price has three decimals: going down never rounds a price. */
export const down = (db: Kysely<unknown>): Promise<void> => narrowAmounts(db, PRICES);
