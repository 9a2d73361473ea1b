import type { UserErrorCode } from '../../src/sdk';
import type { RejectCode } from './lifecycle';

/** An expected failure of a payment, refund or fulfilment write, reported in the payload's userErrors. */
export interface UserError {
  field: string[];
  code:
    | UserErrorCode
    | RejectCode
    | 'ALREADY_FULFILLED'
    | 'PAYMENT_DECLINED'
    | 'PAYMENT_REQUIRES_ACTION'
    | 'PROVIDER_UNAVAILABLE';
  message: string;
}

export type WriteResult<K extends string, T> = { [key in K]: T | null } & { userErrors: UserError[] };

export const userError = (field: string[], code: UserError['code'], message: string): UserError => ({
  field,
  code,
  message,
});
