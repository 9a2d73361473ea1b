import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { TenantFile } from '../config/tenant-schema';

/** The key material a tenant's requests are verified against, read from the variables and files it names. */
export interface TenantKeys {
  storefrontTokenHashes: ReadonlySet<string>;
  /** HS256 secret, read from the variable the file names. */
  jwtSecret: Uint8Array | null;
  /** RS256/ES256 public keys, from the JWKS file or URL. */
  jwks: JWTVerifyGetKey | null;
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

const MIN_SECRET_LENGTH = 32;

/** A JWKS file of public keys only: a private key member (`d`, `p`, `q`, `k`...) is refused. */
function readJwksFile(path: string): JWTVerifyGetKey {
  const jwks = JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet;
  if (!Array.isArray(jwks?.keys) || jwks.keys.length === 0) throw new Error('holds no "keys"');
  if (jwks.keys.some((k) => ['d', 'p', 'q', 'k'].some((member) => member in k))) {
    throw new Error('holds private or symmetric key material; publish public keys only');
  }
  return createLocalJWKSet(jwks);
}

/** Reads the tenant's keys; returns `path: message` problems when a variable or key file is missing. */
export function readCredentials(config: TenantFile, file: string, env: NodeJS.ProcessEnv): TenantKeys | string[] {
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
  let jwks: JWTVerifyGetKey | null = null;
  if (config.admin?.jwksFile) {
    try {
      jwks = readJwksFile(resolve(dirname(file), config.admin.jwksFile));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      problems.push(`admin.jwksFile: ${config.admin.jwksFile}: ${reason}`);
    }
  } else if (config.admin?.jwksUrl) {
    // Fetched on first use and cached; a key rotation is picked up when an unknown `kid` arrives.
    jwks = createRemoteJWKSet(new URL(config.admin.jwksUrl), {
      timeoutDuration: 3000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }
  if (problems.length) return problems;
  const hashes = new Set(config.storefront.tokenHashes);
  if (storefrontToken) hashes.add(sha256Hex(storefrontToken));
  return {
    storefrontTokenHashes: hashes,
    jwtSecret: secret ? new TextEncoder().encode(secret) : null,
    jwks,
  };
}
