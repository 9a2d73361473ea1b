import { encodeGlobalId } from '../../src/sdk';
import { emitEvent } from '../../src/sdk/db';
import type { ProductRow } from './tables';

/** Outbound webhook topics the catalog emits (its manifest's `events`). */
export const CATALOG_EVENTS = ['PRODUCTS_CREATE', 'PRODUCTS_UPDATE', 'PRODUCTS_DELETE'] as const;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A product as webhook receivers get it. */
export function productPayload(p: ProductRow): Record<string, unknown> {
  return {
    id: encodeGlobalId('Product', p.id),
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    productType: p.product_type,
    tags: p.tags,
    status: p.status,
    publishedAt: iso(p.published_at),
    updatedAt: iso(p.updated_at),
  };
}

/** Writes the product event in the caller's transaction (the outbox, src/sdk/db). */
export function emitProductEvent(
  trx: object,
  tenantId: string,
  topic: (typeof CATALOG_EVENTS)[number],
  payload: Record<string, unknown>,
) {
  return emitEvent(trx, tenantId, topic, payload);
}
