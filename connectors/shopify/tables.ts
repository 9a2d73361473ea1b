import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * The columns the Shopify sync reads and writes: its own tables, and the subset of the retail
 * tables (owned by the catalog, inventory, customers and orders plugins) that it fills.
 */
type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTs = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Num = ColumnType<string, string | number | undefined, string | number>;
type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
type Json<T> = ColumnType<T, string | undefined, string>;

interface Sourced {
  id: Generated<string>;
  tenant_id: string;
  source: string | null;
  external_id: string | null;
}

/** Shopify's `updated_at` of the version a row was last written from (null: never written from Shopify). */
interface Versioned {
  shopify_updated_at: NullableTs;
}

/** The columns this plugin's migration adds to the retail tables it fills. */
export const SOURCED_COLUMNS: readonly (keyof Sourced)[] = ['source', 'external_id'];

export interface ShopifyDb {
  products: Sourced &
    Versioned & {
      handle: string;
      title: string;
      description: string;
      vendor: string;
      product_type: string;
      tags: string[];
      status: string;
      published_at: NullableTs;
      min_price: Num;
      max_price: Num;
      created_at: Ts;
      updated_at: Ts;
    };
  product_variants: Sourced &
    Versioned & {
      product_id: string;
      title: string;
      sku: string | null;
      price: Num;
      compare_at_price: ColumnType<string | null, string | null | undefined, string | null>;
      option_values: string[];
      position: number;
      external_inventory_item_id: string | null;
      created_at: Ts;
      updated_at: Ts;
    };
  collections: Sourced & { handle: string; title: string; published_at: NullableTs; updated_at: Ts };
  collection_products: { tenant_id: string; collection_id: string; product_id: string; position: number };
  locations: Sourced & { name: string; created_at: Ts };
  inventory_levels: Versioned & {
    tenant_id: string;
    variant_id: string;
    location_id: string;
    available: number;
    updated_at: Ts;
  };
  customers: Sourced &
    Versioned & {
      email: string;
      first_name: string | null;
      last_name: string | null;
      phone: string | null;
      orders_count: number;
      amount_spent: Num;
      created_at: Ts;
      updated_at: Ts;
    };
  orders: Sourced &
    Versioned & {
      number: number;
      customer_id: string | null;
      email: string | null;
      status: string;
      financial_status: string;
      fulfillment_status: string;
      currency_code: string;
      subtotal: Num;
      total: Num;
      cancelled_at: NullableTs;
      /** The cart the order was checked out from (ours, or one checked out at Shopify's checkout). */
      cart_id: ColumnType<string | null, string | null | undefined, string | null>;
      created_at: Ts;
      updated_at: Ts;
    };
  /** The carts plugin's carts, as far as an order placed at Shopify's checkout completes one. */
  carts: {
    id: string;
    tenant_id: string;
    status: ColumnType<'ACTIVE' | 'COMPLETED', never, 'ACTIVE' | 'COMPLETED'>;
    order_id: string | null;
    external_cart_id: string | null;
    updated_at: Ts;
  };
  order_line_items: Sourced & {
    order_id: string;
    product_id: string | null;
    variant_id: string | null;
    title: string;
    sku: string | null;
    quantity: number;
    unit_price: Num;
    total: Num;
  };
  order_counters: { tenant_id: string; last_number: number };
  shopify_connections: {
    tenant_id: string;
    shop: string;
    api_version: string;
    status: ColumnType<'active' | 'uninstalled', 'active' | 'uninstalled' | undefined, 'active' | 'uninstalled'>;
    uninstalled_at: NullableTs;
    last_sync_at: NullableTs;
    last_error: string | null;
    throttled_waits: ColumnType<number, number | undefined, number>;
    updated_at: Ts;
  };
  shopify_sync_state: {
    tenant_id: string;
    resource: string;
    high_water: NullableTs;
    full_pending: ColumnType<boolean, boolean | undefined, boolean>;
    checkpoint: ColumnType<number, number | undefined, number>;
    bulk_operation_id: string | null;
    updated_at: Ts;
  };
  shopify_sync_runs: {
    id: Generated<string>;
    tenant_id: string;
    mode: 'full' | 'incremental';
    status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
    trigger: string;
    counts: Json<Record<string, number>>;
    errors: Json<string[]>;
    throttled_waits: ColumnType<number, number | undefined, number>;
    lease_until: NullableTs;
    created_at: Ts;
    started_at: NullableTs;
    finished_at: NullableTs;
  };
  shopify_webhook_events: {
    id: Generated<string>;
    tenant_id: string;
    event_id: string;
    webhook_id: string | null;
    topic: string;
    shop: string;
    payload: Json<Record<string, unknown>>;
    status: ColumnType<'queued' | 'done' | 'failed', 'queued' | 'done' | 'failed' | undefined>;
    attempts: ColumnType<number, number | undefined, number>;
    available_at: Ts;
    last_error: string | null;
    /** X-Shopify-Triggered-At (null for events queued before it was kept). */
    triggered_at: NullableTs;
    received_at: Ts;
    processed_at: NullableTs;
  };
  shopify_write_intents: {
    tenant_id: string;
    key: string;
    mutation: string;
    external_id: string;
    status: ColumnType<'pending' | 'done', 'pending' | 'done' | undefined, 'pending' | 'done'>;
    created_at: ColumnType<Date, Date | string | undefined, Date | string>;
    done_at: NullableTs;
    /** What Shopify made (a checkout's order id), once done. */
    result_id: ColumnType<string | null, string | null | undefined, string | null>;
  };
  shopify_tombstones: { tenant_id: string; external_id: string; deleted_at: Ts };
  shopify_data_requests: {
    id: Generated<string>;
    tenant_id: string;
    shop: string;
    customer_external_id: string | null;
    orders_requested: string[];
    /** What the gateway holds of the customer (every plugin's personal data), made when the request came. */
    export: ColumnType<unknown, string | null | undefined, string | null>;
    received_at: Ts;
  };
}

export type ShopifyTrx = Kysely<ShopifyDb>;

export const SOURCE = 'shopify';
