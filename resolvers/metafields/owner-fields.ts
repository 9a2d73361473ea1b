import { GatewayError, type GatewayContext } from '../../src/sdk';
import { namespaceOf } from '../../connectors/metafields/identifiers';
import type { MetafieldRow, OwnerType } from '../../connectors/metafields/tables';

/** At most this many identifiers per `metafields(identifiers:)`. */
const MAX_IDENTIFIERS = 250;

interface Identifier {
  namespace?: string | null;
  key: string;
}

/** The owner's metafields this caller may read: storefronts only those a definition makes PUBLIC_READ. */
async function visibleOf(ctx: GatewayContext, type: OwnerType, ownerId: string): Promise<MetafieldRow[]> {
  const rows = await ctx.loaders.metafieldsByOwner.load(`${type}:${ownerId}`);
  return ctx.principal.kind === 'storefront' ? rows.filter((r) => r.storefront_visible) : rows;
}

const find = (rows: readonly MetafieldRow[], id: Identifier) =>
  rows.find((r) => r.namespace === namespaceOf(id.namespace) && r.key === id.key) ?? null;

/** `metafield` and `metafields` of one owner type, reading the owner row's id only. */
export function ownerFields(type: OwnerType) {
  return {
    metafield: async (owner: { id: string }, args: Identifier, ctx: GatewayContext) =>
      find(await visibleOf(ctx, type, owner.id), args),
    metafields: async (owner: { id: string }, args: { identifiers: readonly Identifier[] }, ctx: GatewayContext) => {
      if (args.identifiers.length > MAX_IDENTIFIERS) {
        throw new GatewayError('BAD_USER_INPUT', `At most ${MAX_IDENTIFIERS} identifiers`, {
          argument: 'identifiers',
        });
      }
      const rows = await visibleOf(ctx, type, owner.id);
      return args.identifiers.map((id) => find(rows, id));
    },
  };
}
