import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import type { TenantFile } from '../config/tenant-schema';
import { localKeySet, remoteKeySet, type KeySet } from '../sdk/key-sets';

/** The key material a tenant's requests are verified against, read from the variables and files it names. */
export interface TenantKeys {
  storefrontTokenHashes: ReadonlySet<string>;
  /** HS256 secret, read from the variable the file names. */
  jwtSecret: Uint8Array | null;
  /** RS256/ES256 public keys, from the JWKS file or URL. */
  jwks: KeySet | null;
  /** The clock tokens are checked against (Date.now; tests drive their own). */
  now: () => number;
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

const MIN_SECRET_LENGTH = 32;

/** A JWKS file of public keys only: a private key member (`d`, `p`, `q`, `k`...) is refused. */
function readJwksFile(path: string): KeySet {
  const jwks = JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet;
  if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) throw new Error('holds no "keys"');
  if (jwks.keys.some((k) => ['d', 'p', 'q', 'k'].some((member) => member in k))) {
    throw new Error('holds private or symmetric key material; publish public keys only');
  }
  return localKeySet(jwks);
}

/** Reads the tenant's keys; returns `path: message` problems when a variable or key file is missing. */
export function readCredentials(
  config: TenantFile,
  file: string,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): TenantKeys | string[] {
  const problems: string[] = [];
  const variable = (field: string, name: string | undefined) => {
    if (name && !env[name]) problems.push(`${field}: environment variable ${name} is not set`);
    return name ? env[name] : undefined;
  };
  const storefrontToken = variable('storefront.tokenEnv', config.storefront.tokenEnv);
  const secret = variable('admin.hs256SecretEnv', config.admin?.hs256SecretEnv);
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    problems.push(
      `admin.hs256SecretEnv: ${config.admin?.hs256SecretEnv} must hold at least ${MIN_SECRET_LENGTH} characters`,
    );
  }
  let jwks: KeySet | null = null;
  if (config.admin?.jwksFile) {
    try {
      jwks = readJwksFile(resolve(dirname(file), config.admin.jwksFile));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      problems.push(`admin.jwksFile: ${config.admin.jwksFile}: ${reason}`);
    }
  } else if (config.admin?.jwksUrl) {
    jwks = remoteKeySet(new URL(config.admin.jwksUrl), now);
  }
  if (problems.length) return problems;
  const hashes = new Set(config.storefront.tokenHashes);
  if (storefrontToken) hashes.add(sha256Hex(storefrontToken));
  return {
    storefrontTokenHashes: hashes,
    jwtSecret: secret ? new TextEncoder().encode(secret) : null,
    jwks,
    now,
  };
}
