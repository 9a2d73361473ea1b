import { sql } from 'kysely';
import type { PersonalDataHolder } from '../../src/sdk';

/** The customer's orders: those linked to them, and those placed with their email. */
const theirs = (tenantId: string, customerId: string, email: string) =>
  sql`tenant_id = ${tenantId} and (customer_id = ${customerId} or email = ${email})`;

/**
 * What the orders plugin holds of a customer: their orders with lines and totals. Erasure removes the
 * personal fields (the email) and keeps the order, its lines and totals, as Shopify's redaction does.
 */
export const orderPersonalData: PersonalDataHolder = {
  async export(trx, tenantId, { subject }) {
    const orders = await sql<Record<string, unknown>>`
      select o.id, o.number, o.email, o.status, o.financial_status, o.fulfillment_status, o.currency_code,
             o.subtotal::text as subtotal, o.total::text as total, o.created_at,
             coalesce((select json_agg(json_build_object('title', l.title, 'variantTitle', l.variant_title,
                        'sku', l.sku, 'quantity', l.quantity, 'unitPrice', l.unit_price::text,
                        'total', l.total::text) order by l.id)
                 from order_line_items l where l.tenant_id = o.tenant_id and l.order_id = o.id), '[]') as line_items
        from orders o
       where ${theirs(tenantId, subject.customerId, subject.email)}
       order by o.id`.execute(trx);
    return { orders: orders.rows };
  },
  async erase(trx, tenantId, { subject }) {
    await sql`update orders set email = null, updated_at = now()
       where ${theirs(tenantId, subject.customerId, subject.email)}`.execute(trx);
  },
};
