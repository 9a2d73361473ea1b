import type { Kysely } from 'kysely';
import { narrowAmounts, widenAmounts, type AmountColumn } from '../../../src/sdk/db/exact-amounts';

const AMOUNTS: AmountColumn[] = [['payments', 'amount', 'numeric(14,2)']];

/** Payments (sales, captures, refunds) keep their amounts exactly, in the order currency's digits. */
export const up = (db: Kysely<unknown>): Promise<void> => widenAmounts(db, AMOUNTS);

/** Refused while a payment has three decimals (a fils amount): going down never rounds money. */
export const down = (db: Kysely<unknown>): Promise<void> => narrowAmounts(db, AMOUNTS);
