import { defineRemotePlugin } from '../../../src/sdk';
import { publicRead } from '../../../src/sdk/graphql';

/**
 * The content service (plain GraphQL, no federation) as a connector: its pages as root fields, and
 * `Collection.banner` read through its `bannersForCollections(ids:)`, once per query level.
 */
export const plugin = defineRemotePlugin({
  name: 'content',
  version: '1.0.0',
  dependsOn: ['catalog'],
  remote: {
    url: process.env.CONTENT_URL ?? 'http://127.0.0.1:4002/graphql',
    kind: 'graphql',
    links: { 'Collection.banner': { field: 'bannersForCollections', argument: 'ids' } },
  },
  permissions: {
    Query: { pages: publicRead('read_products'), page: publicRead('read_products') },
    Collection: { banner: publicRead('read_products') },
  },
});
