import { allow, isAdmin, isOperator, or } from '../../src/sdk/graphql';

/** node/nodes are open: each type's fetcher applies that type's own read rule. */
export const permissions = {
  Query: {
    node: allow,
    nodes: allow,
    // A tenant's admin sees its own tenant; a platform operator every tenant (statusSeenBy).
    gatewayStatus: or(isAdmin, isOperator),
  },
};
