import type { GatewayContext } from '../../src/sdk';
import type { ResolversParentTypes } from '../../src/generated/resolvers-types';

type NodeType = 'Customer' | 'Product' | 'ProductVariant';

/**
 * A node of another plugin through its node fetcher (which applies that plugin's read rule). The
 * fetcher answers the type's row (its mapper in codegen.yml); the SDK's `loadNodeOf` can't name it.
 */
export const nodeOf = <T extends NodeType>(ctx: GatewayContext, type: T, id: string) =>
  ctx.loadNodeOf(type, id) as Promise<ResolversParentTypes[T] | null>;
