import { ConfigError } from './env';

/**
 * What production refuses as a secret (docs/deployment.md). An estimate that catches placeholders,
 * copied examples, short values and repetitive ones; it cannot tell a random string from a passphrase.
 */
export const MIN_SECRET_LENGTH = 32;
/** Shannon entropy of the value's characters times its length: 32 random hex digits measure 86 or more. */
export const MIN_SECRET_ENTROPY_BITS = 80;
export const PLACEHOLDER_PREFIX = 'change-me';

/**
 * Values that appeared as examples in this repository's docs and deployment files (the compose file's
 * former defaults among them): anyone may have copied them. test/tenancy/secret-strength.test.ts checks
 * that every example value in those files is refused.
 */
export const DOCUMENTED_EXAMPLES: readonly string[] = [
  'change-me-demo-storefront-token',
  'change-me-demo-jwt-secret-0123456789abcdef',
  'change-me-acme-storefront-token',
  'change-me-acme-jwt-secret-0123456789abcdef',
];

export function entropyBits(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...value].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / length) * Math.log2(count / length);
  return perChar * length;
}

/** Why a value is too weak to be a production secret, or null when it passes. Never repeats the value. */
export function secretWeakness(value: string): string | null {
  if (DOCUMENTED_EXAMPLES.includes(value)) return 'is an example value from the documentation';
  if (value.toLowerCase().startsWith(PLACEHOLDER_PREFIX))
    return `is a placeholder (starts with "${PLACEHOLDER_PREFIX}")`;
  if (value.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (entropyBits(value) < MIN_SECRET_ENTROPY_BITS) {
    return `has too little entropy (under ${MIN_SECRET_ENTROPY_BITS} bits; use e.g. openssl rand -hex 32)`;
  }
  return null;
}

/** `NAME: why` for each set variable among `names` whose value is too weak. */
export function weakSecrets(names: readonly string[], env: NodeJS.ProcessEnv): string[] {
  return names.flatMap((name) => {
    const value = env[name];
    const why = value ? secretWeakness(value) : null;
    return why ? [`${name} ${why}`] : [];
  });
}

/**
 * Production start-up: every secret the tenant files name (and the operator's) must be strong. A weak
 * one is an operator error, not one tenant's: the process stops, naming each variable.
 */
export function refuseWeakSecrets(names: readonly string[], env: NodeJS.ProcessEnv): void {
  const weak = weakSecrets(names, env);
  if (weak.length) throw new ConfigError(`Weak secrets, refused in production:\n  ${weak.join('\n  ')}`);
}
