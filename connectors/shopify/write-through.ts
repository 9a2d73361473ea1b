import type { PluginRuntime, UserError, WriteThroughCall } from '../../src/sdk';
import type { AdminClient } from './admin-client';
import type { ShopifyDb, ShopifyTrx } from './tables';
import { writeClient } from './write-client';
import { claimIntent, intentDone, releaseIntent, type WriteIntent } from './write-intents';
import { mapUserErrors, type ShopifyUserError } from './write-user-errors';

/**
 * Reads of a write-through run outside the request's transaction, as the write intents do: the
 * embedded database has one connection, which the request holds once it has sent a statement, so
 * everything before Shopify's answer happens before the request's first statement.
 */
export type ReadOutside = <T>(fn: (trx: ShopifyTrx) => Promise<T>) => Promise<T>;

/** One mutation sent to Shopify on behalf of one of ours. */
export interface ShopifyWrite {
  /** The Admin API document; its root field's payload has `userErrors` (or `userErrorsKey`). */
  document: string;
  /**
   * The document's variables, or a function reading Shopify first (after the intent is claimed) to
   * make them (fulfillment orders before a fulfilment); its userErrors refuse the change.
   */
  variables: Record<string, unknown> | ((admin: AdminClient) => Promise<Record<string, unknown> | UserError[]>);
  /** The root field of the document. */
  root: string;
  userErrorsKey?: string;
  /** Shopify's input path -> ours (undefined: the record's own field). */
  field: (path: readonly string[]) => string[] | undefined;
  /** Writes Shopify's answer into our tables, in the request's transaction. */
  apply(trx: ShopifyTrx, tenantId: string, payload: Record<string, unknown>, admin: AdminClient): Promise<void>;
}

/**
 * Sends one change to Shopify, then copies its answer into our tables; never twice for one request.
 * 1. A write intent keyed by the request (its X-Request-Id), the mutation and the record is committed
 *    first: a retry of the same request finds it and does not call Shopify again.
 * 2. Shopify refuses (userErrors) or cannot be reached (UPSTREAM_*): the intent is dropped, nothing
 *    changed here, the client may retry.
 * 3. Shopify accepts: the intent is marked done, then our copy is written from Shopify's answer in the
 *    request's transaction. If that write fails, the request fails, Shopify keeps the change, and the
 *    webhook Shopify sends for it (or the next incremental sync) writes our copy.
 */
export async function throughShopify(
  runtime: PluginRuntime,
  call: WriteThroughCall,
  write: ShopifyWrite,
): Promise<UserError[]> {
  const { ctx, change, externalId } = call;
  const intent: WriteIntent = {
    tenantId: ctx.tenant.id,
    key: `${ctx.requestId}:${change.mutation}:${externalId}`,
    mutation: change.mutation,
    externalId,
  };
  const claim = await claimIntent(runtime, intent);
  if (claim === 'done') return [];
  if (claim === 'pending') {
    return [{ field: change.field, code: 'NOT_ALLOWED', message: 'This request is already being sent to Shopify' }];
  }
  const admin = writeClient(ctx.tenant);
  let payload: Record<string, unknown>;
  try {
    const variables = typeof write.variables === 'function' ? await write.variables(admin) : write.variables;
    if (Array.isArray(variables)) {
      await releaseIntent(runtime, intent);
      return variables;
    }
    const data = await admin.query<Record<string, Record<string, unknown> | null>>(write.document, variables);
    payload = data[write.root] ?? {};
  } catch (error) {
    await releaseIntent(runtime, intent);
    throw error;
  }
  const refused = (payload[write.userErrorsKey ?? 'userErrors'] ?? []) as ShopifyUserError[];
  if (refused.length > 0) {
    await releaseIntent(runtime, intent);
    return mapUserErrors(refused, write.field, change.field);
  }
  await intentDone(runtime, intent);
  await ctx.db.atomic<ShopifyDb, void>((trx) => write.apply(trx, ctx.tenant.id, payload, admin));
  return [];
}
