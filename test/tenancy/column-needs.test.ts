import { getNamedType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { parseGlobalId } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { allPluginsUnlimited, seedEach } from './all-plugins';
import { collect, operationFor, rootFields, selectionOf } from './schema-walk';

/**
 * Proves the plugins' column needs: every root list and every node type, queried with every field down
 * to a depth, by staff and storefront, over every plugin's demo data. Loaders select only the columns
 * the query reads, and outside production a resolver reading a column that was not selected throws:
 * an INTERNAL_SERVER_ERROR at a path names the field whose declaration (resolvers/<plugin>/columns.ts)
 * is missing a column.
 */
const { plugins, tenantsDir } = allPluginsUnlimited('maxDepth: 20');

const DEPTH = 5;

describeEachDatabase('column needs cover every field', { plugins, tenantsDir }, (get) => {
  let schema: GraphQLSchema;
  let callers: Auth[];
  const ids = new Set<string>();

  /** Internal errors of a query, by path: each is a column a resolver read without it being selected. */
  async function internalErrors(query: string, variables: Record<string, unknown> = {}) {
    const found: string[] = [];
    for (const headers of callers) {
      const res = await get().graphql(query, variables, headers);
      collect(res.body.data, ids, new Set());
      for (const error of res.body.errors ?? []) {
        if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') found.push((error.path ?? []).join('.'));
      }
    }
    return found;
  }

  beforeAll(async () => {
    const t = get();
    expect(await seedEach(t.gateway.runtime, t.gateway.composition.plugins)).toEqual([]);
    schema = t.gateway.composition.schema;
    callers = [await t.admin('alpha'), t.storefront('alpha')];
  });

  it('answers every root list (called without arguments) with every field selected', async () => {
    const lists = rootFields(schema, 'query').filter(
      (f) =>
        f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined) &&
        isObjectType(getNamedType(f.type)) &&
        f.name !== 'gatewayStatus',
    );
    expect(lists.length).toBeGreaterThan(3);
    for (const field of lists) {
      const query = operationFor('query', field, [], DEPTH);
      expect({ query, failed: await internalErrors(query) }).toEqual({ query, failed: [] });
    }
    expect(ids.size).toBeGreaterThan(0);
  });

  it('answers node(id:) of every type listed, with every field selected', async () => {
    const byType = new Map<string, string>();
    for (const id of ids) {
      const type = parseGlobalId(id)?.type;
      if (type && !byType.has(type)) byType.set(type, id);
    }
    expect([...byType.keys()]).toEqual(expect.arrayContaining(['Product', 'ProductVariant', 'Order', 'Customer']));
    for (const [type, id] of byType) {
      const objectType = schema.getType(type);
      if (!isObjectType(objectType)) continue;
      const query = `query($id: ID!) { node(id: $id) { ... on ${type} ${selectionOf(objectType, DEPTH - 1)} } }`;
      expect({ type, failed: await internalErrors(query, { id }) }).toEqual({ type, failed: [] });
    }
  });
});
