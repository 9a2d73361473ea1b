import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../sdk';

/**
 * A storefront query whose root fields are all public catalog reads: the same for every storefront
 * caller of a tenant. Admin answers depend on scopes and are never cached.
 */
export function isCacheable(
  ctx: GatewayContext,
  operation: OperationDefinitionNode,
  fields: ReadonlySet<string>,
): boolean {
  if (ctx.principal.kind !== 'storefront' || operation.operation !== OperationTypeNode.QUERY) return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || fields.has(s.name.value)),
  );
}
