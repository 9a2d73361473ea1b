/** What the baseline's cart pages read: the cart with its lines, zones, tax rates and codes, as one select. */
import type { CartFacts } from './checkout-price';

export interface Answer {
  body: string;
  statements: number;
}

const PREFIX = 'gid://retail/Cart/';
export const cartGid = (token: string) => Buffer.from(`${PREFIX}${token}`).toString('base64url');
export const localCartId = (gid: unknown) =>
  Buffer.from(String(gid), 'base64url').toString('utf8').slice(PREFIX.length);
export const localId = (gid: string) => Buffer.from(gid, 'base64url').toString('utf8').split('/').pop()!;

/** `c` is the cart row (changed or locked) in a CTE before it; $1 is the tenant. */
export const FACTS = `
select row_to_json(c) as cart, c.delivery_option_handle as handle, c.discount_codes as codes,
  (select coalesce(json_agg(json_build_object('price', v.price::text, 'quantity', l.quantity,
      'requires_shipping', v.requires_shipping, 'taxable', v.taxable, 'variant_id', v.id::text,
      'product_id', v.product_id::text, 'title', p.title, 'variant_title', v.title, 'sku', v.sku,
      'line_total', (v.price * l.quantity)::text) order by l.variant_id), '[]')
     from cart_lines l join product_variants v on v.tenant_id = $1 and v.id = l.variant_id
     join products p on p.tenant_id = $1 and p.id = v.product_id
    where l.tenant_id = $1 and l.cart_id = c.id) as lines,
  (select coalesce(json_agg(json_build_object('regions', z.regions, 'rates', (
      select coalesce(json_agg(json_build_object('handle', r.handle, 'title', r.title, 'price', r.price::text,
        'free_above', r.free_above::text, 'min_delivery_days', r.min_delivery_days,
        'max_delivery_days', r.max_delivery_days)), '[]')
        from shipping_rates r where r.tenant_id = $1 and r.zone_id = z.id))), '[]')
     from shipping_zones z where z.tenant_id = $1) as zones,
  (select coalesce(json_agg(json_build_object('title', t.title,
      'rate_percentage', rtrim(rtrim(t.rate_percentage::text, '0'), '.'), 'applies_to_shipping', t.applies_to_shipping)), '[]')
     from tax_rates t where t.tenant_id = $1
      and t.country_code = coalesce(c.delivery_address->>'countryCode', c.country_code)
      and (t.province_code is null or t.province_code = c.delivery_address->>'provinceCode')) as taxes,
  (select coalesce(json_agg(json_build_object('id', d.id::text, 'code', d.code, 'title', d.title, 'kind', d.kind,
      'value', d.value::text, 'min_subtotal', d.min_subtotal::text, 'usage_limit', d.usage_limit,
      'usage_count', d.usage_count, 'starts_at', d.starts_at, 'ends_at', d.ends_at, 'active', d.active,
      'product_ids', d.product_ids, 'collection_ids', d.collection_ids)), '[]')
     from discounts d where d.tenant_id = $1 and upper(d.code) = any(select upper(x) from unnest(c.discount_codes) x)) as discounts
from c`;

/** A cart line with what the order snapshots of it. */
export type FactLine = CartFacts['lines'][number] &
  Record<'variant_id' | 'product_id' | 'title' | 'variant_title' | 'line_total', string> & { sku: string | null };

export type Facts = Omit<CartFacts, 'cart' | 'lines'> & {
  cart: CartFacts['cart'] & { status: string; email: string | null };
  lines: FactLine[];
};
