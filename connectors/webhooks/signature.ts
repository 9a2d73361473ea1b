import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, base64url, with a recognisable prefix. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The signature of a delivery, sent in `X-Retail-Signature`: base64 of HMAC-SHA256, keyed with the
 * tenant's signing secret, over `<timestamp>.<raw body>` (the timestamp is `X-Retail-Timestamp`, Unix
 * seconds). docs/webhooks.md shows the receiver's side.
 */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('base64');
}
