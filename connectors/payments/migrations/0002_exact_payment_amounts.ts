import type { Kysely } from 'kysely';
import { narrowAmounts, widenAmounts, type AmountColumn } from '../../../src/sdk/db/exact-amounts';

const AMOUNTS: AmountColumn[] = [['payment_transactions', 'amount', 'numeric(14,2)']];

/** Payment transactions (sales, captures, refunds) keep their amounts exactly, in the order currency's digits. */
export const up = (db: Kysely<unknown>): Promise<void> => widenAmounts(db, AMOUNTS);

/** Refused while a transaction has three decimals (a fils amount): going down never rounds money. */
export const down = (db: Kysely<unknown>): Promise<void> => narrowAmounts(db, AMOUNTS);
