import { sql, type Kysely, type RawBuilder } from 'kysely';

/** An event for outbound webhooks: a topic (`ORDERS_CREATE`) and its JSON payload. */
export interface OutboxEvent {
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * Writes events to the outbox (the core plugin's `gateway_events`) in one statement. `trx` is any plugin's Kysely
 * handle: call it with the transaction of the change the events describe (`db.atomic`): they commit with it or not at all.
 * Each event gets its own id, which receivers use to de-duplicate deliveries.
 */
export async function emitEvents(trx: object, tenantId: string, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => sql`(${tenantId}, ${e.topic}, ${JSON.stringify(e.payload)}::jsonb)`);
  await sql`insert into gateway_events (tenant_id, topic, payload) values ${sql.join(rows)}`.execute(
    trx as Kysely<unknown>,
  );
}

/** One event (see emitEvents). */
export function emitEvent(
  trx: object,
  tenantId: string,
  topic: string,
  payload: Record<string, unknown>,
): Promise<void> {
  return emitEvents(trx, tenantId, [{ topic, payload }]);
}

/**
 * The outbox insert as a data-modifying CTE body, for a write that must stay one statement (a `sole`
 * write): `with changed as (...), event as (${eventsFrom(...)}) select ...`. `payload` is a jsonb
 * expression over the rows of `source`; one event per row.
 */
export function eventsFrom(source: string, tenantId: unknown, topic: string, payload: RawBuilder<unknown>) {
  return sql`insert into gateway_events (tenant_id, topic, payload)
    select ${tenantId}, ${topic}, ${payload} from ${sql.table(source)}`;
}
