import { getNamedType, isLeafType, isNonNullType, type GraphQLSchema } from 'graphql';
import { parseGlobalId, type PluginRuntime } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { allPluginsUnlimited, NOTES_PLUGIN, seedEach } from './all-plugins';
import {
  contributionsOf,
  contributionProbes,
  rootContributions,
  valuesAt,
  type ContributionProbe,
  type Contributions,
} from './plugin-walk';
import { collect, operationFor, rootFields, sampleValue, argsToPass } from './schema-walk';
import { storefrontToken, writeTenant } from './tenant-files';

/**
 * Generated from the composition: for every plugin, a tenant that enables every other plugin (and whose
 * data was written while it had them all) selects each field the plugin contributes, through a path that
 * another plugin's root field or node(id:) opens. The field must be absent with PLUGIN_DISABLED at its
 * path, the rest of the answer standing; the same query by a tenant with every plugin answers it.
 */
const { plugins, tenantsDir } = allPluginsUnlimited('maxDepth: 20');
const LIMITS = { maxDepth: 20, maxCost: 100000, rateBucketSize: 1000000, rateRestorePerSecond: 100000 };
const PLUGIN_NAMES = plugins.map((p) => (p === NOTES_PLUGIN ? 'tenancy-notes' : p)).filter((n) => n !== 'core');
const without = (plugin: string) => `without-${plugin}`;
for (const plugin of PLUGIN_NAMES) {
  writeTenant(tenantsDir, without(plugin), { plugins: PLUGIN_NAMES.filter((n) => n !== plugin), limits: LIMITS });
}
/** The tenant with every plugin. */
const FULL = 'alpha';

/** A missing check fails every probe of its field: keep every circuit closed to name each one. */
const env = { PLUGIN_CIRCUIT_FAILURES: '1000000' };
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
/** Seeding nine shops and a few hundred requests: more than the default timeout on a busy machine. */
const SLOW = 300_000;
type Role = 'admin' | 'storefront';
type Body = Awaited<ReturnType<TestGateway['graphql']>>['body'];

const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);
const keysOf = (path: readonly unknown[] | undefined) => (path ?? []).filter((k) => typeof k === 'string');
const isObject = (v: unknown) => !!v && typeof v === 'object';

