/**
 * The hand-written lower bound: each page is one SQL statement that builds the whole JSON answer
 * (json_agg), in the same shape as the gateway's. Bench tenant only; the tenant is a parameter.
 */

/** A global id, base64url of gid://retail/<Type>/<id>, as the gateway encodes it. */
const gid = (type: string, column: string) =>
  `rtrim(translate(encode(convert_to('gid://retail/${type}/' || ${column}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
/** `digits`: the currency's minor digits, for amounts stored unscaled (a whole price is kept as "57"). */
const money = (amount: string, currency: string, digits?: string) =>
  `json_build_object('amount', ${digits ? `round(${amount}, ${digits})` : amount}::text, 'currencyCode', ${currency})`;
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** $1 tenant, $2 currency, $3 page size, $4 the currency's minor digits. */
export const STOREFRONT_SQL = `
select json_build_object('data', json_build_object('products', json_build_object('nodes',
  coalesce(json_agg(x.node order by x.id), '[]'))))::text as body
from (
  select p.id, json_build_object(
    'id', ${gid('Product', 'p.id')}, 'handle', p.handle, 'title', p.title, 'vendor', p.vendor,
    'availableForSale', v.available,
    'priceRange', json_build_object('minVariantPrice', ${money('p.min_price', '$2::text', '$4::int')}, 'maxVariantPrice', ${money('p.max_price', '$2::text', '$4::int')}),
    'variants', json_build_object('nodes', v.nodes)) as node
  from products p
  cross join lateral (
    select coalesce(json_agg(json_build_object(
        'id', ${gid('ProductVariant', 'pv.id')}, 'title', pv.title, 'sku', pv.sku,
        'availableForSale', pv.inventory_quantity is null or pv.inventory_quantity > 0,
        'quantityAvailable', pv.inventory_quantity, 'price', ${money('pv.price', '$2::text', '$4::int')}) order by pv.position, pv.id), '[]') as nodes,
      coalesce(bool_or(pv.inventory_quantity is null or pv.inventory_quantity > 0), false) as available
    from (select * from product_variants where tenant_id = $1 and product_id = p.id order by position, id limit 3) pv
  ) v
  where p.tenant_id = $1 and p.status = 'ACTIVE' and p.published_at <= now()
  order by p.id limit $3
) x`;

/** $1 tenant, $2 currency, $3 handle, $4 the currency's minor digits. */
export const PRODUCT_SQL = `
select json_build_object('data', json_build_object('product', (
  select json_build_object(
    'id', ${gid('Product', 'p.id')}, 'handle', p.handle, 'title', p.title, 'description', p.description,
    'vendor', p.vendor, 'productType', p.product_type, 'tags', to_json(p.tags),
    'priceRange', json_build_object('minVariantPrice', ${money('p.min_price', '$2::text', '$4::int')}, 'maxVariantPrice', ${money('p.max_price', '$2::text', '$4::int')}),
    'variants', json_build_object('nodes', (
      select coalesce(json_agg(json_build_object(
        'id', ${gid('ProductVariant', 'pv.id')}, 'title', pv.title, 'sku', pv.sku, 'price', ${money('pv.price', '$2::text', '$4::int')},
        'selectedOptions', (
          select coalesce(json_agg(json_build_object('name', o.name, 'value', pv.option_values[o.n]) order by o.n), '[]')
          from (select name, row_number() over (order by position, id) as n from product_options
                where tenant_id = $1 and product_id = p.id) o
          where pv.option_values[o.n] is not null)) order by pv.position, pv.id), '[]')
      from (select * from product_variants where tenant_id = $1 and product_id = p.id order by position, id limit 10) pv)),
    'collections', json_build_object('nodes', (
      select coalesce(json_agg(json_build_object('id', ${gid('Collection', 'c.id')}, 'handle', c.handle, 'title', c.title) order by c.id), '[]')
      from (select c.* from collection_products cp join collections c on c.id = cp.collection_id
            where cp.tenant_id = $1 and cp.product_id = p.id and c.published_at <= now() order by c.id limit 10) c)))
  from products p
  where p.tenant_id = $1 and p.handle = $3 and p.status = 'ACTIVE' and p.published_at <= now())))::text as body`;

/** $1 tenant, $2 page size, $3 the shop currency's minor digits (the bench's orders are all in it). */
export const ORDERS_SQL = `
select json_build_object('data', json_build_object('orders', json_build_object('nodes',
  coalesce(json_agg(x.node order by x.id), '[]'))))::text as body
from (
  select o.id, json_build_object(
    'id', ${gid('Order', 'o.id')}, 'name', '#' || o.number, 'createdAt', ${iso('o.created_at')},
    'financialStatus', o.financial_status, 'fulfillmentStatus', o.fulfillment_status,
    'totalPrice', ${money('o.total', 'o.currency_code', '$3::int')},
    'customer', (select json_build_object('id', ${gid('Customer', 'c.id')}, 'email', c.email, 'firstName', c.first_name,
        'lastName', c.last_name) from customers c where c.tenant_id = $1 and c.id = o.customer_id),
    'lineItems', json_build_object('nodes', (
      select coalesce(json_agg(json_build_object(
        'id', ${gid('LineItem', 'li.id')}, 'title', li.title, 'quantity', li.quantity,
        'originalUnitPrice', ${money('li.unit_price', 'o.currency_code', '$3::int')},
        'variant', (select json_build_object('id', ${gid('ProductVariant', 'v.id')}, 'title', v.title, 'sku', v.sku)
          from product_variants v where v.tenant_id = $1 and v.id = li.variant_id),
        'product', (select json_build_object('id', ${gid('Product', 'p.id')}, 'handle', p.handle, 'title', p.title)
          from products p where p.tenant_id = $1 and p.id = li.product_id)) order by li.id), '[]')
      from (select * from order_line_items where tenant_id = $1 and order_id = o.id order by id limit 5) li))) as node
  from orders o
  where o.tenant_id = $1
  order by o.id limit $2
) x`;

/** $1 tenant, $2 variant id, $3 location id, $4 delta, $5 reason. */
export const ADJUST_SQL = `
with level as (
  update inventory_levels set available = available + $4, updated_at = now()
  where tenant_id = $1 and variant_id = $2 and location_id = $3 and available + $4 >= 0
  returning variant_id, location_id, available
), adjustment as (
  insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
  select $1, variant_id, location_id, $4, $5, available from level
  returning delta, reason, quantity_after
)
select json_build_object('data', json_build_object('inventoryAdjust', json_build_object(
  'inventoryLevel', (select json_build_object('available', available) from level),
  'adjustment', (select json_build_object('delta', delta, 'reason', reason, 'quantityAfter', quantity_after) from adjustment),
  'userErrors', '[]'::json)))::text as body`;
