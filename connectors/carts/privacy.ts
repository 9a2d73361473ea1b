import { sql } from 'kysely';
import type { PersonalDataHolder } from '../../src/sdk';

/** The customer's carts: those they own, and those with their email. */
const theirCarts = (tenantId: string, customerId: string, email: string) =>
  sql`tenant_id = ${tenantId} and (customer_id = ${customerId} or email = ${email})`;
/** Their orders' ids (the orders plugin's rows, whose priced snapshot this plugin keeps). */
const theirOrders = (tenantId: string, customerId: string, email: string) =>
  sql`(select id from orders where tenant_id = ${tenantId} and (customer_id = ${customerId} or email = ${email}))`;

/**
 * What the carts plugin holds of a customer: their carts' contact and delivery details, the shipping
 * address priced into their orders, and the discount codes they used. Erasure blanks the personal
 * fields; carts, prices and totals stay.
 */
export const cartPersonalData: PersonalDataHolder = {
  async export(trx, tenantId, { subject }) {
    const { customerId, email } = subject;
    const carts = await sql<Record<string, unknown>>`
      select id, status, email, phone, country_code, note, delivery_address, created_at, updated_at
        from carts where ${theirCarts(tenantId, customerId, email)} order by created_at, id`.execute(trx);
    const shipping = await sql<Record<string, unknown>>`
      select order_id, shipping_address from order_pricing
       where tenant_id = ${tenantId} and shipping_address is not null
         and order_id in ${theirOrders(tenantId, customerId, email)}
       order by order_id`.execute(trx);
    const discounts = await sql<Record<string, unknown>>`
      select u.order_id, d.code, u.created_at from discount_usages u
        join discounts d on d.id = u.discount_id and d.tenant_id = u.tenant_id
       where u.tenant_id = ${tenantId} and u.email = ${email} order by u.id`.execute(trx);
    return { carts: carts.rows, orderShippingAddresses: shipping.rows, discountUsages: discounts.rows };
  },
  async erase(trx, tenantId, { subject }) {
    const { customerId, email } = subject;
    await sql`update order_pricing set shipping_address = null
       where tenant_id = ${tenantId} and order_id in ${theirOrders(tenantId, customerId, email)}`.execute(trx);
    await sql`update discount_usages set email = null where tenant_id = ${tenantId} and email = ${email}`.execute(trx);
    await sql`update carts set email = null, phone = null, note = null, delivery_address = null, updated_at = now()
       where ${theirCarts(tenantId, customerId, email)}`.execute(trx);
  },
};
