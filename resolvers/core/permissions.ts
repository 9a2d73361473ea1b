import { allow, isAdmin } from '../../src/sdk/graphql';

/** node/nodes are open: each type's fetcher applies that type's own read rule. */
export const permissions = {
  Query: {
    node: allow,
    nodes: allow,
    gatewayStatus: isAdmin,
  },
};
