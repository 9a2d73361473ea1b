import { bodyFitsTopic, SHOP_NAMING_TOPICS, shopNamedBy } from './webhook-bodies';
import { shopifyTimeMs } from './shopify-time';
import type { WebhookMeta } from './webhook-verify';

/** Why a correctly signed delivery is not queued (a metrics label and the answer's `reason`). */
export type WebhookRefusal = 'undated' | 'stale' | 'shop_mismatch' | 'topic_mismatch';

/**
 * The checks after the HMAC, which covers only the body: the shop, topic and trigger time come from
 * headers anyone holding a captured body can rewrite. A delivery must have been triggered within
 * `maxAgeSeconds` of `now` (either side: clocks drift), a body naming a shop must name the header's,
 * and the body must fit its topic. Undefined when the delivery may be queued.
 */
export function webhookRefusal(
  meta: WebhookMeta,
  payload: Record<string, unknown>,
  now: number,
  maxAgeSeconds: number,
): WebhookRefusal | undefined {
  const triggered = shopifyTimeMs(meta.triggeredAt);
  if (triggered === undefined) return 'undated';
  if (Math.abs(now - triggered) > maxAgeSeconds * 1000) return 'stale';
  if (SHOP_NAMING_TOPICS.has(meta.topic) && shopNamedBy(meta.topic, payload) !== meta.shopDomain.toLowerCase()) {
    return 'shop_mismatch';
  }
  if (!bodyFitsTopic(meta.topic, payload)) return 'topic_mismatch';
  return undefined;
}
