import type { UserErrorCode } from '../../src/sdk';

/** Codes this plugin adds to the schema's UserErrorCode (schema/customers/accounts.graphql). */
export type AccountErrorCode =
  'TOO_SHORT' | 'PASSWORD_TOO_COMMON' | 'UNIDENTIFIED_CUSTOMER' | 'TOKEN_INVALID' | 'EMAIL_NOT_VERIFIED';

/** An expected failure, reported in a mutation payload's userErrors. */
export interface UserError {
  field: string[];
  code: UserErrorCode | AccountErrorCode;
  message: string;
}

export interface CustomerInput {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;
const LIMITS = { email: 254, firstName: 255, lastName: 255, phone: 32 } as const;

/** Field-level problems of a customer input; `creating` requires an email. */
export function customerInputErrors(input: CustomerInput, creating: boolean): UserError[] {
  const errors: UserError[] = [];
  const at = (name: string) => ['input', name];
  for (const [name, limit] of Object.entries(LIMITS)) {
    const value = input[name as keyof CustomerInput];
    if (value == null) continue;
    if (value.includes('\0')) errors.push({ field: at(name), code: 'INVALID', message: `${name} contains a NUL byte` });
    else if (value.length > limit) {
      errors.push({ field: at(name), code: 'TOO_LONG', message: `${name} is longer than ${limit} characters` });
    }
  }
  if (errors.length > 0) return errors;
  const email = input.email?.trim();
  if (email === '' || (creating && email == null)) {
    errors.push({ field: at('email'), code: 'BLANK', message: 'email is required' });
  } else if (email != null && !EMAIL.test(email)) {
    errors.push({ field: at('email'), code: 'INVALID', message: 'email is not a valid address' });
  }
  if (input.phone != null && input.phone !== '' && !PHONE.test(input.phone)) {
    errors.push({ field: at('phone'), code: 'INVALID', message: 'phone is not a valid number' });
  }
  return errors;
}

/** The stored form of a customer input (emails lower-cased, blanks as null). */
export function customerValues(input: CustomerInput) {
  const blankToNull = (v: string | null | undefined) => (v == null ? v : v.trim() || null);
  return {
    ...(input.email != null ? { email: input.email.trim().toLowerCase() } : {}),
    ...(input.firstName !== undefined ? { first_name: blankToNull(input.firstName) } : {}),
    ...(input.lastName !== undefined ? { last_name: blankToNull(input.lastName) } : {}),
    ...(input.phone !== undefined ? { phone: blankToNull(input.phone) } : {}),
  };
}
