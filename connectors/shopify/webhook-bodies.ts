import { z } from 'zod';
import { isShopifyTime } from './shopify-time';

/**
 * What each applied topic's body must look like. The HMAC covers the body but not the topic header,
 * so a captured body could be sent under another topic: a body must carry the fields its topic
 * needs, and full resources must name their own type in `admin_graphql_api_id` (an order cannot pass
 * for a customer). Topics we do not apply are not checked.
 */
const id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]);
const time = z.string().refine(isShopifyTime);
const gid = (type: string) => z.string().startsWith(`gid://shopify/${type}/`);
/** A key the body must not have. */
const absent = z.never().optional();

const resource = (type: string, fields: z.ZodRawShape = {}) =>
  z.object({ id, admin_graphql_api_id: gid(type), created_at: time, updated_at: time, ...fields });

const product = resource('Product', { title: z.string(), variants: z.array(z.object({ id })) });
const order = resource('Order', { line_items: z.array(z.object({ id })) });
const customer = resource('Customer');
/** Shopify sends only the id; every full resource carries `updated_at`, so such a body is not a delete. */
const deletion = z.object({ id, updated_at: absent });
const inventoryLevel = z.object({
  inventory_item_id: id,
  location_id: id,
  available: z.number().int().nullable(),
  updated_at: time,
  admin_graphql_api_id: gid('InventoryLevel').optional(),
});
/** The privacy bodies differ by their lists: a data request's cannot pass for a redaction. */
const privacy = (fields: z.ZodRawShape) => z.object({ shop_id: id, shop_domain: z.string(), ...fields });
const dataRequest = privacy({ customer: z.object({ id }), orders_requested: z.array(id), orders_to_redact: absent });
const customerRedact = privacy({ customer: z.object({ id }), orders_to_redact: z.array(id), orders_requested: absent });
const shopRedact = privacy({ customer: absent, orders_to_redact: absent, orders_requested: absent });
const shop = z.object({ id, myshopify_domain: z.string() });

const BODIES: Record<string, z.ZodType> = {
  'products/create': product,
  'products/update': product,
  'products/delete': deletion,
  'inventory_levels/update': inventoryLevel,
  'orders/create': order,
  'orders/updated': order,
  'customers/create': customer,
  'customers/update': customer,
  'customers/data_request': dataRequest,
  'customers/redact': customerRedact,
  'shop/redact': shopRedact,
  'app/uninstalled': shop,
};

/** True when the body fits its topic, or the topic is not one we apply. */
export function bodyFitsTopic(topic: string, payload: Record<string, unknown>): boolean {
  return BODIES[topic]?.safeParse(payload).success ?? true;
}

/** Topics whose body names its shop: it must be the header's. */
export const SHOP_NAMING_TOPICS: ReadonlySet<string> = new Set([
  'customers/data_request',
  'customers/redact',
  'shop/redact',
  'app/uninstalled',
]);

/** The shop a body names itself (privacy topics and app/uninstalled), lower-cased; undefined for the others. */
export function shopNamedBy(topic: string, payload: Record<string, unknown>): string | undefined {
  const named = topic === 'app/uninstalled' ? payload.myshopify_domain : payload.shop_domain;
  return SHOP_NAMING_TOPICS.has(topic) && typeof named === 'string' ? named.toLowerCase() : undefined;
}
