import type { Kysely } from 'kysely';
import { encodeGlobalId, localIdOf, type GatewayContext, type UserError } from '../../src/sdk';
import type { AddressPolicy } from '../../connectors/webhooks/address-policy';
import { callbackUrlProblem } from '../../connectors/webhooks/callback-url';
import { retryDelivery } from '../../connectors/webhooks/deliveries';
import { ensureSecret, rotateSecret } from '../../connectors/webhooks/secrets';
import { deleteSubscription, insertSubscription, updateSubscription } from '../../connectors/webhooks/subscriptions';
import type { WebhookTables } from '../../connectors/webhooks/tables';

type Trx = Kysely<WebhookTables>;
interface SubscriptionInput {
  /** A URL object: the URL scalar parses it. */
  callbackUrl: URL | string;
  format?: string | null;
}

const UNIQUE_VIOLATION = '23505';
const refused = (field: string[], code: UserError['code'], message: string) => ({
  webhookSubscription: null,
  signingSecret: null,
  userErrors: [{ field, code, message }],
});

/** The admin mutations, checking callback URLs against the delivery policy. */
export function webhookMutations(policy: AddressPolicy) {
  const urlErrors = (input: SubscriptionInput) => {
    const problem = callbackUrlProblem(String(input.callbackUrl), policy);
    return problem ? refused(['webhookSubscription', 'callbackUrl'], 'INVALID', problem) : null;
  };
  return {
    webhookSubscriptionCreate: async (
      _: unknown,
      args: { topic: string; webhookSubscription: SubscriptionInput },
      ctx: GatewayContext,
    ) => {
      const bad = urlErrors(args.webhookSubscription);
      if (bad) return bad;
      try {
        return await ctx.db.atomic(async (trx: Trx) => {
          const t = ctx.db.tenantId;
          const row = await insertSubscription(trx, t, args.topic, String(args.webhookSubscription.callbackUrl));
          return { webhookSubscription: row, signingSecret: await ensureSecret(trx, t), userErrors: [] };
        });
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        return refused(['webhookSubscription', 'callbackUrl'], 'TAKEN', 'This URL is already subscribed to the topic');
      }
    },
    webhookSubscriptionUpdate: async (
      _: unknown,
      args: { id: string; webhookSubscription: SubscriptionInput },
      ctx: GatewayContext,
    ) => {
      const bad = urlErrors(args.webhookSubscription);
      if (bad) return bad;
      const id = localIdOf(args.id, 'WebhookSubscription');
      const row = id
        ? await ctx.db.atomic((trx: Trx) =>
            updateSubscription(trx, ctx.db.tenantId, id, String(args.webhookSubscription.callbackUrl)),
          )
        : undefined;
      if (!row) return refused(['id'], 'NOT_FOUND', 'Webhook subscription not found');
      return { webhookSubscription: row, signingSecret: null, userErrors: [] };
    },
    webhookSubscriptionDelete: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'WebhookSubscription');
      const deleted = id ? await ctx.db.atomic((trx: Trx) => deleteSubscription(trx, ctx.db.tenantId, id)) : false;
      if (!deleted) {
        const userErrors = [{ field: ['id'], code: 'NOT_FOUND', message: 'Webhook subscription not found' }];
        return { deletedWebhookSubscriptionId: null, userErrors };
      }
      return { deletedWebhookSubscriptionId: encodeGlobalId('WebhookSubscription', id!), userErrors: [] };
    },
    webhookSigningSecretRotate: async (_: unknown, __: unknown, ctx: GatewayContext) => ({
      signingSecret: await ctx.db.atomic((trx: Trx) => rotateSecret(trx, ctx.db.tenantId)),
      userErrors: [],
    }),
    webhookDeliveryRetry: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'WebhookDelivery');
      const row = id ? await ctx.db.atomic((trx: Trx) => retryDelivery(trx, ctx.db.tenantId, id)) : undefined;
      if (!row) {
        const userErrors = [
          { field: ['id'], code: 'NOT_FOUND', message: 'No delivery to retry (absent or in flight)' },
        ];
        return { webhookDelivery: null, userErrors };
      }
      return { webhookDelivery: row, userErrors: [] };
    },
  };
}
