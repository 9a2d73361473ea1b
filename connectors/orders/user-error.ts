/** An expected failure, reported in a mutation payload's userErrors. */
export interface UserError {
  field: string[];
  code: string;
  message: string;
}

export type OrderResult<T> = { order: T | null; userErrors: UserError[] };

export function failure<T>(field: string[], code: string, message: string): OrderResult<T> {
  return { order: null, userErrors: [{ field, code, message }] };
}
