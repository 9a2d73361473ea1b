import type { WriteThroughCall } from '../../src/sdk';
import { toCollection } from './map-graphql';
import { upsertCollections } from './upsert-products';
import type { ShopifyWrite } from './write-through';
import { renamed } from './write-user-errors';

type Input = Record<string, unknown>;

const given = (entries: Input): Input =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null));

export function collectionUpdate(call: WriteThroughCall): ShopifyWrite {
  const input = call.change.args.input as Input;
  return {
    document: `mutation CollectionUpdate($input: CollectionInput!) {
      collectionUpdate(input: $input) { collection { id title handle updatedAt } userErrors { field message } } }`,
    variables: {
      input: given({
        id: call.externalId,
        title: input.title,
        handle: input.handle,
        descriptionHtml: input.description,
      }),
    },
    root: 'collectionUpdate',
    field: renamed('input', { descriptionHtml: ['description'] }),
    async apply(trx, tenantId, payload) {
      await upsertCollections(trx, tenantId, [toCollection(payload.collection as Input)]);
    },
  };
}