describeEachDatabase('a disabled plugin closes every field it contributes', { plugins, tenantsDir, env }, (get) => {
  let schema: GraphQLSchema;
  let contributions: Contributions;
  const auth = new Map<string, Record<Role, Auth>>();
  const ids = new Map<string, Map<string, string>>();

  const call = (tenant: string, role: Role, query: string, variables: Record<string, unknown> = {}) =>
    get().graphql(query, variables, auth.get(tenant)![role]);

  beforeAll(async () => {
    const t = get();
    schema = t.gateway.composition.schema;
    contributions = contributionsOf(t.gateway.composition.plugins);
    const tenants = [FULL, ...PLUGIN_NAMES.map(without)];
    // Each shop's data is written as if it had every plugin: it switched one off later.
    const runtime: PluginRuntime = {
      ...t.gateway.runtime,
      tenants: () =>
        t.gateway.runtime
          .tenants()
          .filter((tenant) => tenants.includes(tenant.id))
          .map((tenant) => ({ ...tenant, plugins: new Set(['core', ...PLUGIN_NAMES]) })),
    };
    expect(await seedEach(runtime, t.gateway.composition.plugins)).toEqual([]);
    for (const tenant of tenants) {
      auth.set(tenant, { admin: await t.admin(tenant), storefront: { 'x-storefront-token': tokenOf(tenant) } });
      // One ID of each type the tenant can list, for the node(id:) paths.
      const found = new Set<string>();
      for (const field of rootFields(schema, 'query').filter((f) => f.args.every((a) => !isNonNullType(a.type)))) {
        if (isLeafType(getNamedType(field.type)) || field.name === 'gatewayStatus') continue;
        collect((await call(tenant, 'admin', operationFor('query', field, [], 4))).body.data, found, new Set());
      }
      const byType = new Map<string, string>();
      for (const id of found) byType.set(parseGlobalId(id)?.type ?? '', id);
      ids.set(tenant, byType);
    }
  }, SLOW);

  const tokenOf = (tenant: string) =>
    tenant === FULL ? get().storefront(FULL)['x-storefront-token'] : storefrontToken(tenant);

  /** Problems of one probe by one role; `reached` false when the role's path finds nothing to select. */
  async function check(probe: ContributionProbe, role: Role): Promise<{ reached: boolean; problems: string[] }> {
    const keys = probe.steps.map((s) => s.field);
    const label = `${role} ${probe.coordinate} via ${keys.join('.')}`;
    const variablesOf = (tenant: string) => {
      if (!probe.nodeType) return {};
      const id = ids.get(tenant)!.get(probe.nodeType);
      if (!id) throw new Error(`${label}: ${tenant} has no ${probe.nodeType}`);
      return { id };
    };
    const enabled = (await call(FULL, role, probe.query, variablesOf(FULL))).body;
    const parents = valuesAt(enabled.data, keys.slice(0, -1)).filter(isObject) as Record<string, unknown>[];
    const reached = parents.some((p) => keys[keys.length - 1] in p);
    const refused = codes(enabled).every((c) => REFUSALS.has(c as string));
    if (role === 'storefront' && (!reached || !refused)) return { reached: false, problems: [] };
    const problems: string[] = [];
    if (!reached) problems.push(`${label}: with ${probe.plugin} enabled, the path reaches no ${probe.coordinate}`);
    if (role === 'admin' && enabled.errors)
      problems.push(`${label}: with ${probe.plugin} enabled: ${codes(enabled).join(', ')}`);

    const disabled = (await call(without(probe.plugin), role, probe.query, variablesOf(without(probe.plugin)))).body;
    const errors = disabled.errors ?? [];
    if (!errors.length) problems.push(`${label}: no error with ${probe.plugin} disabled`);
    for (const error of errors) {
      const at = keysOf(error.path);
      const onPath = at.length > probe.entry && at.every((k, i) => k === keys[i]);
      if (error.extensions?.code !== 'PLUGIN_DISABLED' || !onPath)
        problems.push(`${label}: ${String(error.extensions?.code)} at ${at.join('.')}`);
    }
    if (valuesAt(disabled.data, keys).some((v) => v !== null && v !== undefined))
      problems.push(`${label}: answered with ${probe.plugin} disabled`);
    // What stands: the objects holding the first field of the plugin, and the root.
    const holders = valuesAt(disabled.data, keys.slice(0, probe.entry)).filter(isObject) as Record<string, unknown>[];
    if (!holders.length || !holders.every((h) => typeof h.__typename === 'string'))
      problems.push(`${label}: the rest of the answer fell with it: ${JSON.stringify(disabled.data)}`);
    return { reached: true, problems };
  }

  it(
    'closes the fields each plugin adds to other types, and its types other plugins reach',
    async () => {
      const problems: string[] = [];
      const covered = new Map<string, Set<string>>();
      for (const plugin of PLUGIN_NAMES) {
        for (const probe of contributionProbes(schema, contributions, plugin)) {
          for (const role of ['admin', 'storefront'] as const) {
            const outcome = await check(probe, role);
            problems.push(...outcome.problems);
            if (outcome.reached)
              covered.set(`${role} ${plugin}`, (covered.get(`${role} ${plugin}`) ?? new Set()).add(probe.coordinate));
          }
        }
      }
      expect(problems).toEqual([]);
      // The walk is not vacuous: the fields the issue names, and each plugin's crossings, were reached.
      expect([...(covered.get('admin inventory') ?? [])]).toEqual(
        expect.arrayContaining([
          'ProductVariant.quantityAvailable',
          'ProductVariant.inventoryLevels',
          'InventoryLevel.available',
        ]),
      );
      expect([...(covered.get('admin shopify') ?? [])]).toEqual(
        expect.arrayContaining([
          'Product.shopifyId',
          'ProductVariant.shopifyId',
          'Order.shopifyId',
          'Customer.shopifyId',
        ]),
      );
      expect([...(covered.get('admin catalog') ?? [])]).toEqual(
        expect.arrayContaining(['ProductVariant.title', 'Product.title']),
      );
      expect([...(covered.get('admin customers') ?? [])]).toEqual(expect.arrayContaining(['Customer.email']));
      expect([...(covered.get('admin orders') ?? [])]).toEqual(
        expect.arrayContaining(['Customer.orders', 'Order.name']),
      );
      expect([...(covered.get('storefront inventory') ?? [])]).toEqual(
        expect.arrayContaining(['ProductVariant.quantityAvailable']),
      );
      expect([...(covered.get('storefront shopify') ?? [])]).toEqual(expect.arrayContaining(['Product.shopifyId']));
    },
    SLOW,
  );

  it(
    "closes each plugin's root fields, before any rule, and leaves the rest of the answer",
    async () => {
      const problems: string[] = [];
      for (const plugin of PLUGIN_NAMES) {
        for (const { kind, field } of rootContributions(schema, contributions, plugin)) {
          const op = kind === 'Query' ? 'query' : 'mutation';
          const query = operationFor(op, field, argsToPass(field), 1).replace('{', '{ __typename');
          const variables = Object.fromEntries(
            argsToPass(field).map((a) => [a.name, sampleValue(a.type, [a.name], () => 'x')]),
          );
          for (const role of ['admin', 'storefront'] as const) {
            const label = `${role} ${kind}.${field.name}`;
            const enabled = await call(FULL, role, query, variables);
            if (codes(enabled.body).includes('PLUGIN_DISABLED')) problems.push(`${label}: disabled for ${FULL}`);
            const disabled = await call(without(plugin), role, query, variables);
            const errors = disabled.body.errors ?? [];
            const ok =
              errors.length === 1 &&
              errors[0].extensions?.code === 'PLUGIN_DISABLED' &&
              keysOf(errors[0].path).join('.') === field.name;
            // A non-null root field takes `data` with it, as any failing non-null root field does.
            const stands = isNonNullType(field.type)
              ? disabled.body.data === null
              : disabled.body.data?.__typename === kind;
            if (!ok || !stands) problems.push(`${label}: ${JSON.stringify(disabled.body)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
    SLOW,
  );
});
