import { lookup } from 'node:dns/promises';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressAllowed, literalAddress, type AddressPolicy } from './address-policy';

/** Resolves a host name to its addresses (tests give their own; production asks the system resolver). */
export type Resolve = (hostname: string) => Promise<string[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface SendOptions {
  policy: AddressPolicy;
  timeoutMs: number;
  resolve: Resolve;
  /** Extra certificate authorities to trust (a development receiver's self-signed certificate). */
  ca?: string;
}

export interface SendResult {
  ok: boolean;
  /** The receiver's HTTP status, null when no answer came. */
  status: number | null;
  error: string | null;
}

const failed = (error: string, status: number | null = null): SendResult => ({ ok: false, status, error });

/** A lookup that answers the one address already checked, so the connection cannot go elsewhere. */
const pinned =
  (address: string): LookupFunction =>
  (_host, options, callback) => {
    const family = address.includes(':') ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };

/** The host's addresses when every one of them may be reached, else why not. */
async function checkedAddresses(hostname: string, options: SendOptions): Promise<string[] | string> {
  const literal = literalAddress(hostname);
  let addresses: string[];
  try {
    addresses = literal ? [literal] : await options.resolve(hostname);
  } catch {
    return 'the callback host did not resolve';
  }
  if (addresses.length === 0) return 'the callback host did not resolve';
  if (!addresses.every((a) => addressAllowed(a, options.policy))) return 'the callback host is not a public address';
  return addresses;
}

/**
 * POSTs `body` over https to a callback URL, resolving its host now and connecting only to an address
 * the policy allows (the resolved address is pinned: no second lookup can change it). Redirects are
 * never followed: a 3xx answer is a failed attempt. The answer's body is read and dropped.
 */
export async function safePost(
  callbackUrl: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const url = new URL(callbackUrl);
  if (url.protocol !== 'https:') return failed('the callback URL is not https');
  const addresses = await checkedAddresses(url.hostname, options);
  if (typeof addresses === 'string') return failed(addresses);
  const literal = literalAddress(url.hostname);
  return new Promise<SendResult>((resolve) => {
    const request = https.request({
      method: 'POST',
      host: literal ?? url.hostname,
      port: url.port || 443,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      servername: literal ? undefined : url.hostname,
      lookup: pinned(addresses[0]),
      ca: options.ca,
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(new Error('timeout')), options.timeoutMs);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => clearTimeout(timer));
      if (status >= 200 && status < 300) resolve({ ok: true, status, error: null });
      else if (status >= 300 && status < 400) resolve(failed('redirects are not followed', status));
      else resolve(failed(`the receiver answered ${status}`, status));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(failed(error.message === 'timeout' ? 'timed out' : `connection failed (${error.code ?? 'error'})`));
    });
    request.end(body);
  });
}
