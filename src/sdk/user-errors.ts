import type { Kysely } from 'kysely';
import type { TenantDb } from './context';

/** The codes of expected mutation failures (the UserErrorCode enum of the schema). */
export type UserErrorCode =
  | 'BLANK'
  | 'INVALID'
  | 'TOO_LONG'
  | 'TAKEN'
  | 'NOT_FOUND'
  | 'LESS_THAN_ZERO'
  | 'NOT_ENOUGH_STOCK'
  | 'ALREADY_COMPLETED'
  | 'NOT_ALLOWED'
  /** The record belongs to another system of record (a connected shop), which refused or owns the change. */
  | 'MANAGED_EXTERNALLY'
  /** A money amount has more decimals than the currency's minor unit (JPY 0, EUR 2, KWD 3). */
  | 'TOO_MANY_DECIMALS';

/** An expected failure of a mutation, reported in its payload's userErrors; `field` is the input path. */
export interface UserError {
  field: string[];
  code: UserErrorCode;
  message: string;
}

/** Thrown inside a mutation's writes to roll them back and report the errors as data. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/**
 * Runs a mutation's writes atomically (a savepoint of the request transaction): a thrown UserErrors,
 * or an error `expected` turns into userErrors, rolls the writes back and comes back as data; anything
 * else propagates as a system error. With `sole`, the writes are one statement that may commit by itself
 * (`TenantDb.sole`): `fn` then throws UserErrors only when its statement wrote nothing.
 */
export async function attemptWrites<DB, T>(
  db: TenantDb,
  fn: (trx: Kysely<DB>) => Promise<T>,
  expected?: (error: unknown) => UserError[] | null,
  mode: 'atomic' | 'sole' = 'atomic',
): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await (mode === 'sole' ? db.sole<DB, T>(fn) : db.atomic<DB, T>(fn)), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { value: null, userErrors: error.errors };
    const mapped = expected?.(error);
    if (mapped) return { value: null, userErrors: mapped };
    throw error;
  }
}
