import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { GatewayError } from './errors';

/** How old a fetched JWKS may be before the next request verifying with it fetches it again. */
export const JWKS_MAX_AGE_MS = 60_000;
/**
 * While the JWKS URL does not answer, the last set fetched stays in force this long after its fetch: an
 * identity provider's brief outage does not lock a tenant's admins out, and a removal still takes hold
 * within JWKS_MAX_AGE_MS whenever the URL answers.
 */
export const JWKS_STALE_LIMIT_MS = 10 * 60_000;
/** A token naming an unknown `kid` fetches the JWKS again, at most this often. */
const JWKS_COOLDOWN_MS = 30_000;
const JWKS_TIMEOUT_MS = 3_000;

/**
 * A tenant's public keys (RS256/ES256). `current()` is the key set in force, a new object each time the
 * set is fetched: a remembered verification counts only under the set it was made with, so a key removed
 * from the JWKS stops its tokens as soon as the set without it is fetched.
 */
export interface KeySet {
  getKey: JWTVerifyGetKey;
  current(): Promise<JSONWebKeySet>;
}

/** Keys from a JWKS file: fixed until the tenant is reloaded. */
export function localKeySet(jwks: JSONWebKeySet): KeySet {
  const getKey = createLocalJWKSet(jwks);
  return { getKey, current: async () => jwks };
}

const unavailable = () =>
  new GatewayError('SERVICE_UNAVAILABLE', "The tenant's signing keys could not be fetched; retry shortly");

async function download(url: URL): Promise<JSONWebKeySet> {
  const res = await fetch(url, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS), redirect: 'error' }).catch(() => {
    throw unavailable();
  });
  const set = res.ok ? ((await res.json().catch(() => undefined)) as JSONWebKeySet | undefined) : undefined;
  if (!Array.isArray(set?.keys)) throw unavailable();
  return set;
}

/**
 * Keys from a JWKS URL: fetched on first use, again once older than JWKS_MAX_AGE_MS on `now` (checked on
 * every request verifying with it, remembered admin tokens included), and when a token names an unknown `kid`. A failed
 * fetch keeps the last set until it is JWKS_STALE_LIMIT_MS old. A reloaded
 * tenant gets a new set, so SIGHUP fetches the keys again on the tenant's next request verifying with it.
 */
export function remoteKeySet(url: URL, now: () => number): KeySet {
  let fetched: { set: JSONWebKeySet; getKey: JWTVerifyGetKey; at: number } | undefined;
  let pending: Promise<void> | undefined;
  // Concurrent requests share one fetch.
  const refetch = () =>
    (pending ??= download(url)
      .then((set) => void (fetched = { set, getKey: createLocalJWKSet(set), at: now() }))
      .finally(() => (pending = undefined)));
  const fresh = async () => {
    if (!fetched || now() - fetched.at >= JWKS_MAX_AGE_MS) {
      await refetch().catch((error: unknown) => {
        if (!fetched || now() - fetched.at >= JWKS_STALE_LIMIT_MS) throw error;
      });
    }
    return fetched!;
  };
  return {
    async getKey(header, token) {
      const keys = await fresh();
      try {
        return await keys.getKey(header, token);
      } catch (error) {
        // The provider may have published a new key since the last fetch.
        const unknownKey = (error as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY';
        if (!unknownKey || now() - keys.at < JWKS_COOLDOWN_MS) throw error;
        await refetch();
        return fetched!.getKey(header, token);
      }
    },
    current: async () => (await fresh()).set,
  };
}
