import { getNamedType, isNonNullType, isObjectType, type GraphQLInterfaceType, type GraphQLSchema } from 'graphql';
import { parseGlobalId } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { allPluginsUnlimited, seedEach } from './all-plugins';
import { collect, fieldProbes, nodeFieldProbes, rootFields, type FieldProbe } from './schema-walk';

/**
 * Proves the plugins' column needs field by field: every field of every type reachable from a root list,
 * and of every type `node(id:)` answers, selected ON ITS OWN with only the path that reaches it, by staff
 * and by storefront, over every plugin's demo data. A resolver that reads columns of another type's rows
 * (a variant's selectedOptions reads its options' names) gets rows with only that type's `always` columns
 * when the query selects nothing else of it; outside production reading a column not selected throws, so
 * a missing `otherTypes` declaration (resolvers/<plugin>/columns.ts) fails here, naming the field.
 *
 * Staff may read every type: any error fails. The storefront may be refused staff-only types
 * (FORBIDDEN, UNAUTHENTICATED); any other error fails.
 */

const { plugins, tenantsDir } = allPluginsUnlimited('maxDepth: 20');

const IDS_PER_TYPE = 3;
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

/** A missing declaration fails every probe of its field: the plugin's circuit must stay closed to name each one. */
const env = { PLUGIN_CIRCUIT_FAILURES: '1000000' };
/** One request per field of every type: minutes on a busy machine. */
const SLOW = 300_000;

// Every field of every type, each in its own request: minutes on a loaded machine.
jest.setTimeout(300_000);

describeEachDatabase('column needs cover every field on its own', { plugins, tenantsDir, env }, (get) => {
  let schema: GraphQLSchema;
  let staff: Auth;
  let storefront: Auth;
  const ids = new Set<string>();

  /** The errors of one probe, as `caller type.field: code message` (refusals of the storefront excepted). */
  async function failures(
    probe: FieldProbe,
    variables: Record<string, unknown> = {},
    callers: readonly ('staff' | 'storefront')[] = ['staff', 'storefront'],
  ) {
    const found: string[] = [];
    for (const caller of callers) {
      const headers = caller === 'staff' ? staff : storefront;
      const res = await get().graphql(probe.query, variables, headers);
      collect(res.body.data, ids, new Set());
      for (const error of res.body.errors ?? []) {
        const code = typeof error.extensions?.code === 'string' ? error.extensions.code : '';
        if (caller === 'storefront' && REFUSALS.has(code)) continue;
        found.push(`${caller} ${probe.type}.${probe.field}: ${code} ${error.message}`);
      }
    }
    return found;
  }

  beforeAll(async () => {
    const t = get();
    expect(await seedEach(t.gateway.runtime, t.gateway.composition.plugins)).toEqual([]);
    schema = t.gateway.composition.schema;
    staff = await t.admin('alpha');
    storefront = t.storefront('alpha');
  }, SLOW);

  it(
    'answers each field of every type a root list reaches, selected on its own',
    async () => {
      // Lists and argument-less roots: a lookup such as product(handle:) answers null when called without one.
      const lists = rootFields(schema, 'query').filter(
        (f) =>
          (f.args.length === 0 || f.args.some((a) => a.name === 'first')) &&
          f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined) &&
          isObjectType(getNamedType(f.type)) &&
          f.name !== 'gatewayStatus',
      );
      // From each root on its own: a type's rows come from different loaders and lists along each path.
      const probes = lists.flatMap((list) => fieldProbes([list], schema));
      expect(probes.map((p) => `${p.type}.${p.field}`)).toEqual(
        expect.arrayContaining([
          'ProductVariant.selectedOptions',
          'Product.availableForSale',
          'LineItem.originalTotal',
        ]),
      );
      const failed: string[] = [];
      for (const probe of probes) failed.push(...(await failures(probe)));
      expect(failed).toEqual([]);
      expect(ids.size).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'answers each field of every type node(id:) finds, selected on its own',
    async () => {
      // A few of each type: the first may lack what a field reads (a variant without options).
      const byType = new Map<string, string[]>();
      for (const id of ids) {
        const type = parseGlobalId(id)?.type;
        if (!type) continue;
        const some = byType.get(type) ?? [];
        if (some.length < IDS_PER_TYPE) byType.set(type, [...some, id]);
      }
      expect([...byType.keys()]).toEqual(expect.arrayContaining(['Product', 'ProductVariant', 'Order', 'Customer']));
      const failed: string[] = [];
      const nodeTypes = new Set(
        schema.getPossibleTypes(schema.getType('Node') as GraphQLInterfaceType).map((t) => t.name),
      );
      for (const [type, some] of byType) {
        if (!nodeTypes.has(type)) continue;
        for (const probe of nodeFieldProbes(schema, type)) {
          for (const id of some) failed.push(...(await failures(probe, { id })));
        }
      }
      expect(failed).toEqual([]);
    },
    SLOW,
  );

  it(
    'answers each field of a storefront cart with lines, selected on its own',
    async () => {
      const variantIds = [...ids].filter((id) => parseGlobalId(id)?.type === 'ProductVariant').slice(0, 2);
      expect(variantIds).toHaveLength(2);
      const created = await get().graphql<{ cartCreate: { cart: { id: string } | null } }>(
        'mutation($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { message } } }',
        { input: { lines: variantIds.map((merchandiseId) => ({ merchandiseId, quantity: 2 })) } },
        storefront,
      );
      const cartId = created.body.data?.cartCreate.cart?.id;
      expect({ cartId, errors: created.body.errors }).toEqual({ cartId: expect.any(String), errors: undefined });
      const cart = rootFields(schema, 'query').find((f) => f.name === 'cart');
      const probes = fieldProbes(cart ? [cart] : [], schema, { variables: '($id: ID!)', args: '(id: $id)' });
      expect(probes.map((p) => `${p.type}.${p.field}`)).toEqual(expect.arrayContaining(['CartLine.cost']));
      const failed: string[] = [];
      for (const probe of probes) failed.push(...(await failures(probe, { id: cartId }, ['storefront'])));
      expect(failed).toEqual([]);
    },
    SLOW,
  );
});
