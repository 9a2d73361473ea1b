import type { Kysely } from 'kysely';
import { narrowAmounts, widenAmounts, type AmountColumn } from '../../../src/sdk/db/exact-amounts';

const AMOUNTS: AmountColumn[] = [['customers', 'amount_spent', 'numeric(14,2)']];

/** A customer's amount spent is kept exactly, in the digits of the orders' currency. */
export const up = (db: Kysely<unknown>): Promise<void> => widenAmounts(db, AMOUNTS);

/** Refused while an amount spent has three decimals: going down never rounds money. */
export const down = (db: Kysely<unknown>): Promise<void> => narrowAmounts(db, AMOUNTS);
