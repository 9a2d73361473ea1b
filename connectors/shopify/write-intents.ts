import type { PluginRuntime } from '../../src/sdk';
import type { ShopifyDb } from './tables';

export interface WriteIntent {
  tenantId: string;
  /** `<request id>:<mutation>:<Shopify id>`: the same request retried has the same key. */
  key: string;
  mutation: string;
  externalId: string;
}

/**
 * `new`: this change was never sent, and is now claimed; `done`: Shopify accepted it before;
 * `pending`: an attempt with this key is under way, or stopped without knowing Shopify's answer.
 * Each step commits on its own (not in the request's transaction), so a request that fails after
 * Shopify answered still leaves its mark for the retry.
 */
export type IntentClaim = 'new' | 'done' | 'pending';

export async function claimIntent(runtime: PluginRuntime, intent: WriteIntent): Promise<IntentClaim> {
  return runtime.withTenant<ShopifyDb, IntentClaim>(intent.tenantId, async (trx) => {
    const inserted = await trx
      .insertInto('shopify_write_intents')
      .values({
        tenant_id: intent.tenantId,
        key: intent.key,
        mutation: intent.mutation,
        external_id: intent.externalId,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return 'new';
    const existing = await trx
      .selectFrom('shopify_write_intents')
      .select('status')
      .where('tenant_id', '=', intent.tenantId)
      .where('key', '=', intent.key)
      .executeTakeFirstOrThrow();
    return existing.status;
  });
}

/** Shopify accepted the change (and made `resultId`): a retry must not send it again. */
export function intentDone(runtime: PluginRuntime, intent: WriteIntent, resultId: string | null = null): Promise<void> {
  return runtime.withTenant<ShopifyDb, void>(intent.tenantId, async (trx) => {
    await trx
      .updateTable('shopify_write_intents')
      .set({ status: 'done', done_at: new Date(), result_id: resultId })
      .where('tenant_id', '=', intent.tenantId)
      .where('key', '=', intent.key)
      .execute();
  });
}

/** Shopify refused the change or never got it: a retry may send it. */
export function releaseIntent(runtime: PluginRuntime, intent: WriteIntent): Promise<void> {
  return runtime.withTenant<ShopifyDb, void>(intent.tenantId, async (trx) => {
    await trx
      .deleteFrom('shopify_write_intents')
      .where('tenant_id', '=', intent.tenantId)
      .where('key', '=', intent.key)
      .where('status', '=', 'pending')
      .execute();
  });
}

/** The intent's state, for a claim that found it: what Shopify made, and since when it is pending. */
export function intentOf(runtime: PluginRuntime, intent: WriteIntent) {
  return runtime.withTenant<ShopifyDb, { status: 'pending' | 'done'; resultId: string | null; createdAt: Date } | null>(
    intent.tenantId,
    async (trx) => {
      const row = await trx
        .selectFrom('shopify_write_intents')
        .select(['status', 'result_id', 'created_at'])
        .where('tenant_id', '=', intent.tenantId)
        .where('key', '=', intent.key)
        .executeTakeFirst();
      return row ? { status: row.status, resultId: row.result_id, createdAt: new Date(row.created_at) } : null;
    },
  );
}

/** Takes over an intent whose attempt died before Shopify answered (and made nothing there). */
export function restartIntent(runtime: PluginRuntime, intent: WriteIntent): Promise<void> {
  return runtime.withTenant<ShopifyDb, void>(intent.tenantId, async (trx) => {
    await trx
      .updateTable('shopify_write_intents')
      .set({ created_at: new Date() })
      .where('tenant_id', '=', intent.tenantId)
      .where('key', '=', intent.key)
      .where('status', '=', 'pending')
      .execute();
  });
}
