/** ISO-8601 with a zone, as Shopify writes times (`2026-01-01T10:00:00-05:00`, `…27.877041743Z`). */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function isShopifyTime(value: string): boolean {
  return ISO_WITH_ZONE.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch of a Shopify time; undefined when absent or not one. */
export function shopifyTimeMs(value: string | undefined): number | undefined {
  return value !== undefined && isShopifyTime(value) ? Date.parse(value) : undefined;
}
