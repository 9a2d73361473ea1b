import { addressAllowed, literalAddress, type AddressPolicy } from './address-policy';

const MAX_URL_LENGTH = 2048;

/**
 * Why a callback URL is refused at creation, or null: it must be an absolute https URL without
 * credentials, and an IP literal must be an address deliveries may reach. Names are resolved and checked
 * again at every delivery (DNS can change), see safe-send.ts.
 */
export function callbackUrlProblem(text: string, policy: AddressPolicy): string | null {
  if (text.length > MAX_URL_LENGTH) return `callbackUrl is longer than ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'callbackUrl is not a URL';
  }
  if (url.protocol !== 'https:') return 'callbackUrl must use https';
  if (url.username || url.password) return 'callbackUrl must not carry credentials';
  // The URL parser writes numeric hosts (0x7f.1, 2130706433) as dotted decimal: one check covers them.
  const literal = literalAddress(url.hostname);
  if (literal && !addressAllowed(literal, policy)) return 'callbackUrl must be a public address';
  if (!literal && policy.allowLoopback === false && /(^|\.)localhost$/i.test(url.hostname)) {
    return 'callbackUrl must be a public address';
  }
  return null;
}
