import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's first recommended parameters (19 MiB, 2 passes, 1 lane). A hash made with other
 * parameters is replaced at the next successful sign-in (`needsRehash`), so raising them upgrades
 * every account over time.
 */
// The package's Algorithm is a const enum, which isolated modules cannot read: Argon2id is 2.
const ARGON2ID = 2 as Algorithm.Argon2id;
export const PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const CURRENT_PARAMETERS = `$argon2id$v=19$m=${PASSWORD_HASH_OPTIONS.memoryCost},t=${PASSWORD_HASH_OPTIONS.timeCost},p=${PASSWORD_HASH_OPTIONS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PARAMETERS);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash; without one (unknown email, no password set) it checks
 * against a decoy hash, so the answer takes as long as for a real account.
 */
export async function passwordMatches(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword(randomBytes(24).toString('base64url'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
