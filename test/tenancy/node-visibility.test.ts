import { getNamedType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { allPluginsUnlimited, seedEach } from './all-plugins';
import { rootFields } from './schema-walk';

/**
 * `node(id:)` must answer as a type's root fields do: for every plugin's node type and every kind of caller
 * (storefront, staff without a scope, staff with every scope, staff lacking each one), a caller the list
 * field refuses gets null for that type's ids, and a caller it serves finds each listed row through
 * `node(id:)` too. Generated from the composed plugins, so a new node type is covered when it arrives.
 */
const { plugins, tenantsDir } = allPluginsUnlimited();
jest.setTimeout(120_000);

type Field = GraphQLField<unknown, unknown>;
const SAMPLE = 3;
/** Node types the demo data must cover, so the suite can never pass by checking nothing. */
const MUST_CHECK = ['Product', 'Collection', 'Order', 'Customer', 'Location'];

/** Query fields that list `type` (directly or as a connection's `nodes`) and need no argument. */
function listFieldsOf(schema: GraphQLSchema, type: string): Field[] {
  return rootFields(schema, 'query').filter((field) => {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return false;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return false;
    const nodes = named.getFields().nodes;
    return nodes !== undefined && getNamedType(nodes.type).name === type;
  });
}

/** Query fields that return one `type` by a required `id`. */
const singleFieldsOf = (schema: GraphQLSchema, type: string): Field[] =>
  rootFields(schema, 'query').filter(
    (field) => getNamedType(field.type).name === type && field.args.some((a) => a.name === 'id'),
  );

describeEachDatabase('node(id:) visibility follows the root fields', { plugins, tenantsDir }, (get) => {
  let schema: GraphQLSchema;
  let nodeTypes: string[] = [];
  const callers = new Map<string, Auth>();

  beforeAll(async () => {
    const t = get();
    expect(await seedEach(t.gateway.runtime, t.gateway.composition.plugins)).toEqual([]);
    schema = t.gateway.composition.schema;
    nodeTypes = t.gateway.composition.plugins.flatMap((p) => Object.keys(p.nodes ?? {}));
    const scopes = [...t.gateway.registry.adminScopes];
    callers.set('storefront', t.storefront('alpha'));
    callers.set('staff without scopes', await t.admin('alpha', { scopes: [] }));
    callers.set('staff with every scope', await t.admin('alpha', { scopes }));
    for (const lacking of scopes) {
      callers.set(`staff without ${lacking}`, await t.admin('alpha', { scopes: scopes.filter((s) => s !== lacking) }));
    }
  });

  /** The ids a list field gives the caller, or 'FORBIDDEN'. */
  async function listed(t: TestGateway, field: Field, auth: Auth): Promise<string[] | 'FORBIDDEN'> {
    const size = field.args.some((a) => a.name === 'first') ? `(first: ${SAMPLE})` : '';
    const res = await t.graphql<Record<string, { nodes: { id: string }[] }>>(
      `{ ${field.name}${size} { nodes { id } } }`,
      {},
      auth,
    );
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    if (codes.includes('FORBIDDEN')) return 'FORBIDDEN';
    expect({ field: field.name, codes }).toEqual({ field: field.name, codes: [] });
    return res.body.data![field.name].nodes.map((n) => n.id).slice(0, SAMPLE);
  }

  /** What `node(id:)` answers for each id: the id when it found the row, else null. */
  async function viaNode(t: TestGateway, ids: string[], auth: Auth): Promise<(string | null)[]> {
    const query = `{ ${ids.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`;
    const res = await t.graphql<Record<string, { id: string } | null>>(query, {}, auth);
    expect(res.body.errors).toBeUndefined();
    return ids.map((_, i) => res.body.data![`n${i}`]?.id ?? null);
  }

  /** The error code of a single-object field, or ABSENT when it answered null without one. */
  async function singleCode(t: TestGateway, field: Field, id: string, auth: Auth) {
    const res = await t.graphql<Record<string, unknown>>(
      `query($id: ID!) { ${field.name}(id: $id) { id } }`,
      { id },
      auth,
    );
    const code = res.body.errors?.[0]?.extensions?.code ?? null;
    return code === null && res.body.data?.[field.name] === null ? 'ABSENT' : code;
  }

  it('hides a node from exactly the callers its root fields refuse', async () => {
    const t = get();
    const checked = new Map<string, { served: number; refused: number }>();
    for (const type of nodeTypes) {
      const lists = listFieldsOf(schema, type);
      if (lists.length === 0) continue;
      const everything = await listed(t, lists[0], callers.get('staff with every scope')!);
      if (everything === 'FORBIDDEN' || everything.length === 0) continue;
      const tally = { served: 0, refused: 0 };
      for (const [who, auth] of callers) {
        const own = await listed(t, lists[0], auth);
        const singles = singleFieldsOf(schema, type);
        if (own === 'FORBIDDEN') {
          tally.refused++;
          expect({ type, who, node: await viaNode(t, everything, auth) }).toEqual({
            type,
            who,
            node: everything.map(() => null),
          });
          for (const field of lists.slice(1))
            expect({ who, field: field.name, got: await listed(t, field, auth) }).toEqual({
              who,
              field: field.name,
              got: 'FORBIDDEN',
            });
          // Refused, or answered as absent: a storefront's `customer` is its signed-in shopper, never this row.
          for (const field of singles) {
            const code = await singleCode(t, field, everything[0], auth);
            expect({ who, field: field.name, refused: code === 'FORBIDDEN' || code === 'ABSENT' }).toEqual({
              who,
              field: field.name,
              refused: true,
            });
          }
        } else if (own.length > 0) {
          tally.served++;
          expect({ type, who, node: await viaNode(t, own, auth) }).toEqual({ type, who, node: own });
          for (const field of singles)
            expect({ who, field: field.name, code: await singleCode(t, field, own[0], auth) }).toEqual({
              who,
              field: field.name,
              code: null,
            });
        }
      }
      checked.set(type, tally);
    }
    // Every covered type was both served to someone and refused to someone: the comparison had both sides.
    for (const type of MUST_CHECK) {
      expect({ type, served: checked.get(type)?.served, refused: (checked.get(type)?.refused ?? 0) > 0 }).toEqual({
        type,
        served: expect.any(Number),
        refused: true,
      });
    }
    for (const [type, tally] of checked) expect({ type, served: tally.served > 0 }).toEqual({ type, served: true });
  });
});
