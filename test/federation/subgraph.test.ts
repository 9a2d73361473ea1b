import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { projectRoot } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { roomyTenants, seedDemo } from '../domain/catalog-kit';
import { FEDERATED_PLUGINS } from './federation-kit';

const REVIEWS_SDL = readFileSync(join(projectRoot(), 'examples', 'subgraphs', 'reviews', 'schema.graphql'), 'utf8');

describeEachDatabase(
  'the gateway as an Apollo Federation v2 subgraph (FEDERATION_SUBGRAPH=true)',
  { plugins: FEDERATED_PLUGINS, tenantsDir: roomyTenants(FEDERATED_PLUGINS), env: { FEDERATION_SUBGRAPH: 'true' } },
  (get) => {
    beforeAll(() => seedDemo(get()));

    const ourSdl = async () => {
      const t = get();
      const res = await t.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`, {}, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      return res.body.data!._service.sdl;
    };

    it('answers { _service { sdl } } with our entities keyed by id', async () => {
      const sdl = await ourSdl();
      expect(sdl).toMatch(/type Product implements Node @key\(fields: "id"\)/);
      expect(sdl).toMatch(/type Collection implements Node @key\(fields: "id"\)/);
      expect(sdl).not.toMatch(/_entities|_service/);
    });

    it('composes with the reviews subgraph into one supergraph', async () => {
      const result = composeServices([
        { name: 'gateway', url: 'http://gateway/graphql', typeDefs: parse(await ourSdl()) },
        { name: 'reviews', url: 'http://reviews/graphql', typeDefs: parse(REVIEWS_SDL) },
      ]);
      expect(result.errors).toBeUndefined();
      expect(result.supergraphSdl).toMatch(/type Product[^{]*@join__type\(graph: GATEWAY, key: "id"\)/);
      expect(result.supergraphSdl).toMatch(/rating: Float @join__field\(graph: REVIEWS\)/);
      // Our entities are shareable: the reviews subgraph provides Product.availableForSale on Review.product.
      expect(result.supergraphSdl).toMatch(
        /product: Product! @join__field\(graph: REVIEWS, provides: "availableForSale"\)/,
      );
    });

    it('resolves an entity through _entities as node(id:) would, for the caller only', async () => {
      const t = get();
      const page = await t.graphql<{ products: { nodes: { id: string; title: string }[] } }>(
        `{ products(first: 1) { nodes { id title } } }`,
        {},
        t.storefront('alpha'),
      );
      const product = page.body.data!.products.nodes[0];
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id title } } }`;
      const representations = [
        { __typename: 'Product', id: product.id },
        { __typename: 'Collection', id: product.id },
      ];
      const res = await t.graphql(query, { r: representations }, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual({ _entities: [product, null] });
      // Another tenant's caller reads the same id as absent.
      const beta = await t.graphql(query, { r: representations.slice(0, 1) }, t.storefront('beta'));
      expect(beta.body.data).toEqual({ _entities: [null] });
    });
  },
);
