/** The GraphQL-facing half of the SDK, for resolvers/ only (connectors never import graphql). */
export * from './access';
export * from './rules';
