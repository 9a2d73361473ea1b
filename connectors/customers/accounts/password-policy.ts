import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../src/sdk';
import type { UserError } from '../validation';

export const PASSWORD_MIN_LENGTH = 8;
/** Longer inputs are refused before hashing: the work of a hash must not be the caller's to choose. */
export const PASSWORD_MAX_LENGTH = 256;

let common: ReadonlySet<string> | undefined;

/** The list shipped beside this module (common-passwords.txt), read once. */
function commonPasswords(): ReadonlySet<string> {
  const file = join(projectRoot(), 'connectors', 'customers', 'accounts', 'common-passwords.txt');
  common ??= new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** Problems of a new password: too short, too long, or among the commonest breached ones. */
export function passwordErrors(password: string | null | undefined, field: string[]): UserError[] {
  if (password == null || password.length < PASSWORD_MIN_LENGTH) {
    return [{ field, code: 'TOO_SHORT', message: `password must have at least ${PASSWORD_MIN_LENGTH} characters` }];
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [{ field, code: 'TOO_LONG', message: `password must have at most ${PASSWORD_MAX_LENGTH} characters` }];
  }
  if (commonPasswords().has(password.toLowerCase())) {
    return [
      { field, code: 'PASSWORD_TOO_COMMON', message: 'This password is among the most common ones; choose another' },
    ];
  }
  return [];
}
