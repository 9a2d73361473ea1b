import { fitsCurrency, formatMinor, toMinor as exactMinor } from '../../src/sdk';

/**
 * Exact money for payments: amounts travel as decimal strings (numeric columns) and the ledger counts
 * integer minor units at the currency's ISO 4217 exponent (the one table, in the SDK's money). The
 * ledger's integers are JavaScript safe integers, exact to 2^53 minor units; larger amounts are refused.
 */
const LIMIT = BigInt(Number.MAX_SAFE_INTEGER);

/** `"12.50"` in EUR is 1250. Digits beyond the exponent must be zero (a JPY "500.00" is 500). */
export function toMinor(amount: string, currency: string): number | null {
  if (!fitsCurrency(amount, currency)) return null;
  const minor = exactMinor(amount, currency);
  if (minor > LIMIT || minor < -LIMIT) return null;
  return Number(minor); // a safe integer: exact
}

/** 1250 in EUR is `"12.50"`. */
export function fromMinor(minor: number, currency: string): string {
  return formatMinor(BigInt(minor), currency);
}
