import { sql, type Kysely } from 'kysely';
import { newSigningSecret } from './signature';

/**
 * Creates the tenant's signing secret if it has none. Returns the new secret (shown to the caller once)
 * or null when one existed.
 */
export async function ensureSecret(trx: object, tenantId: string): Promise<string | null> {
  const { rows } = await sql<{ secret: string }>`
    insert into webhook_secrets (tenant_id, secret) values (${tenantId}, ${newSigningSecret()})
    on conflict (tenant_id) do nothing returning secret`.execute(trx as Kysely<unknown>);
  return rows[0]?.secret ?? null;
}

/** Replaces the tenant's signing secret; deliveries from now on are signed with the new one. */
export async function rotateSecret(trx: object, tenantId: string): Promise<string> {
  const { rows } = await sql<{ secret: string }>`
    insert into webhook_secrets (tenant_id, secret) values (${tenantId}, ${newSigningSecret()})
    on conflict (tenant_id) do update set secret = excluded.secret, created_at = now() returning secret`.execute(
    trx as Kysely<unknown>,
  );
  return rows[0].secret;
}
