import { createHmac, timingSafeEqual } from 'node:crypto';

/** Node's IncomingHttpHeaders shape (lower-case names); other casings are matched too. */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

const base64Sha256 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Checks `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the RAW body with the app secret). The body
 * must be the bytes as received: re-serialised JSON changes them and fails. Accepts several secrets
 * so a secret can be rotated without dropping webhooks. Never throws: a missing or malformed header
 * is simply false.
 */
export function verifyWebhookHmac(
  rawBody: Buffer | string,
  hmacHeader: string | string[] | undefined,
  secrets: string | readonly string[],
): boolean {
  const header = Array.isArray(hmacHeader) ? undefined : hmacHeader?.trim();
  if (!header || !base64Sha256.test(header)) return false;
  const received = Buffer.from(header, 'base64');
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  let ok = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    if (!secret) continue;
    const expected = createHmac('sha256', secret).update(body).digest();
    // No early exit: every secret is checked, so timing does not tell which one matched.
    ok = timingSafeEqual(expected, received) || ok;
  }
  return ok;
}

export interface WebhookMeta {
  topic: string;
  shopDomain: string;
  /** Stable across retries of one event: the idempotency key (falls back to the delivery id). */
  eventId: string;
  webhookId: string | undefined;
  apiVersion: string | undefined;
  triggeredAt: string | undefined;
}

/** Reads the delivery headers; undefined when topic, shop or both ids are missing. */
export function readWebhookMeta(headers: WebhookHeaders): WebhookMeta | undefined {
  const get = headerReader(headers);
  const topic = get('x-shopify-topic');
  const shopDomain = get('x-shopify-shop-domain');
  const webhookId = get('x-shopify-webhook-id');
  const eventId = get('x-shopify-event-id') ?? webhookId;
  if (!topic || !shopDomain || !eventId) return undefined;
  return {
    topic,
    shopDomain,
    eventId,
    webhookId,
    apiVersion: get('x-shopify-api-version'),
    triggeredAt: get('x-shopify-triggered-at'),
  };
}

function headerReader(headers: WebhookHeaders): (name: string) => string | undefined {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => {
    const value = lower.get(name);
    const first = Array.isArray(value) ? value[0] : value;
    return first?.trim() || undefined;
  };
}
