import { encodeGlobalId, localIdOf, type GatewayContext } from '../../src/sdk';
import { privacyRequest } from '../../connectors/customers/privacy';
import type { MutationCustomerDataExportArgs, MutationCustomerEraseArgs } from '../generated/resolvers-types';

const requester = (ctx: GatewayContext) => `admin:${ctx.principal.subject}`;

/** Staff's privacy requests; the Shopify privacy topics take the same path (runtime.personalData). */
export const privacyMutations = {
  customerDataExport: async (_: unknown, args: MutationCustomerDataExportArgs, ctx: GatewayContext) => {
    const id = localIdOf(args.customerId, 'Customer');
    const result = await privacyRequest(ctx.db, ctx.tenant, ctx.personalData, 'export', id, requester(ctx));
    return { json: result.data ? JSON.stringify(result.data) : null, userErrors: result.userErrors };
  },
  customerErase: async (_: unknown, args: MutationCustomerEraseArgs, ctx: GatewayContext) => {
    const id = localIdOf(args.customerId, 'Customer');
    const result = await privacyRequest(ctx.db, ctx.tenant, ctx.personalData, 'erase', id, requester(ctx));
    if (id) ctx.loaders.customerById.clear(id);
    const customerId = result.customerId ? encodeGlobalId('Customer', result.customerId) : null;
    return { customerId, userErrors: result.userErrors };
  },
};
