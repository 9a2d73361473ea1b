import { sql, type Kysely } from 'kysely';
import type { PluginRuntime, SeedOptions, Tenant } from '../../src/sdk';

export const DEMO_ORDERS_PER_TENANT = 60;
export const BENCH_ORDERS_PER_TENANT = 50_000;
const SIZES = {
  demo: { total: DEMO_ORDERS_PER_TENANT, chunk: 10 },
  bench: { total: BENCH_ORDERS_PER_TENANT, chunk: 10_000 },
};

/**
 * Orders numbered after the tenant's last one, each with 1 to 3 lines of existing variants (title and
 * price snapshotted) and an existing customer; statuses and dates spread deterministically. Entirely
 * in SQL (generate_series), so 50,000 orders take seconds.
 */
async function seedChunk(db: Kysely<unknown>, tenant: Tenant, count: number, remaining: number, spreadMinutes: number) {
  const t = tenant.id;
  const { rows } = await sql<{ first: number }>`
    insert into order_counters (tenant_id, last_number) values (${t}, 1000 + ${count}::int)
    on conflict (tenant_id) do update set last_number = order_counters.last_number + ${count}::int
    returning last_number - ${count}::int + 1 as first`.execute(db);
  const first = rows[0].first;
  const last = first + count - 1;
  // The run's newest order is created now; older numbers step back in time.
  const newest = first + remaining - 1;
  // One statement: plan orders and lines, price the lines, insert orders with their totals, then lines.
  // Customers and variants are numbered 0..n-1 so each pick is a hash join, not a lookup per row.
  await sql`
    with cs as (select id, email, row_number() over (order by id) - 1 as rn from customers where tenant_id = ${t}),
         vs as (select v.id, v.product_id, v.title, v.sku, v.price, p.title as product_title,
                       row_number() over (order by v.id) - 1 as rn
                  from product_variants v join products p on p.id = v.product_id
                 where v.tenant_id = ${t}),
         counts as (select (select count(*) from cs) as customers, (select count(*) from vs) as variants),
         plan as (select n, now() - ((${newest}::int - n) * ${spreadMinutes}::int) * interval '1 minute' as at
                    from generate_series(${first}::int, ${last}::int) n),
         lines as (select plan.n, 1 + (plan.n + k) % 3 as quantity, vs.*
                     from plan cross join counts cross join lateral generate_series(1, 1 + plan.n % 3) k
                     join vs on vs.rn = (plan.n * 31 + k * 7717) % counts.variants),
         totals as (select n, sum(price * quantity) as total from lines group by n),
         placed as (
           insert into orders (tenant_id, number, customer_id, email, status, financial_status, fulfillment_status,
                               currency_code, subtotal, total, cancel_reason, cancelled_at, fulfilled_at, created_at, updated_at)
           select ${t}, plan.n, cs.id, cs.email,
                  case when plan.n % 10 = 0 then 'CANCELLED' else 'OPEN' end,
                  case when plan.n % 10 = 0 then 'VOIDED' when plan.n % 3 = 0 then 'PENDING' else 'PAID' end,
                  case when plan.n % 10 <> 0 and plan.n % 4 = 0 then 'FULFILLED' else 'UNFULFILLED' end,
                  ${tenant.currency}, totals.total, totals.total,
                  case when plan.n % 10 = 0 then 'CUSTOMER' end,
                  case when plan.n % 10 = 0 then plan.at + interval '1 hour' end,
                  case when plan.n % 10 <> 0 and plan.n % 4 = 0 then plan.at + interval '1 day' end,
                  plan.at, plan.at
             from plan cross join counts
             join totals on totals.n = plan.n
             join cs on cs.rn = (plan.n * 7919) % counts.customers
           returning id, number)
    insert into order_line_items (tenant_id, order_id, product_id, variant_id, title, variant_title, sku,
                                  quantity, unit_price, total)
    select ${t}, placed.id, lines.product_id, lines.id, lines.product_title, lines.title, lines.sku, lines.quantity,
           lines.price, lines.price * lines.quantity
      from lines join placed on placed.number = lines.n`.execute(db);
}

/** Recomputes customers' paid order counts and spend, and products' units sold, from all orders. */
async function refreshTotals(db: Kysely<unknown>, t: string) {
  await sql`
    update customers c set orders_count = s.orders, amount_spent = s.spent
      from (select customer_id, count(*) filter (where financial_status <> 'PENDING' and financial_status <> 'VOIDED') orders,
                   coalesce(sum(total) filter (where status <> 'CANCELLED' and financial_status = 'PAID'), 0) spent
              from orders where tenant_id = ${t} and customer_id is not null group by customer_id) s
     where c.tenant_id = ${t} and c.id = s.customer_id`.execute(db);
  await sql`
    update products p set total_sold = s.sold
      from (select li.product_id, sum(li.quantity) sold from order_line_items li
              join orders o on o.id = li.order_id
             where li.tenant_id = ${t} and o.status <> 'CANCELLED' and li.product_id is not null
             group by li.product_id) s
     where p.tenant_id = ${t} and p.id = s.product_id`.execute(db);
}

async function hasCatalogAndCustomers(runtime: PluginRuntime, tenant: Tenant): Promise<boolean> {
  return runtime.withTenant<unknown, boolean>(tenant.id, async (db) => {
    const { rows } = await sql<{ ok: boolean }>`
      select exists (select 1 from product_variants where tenant_id = ${tenant.id})
         and exists (select 1 from customers where tenant_id = ${tenant.id}) as ok`.execute(db);
    return rows[0].ok;
  });
}

/** Orders for each tenant with variants and customers, in alternating chunks so ids interleave. */
export async function seedOrders(runtime: PluginRuntime, { profile, tenants }: SeedOptions): Promise<void> {
  const { total, chunk } = SIZES[profile];
  const ready: Tenant[] = [];
  for (const tenant of tenants) if (await hasCatalogAndCustomers(runtime, tenant)) ready.push(tenant);
  // Spread creation dates over about a year whatever the count.
  const spreadMinutes = Math.max(1, Math.floor((365 * 24 * 60) / total));
  for (let done = 0; done < total; done += chunk) {
    for (const tenant of ready) {
      const count = Math.min(chunk, total - done);
      await runtime.withTenant(tenant.id, (db) => seedChunk(db, tenant, count, total - done, spreadMinutes));
    }
  }
  for (const tenant of ready) await runtime.withTenant(tenant.id, (db) => refreshTotals(db, tenant.id));
}
