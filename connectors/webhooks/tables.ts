import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SubscriptionStatus = 'ACTIVE' | 'DISABLED';
export type DeliveryStatus = 'PENDING' | 'RETRYING' | 'DELIVERED' | 'DEAD';

export interface WebhookSubscriptionsTable {
  id: Generated<string>;
  tenant_id: string;
  topic: string;
  callback_url: string;
  format: ColumnType<string, string | undefined, string>;
  status: ColumnType<SubscriptionStatus, SubscriptionStatus | undefined, SubscriptionStatus>;
  /** When deliveries began failing without a success since (null while healthy). */
  failing_since: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  tenant_id: string;
  subscription_id: string;
  event_id: string;
  topic: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  event_created_at: Timestamp;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  lease_until: Date | null;
  claim_id: string | null;
  response_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookSecretsTable {
  tenant_id: string;
  secret: string;
  created_at: Timestamp;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_secrets: WebhookSecretsTable;
}

export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
