import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { parseGlobalId } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { allPluginsUnlimited, seedEach, tenantChecksums } from './all-plugins';
import { argsToPass, collect, idSlots, operationFor, rootFields, sampleValue, type IdSlot } from './schema-walk';

/**
 * Generated from the composed schema, so every plugin present when it runs is covered: tenant A calls
 * every list, and every query and mutation that takes an ID with tenant B's IDs in each ID slot, and
 * must get nothing of B back and change nothing of B.
 */
// Many calls in a row: lift the rate limits so every answer is a real one.
const { plugins, tenantsDir } = allPluginsUnlimited();

type Field = GraphQLField<unknown, unknown>;
const SAMPLES_PER_TYPE = 3;
const FAILURES = ['INTERNAL_SERVER_ERROR', 'THROTTLED', 'SERVICE_UNAVAILABLE'];

function byType(ids: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const type = parseGlobalId(id)?.type;
    if (type) out.set(type, [...(out.get(type) ?? []), id]);
  }
  return out;
}

const sample = (list: string[]) =>
  [...new Set([list[0], list[Math.floor(list.length / 2)], list[list.length - 1]])].slice(0, SAMPLES_PER_TYPE);

/** The type a slot probably wants, from its name: `cartId` -> Cart, `productIds` -> Product. */
const typeHint = (path: string[]) => {
  const name = path[path.length - 1].replace(/Ids?$/, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
};

describeEachDatabase('tenant isolation generated from the schema', { plugins, tenantsDir }, (get) => {
  let schema: GraphQLSchema;
  const tenants = ['alpha', 'beta'] as const;
  const auth = {} as Record<(typeof tenants)[number], Auth[]>;
  const ids = { alpha: new Set<string>(), beta: new Set<string>() };
  const cursors = { alpha: new Set<string>(), beta: new Set<string>() };
  let beta: Map<string, string[]>;
  let alpha: Map<string, string[]>;
  let seedFailures: string[] = [];

  /** Root query fields that list or return objects without arguments: what a tenant can enumerate. */
  const listFields = () =>
    rootFields(schema, 'query').filter(
      (f) => argsToPass(f).length === 0 && !['gatewayStatus'].includes(f.name) && !isLeafTypeField(f),
    );
  const isLeafTypeField = (f: Field) => !isObjectType(getNamedType(f.type)) && !isListType(getNullableType(f.type));

  async function call(query: string, variables: Record<string, unknown>, headers: Auth) {
    const res = await get().graphql<Record<string, unknown>>(query, variables, headers);
    const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
    expect({ query, status: res.status < 500, failures: codes.filter((c) => FAILURES.includes(c as string)) }).toEqual({
      query,
      status: true,
      failures: [],
    });
    return res;
  }

  /** Fails when any of B's IDs shows up in what A got back. */
  function expectNothingOfBeta(body: unknown, what: string) {
    const text = JSON.stringify(body);
    const leaked = [...ids.beta].filter((id) => text.includes(id));
    expect({ what, leaked }).toEqual({ what, leaked: [] });
  }

  beforeAll(async () => {
    const t = get();
    seedFailures = await seedEach(t.gateway.runtime, t.gateway.composition.plugins);
    schema = t.gateway.composition.schema;
    for (const tenant of tenants) auth[tenant] = [await t.admin(tenant), t.storefront(tenant)];
    for (const tenant of tenants) {
      for (const field of listFields()) {
        for (const headers of auth[tenant]) {
          for (const depth of [3, 2, 1]) {
            const res = await t.graphql(operationFor('query', field, [], depth), {}, headers);
            if (res.body.errors?.length && depth > 1) continue;
            collect(res.body.data, ids[tenant], cursors[tenant]);
            break;
          }
        }
      }
    }
    beta = byType(ids.beta);
    alpha = byType(ids.alpha);
  });

  it("seeded every plugin's demo data for both tenants", () => {
    expect(seedFailures).toEqual([]);
  });

  it("enumerates both tenants' objects, with no ID in common", () => {
    expect(ids.alpha.size).toBeGreaterThan(0);
    expect(ids.beta.size).toBeGreaterThan(0);
    expect([...ids.alpha].filter((id) => ids.beta.has(id))).toEqual([]);
    expect([...beta.keys()]).toContain('TenancyNote');
  });

  it("every list as A returns only A's objects, also after one of B's cursors", async () => {
    for (const field of listFields()) {
      const after = field.args.find((a) => a.name === 'after') ? [...cursors.beta].slice(0, 3) : [];
      for (const headers of auth.alpha) {
        for (const cursor of [undefined, ...after]) {
          const query = operationFor('query', field, cursor ? field.args.filter((a) => a.name === 'after') : [], 2);
          const res = await call(query, cursor ? { after: cursor } : {}, headers);
          expectNothingOfBeta(res.body, `${field.name} after ${cursor ?? '-'}`);
        }
      }
    }
  });

  /** Variables for a call with `bId` in `slot` and, in every other ID slot, an ID of A of the likely type. */
  function variablesFor(field: Field, slot: IdSlot, bId: string) {
    const own = parseGlobalId(bId)!.type;
    const idFor = (path: string[]) =>
      path.join('.') === slot.path.join('.') ? bId : (alpha.get(typeHint(path)) ?? alpha.get(own) ?? [bId])[0];
    return Object.fromEntries(argsToPass(field).map((a) => [a.name, sampleValue(a.type, [a.name], idFor)]));
  }

  const idFields = (kind: 'query' | 'mutation') => rootFields(schema, kind).filter((f) => idSlots(f).length > 0);
  const betaSamples = () => [...beta.values()].flatMap(sample);

  it("every query that takes an ID returns nothing of B for B's IDs", async () => {
    let calls = 0;
    for (const field of idFields('query')) {
      const query = operationFor('query', field, argsToPass(field));
      const single = argsToPass(field).length === 1 && idSlots(field).length === 1;
      for (const slot of idSlots(field)) {
        for (const bId of betaSamples()) {
          for (const headers of auth.alpha) {
            const res = await call(query, variablesFor(field, slot, bId), headers);
            calls += 1;
            expectNothingOfBeta(res.body, `${field.name}(${slot.path.join('.')}: ${bId})`);
            const value = res.body.data?.[field.name];
            if (single && slot.path.length === 1 && !isNonNullType(field.type) && !slot.list)
              expect({ field: field.name, value }).toEqual({ field: field.name, value: null });
            if (single && slot.list && Array.isArray(value)) expect(value.every((v) => v === null)).toBe(true);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(0);
    if (process.env.TENANCY_REPORT)
      console.log(
        `queries: ${idFields('query')
          .map((f) => f.name)
          .join(' ')}; ${calls} calls`,
      );
  });

  it('the same queries do find A’s own objects (the calls are meaningful)', async () => {
    const found = new Set<string>();
    for (const field of idFields('query').filter((f) => argsToPass(f).length === 1 && idSlots(f).length === 1)) {
      const query = operationFor('query', field, argsToPass(field));
      for (const aId of [...alpha.values()].flatMap(sample)) {
        const res = await call(query, variablesFor(field, idSlots(field)[0], aId), auth.alpha[0]);
        const value = res.body.data?.[field.name];
        if (value && !(Array.isArray(value) && value.every((v) => v === null))) found.add(field.name);
      }
    }
    expect([...found]).toEqual(expect.arrayContaining(['node', 'nodes', 'tenancyNote']));
  });

  it('every mutation that takes an ID changes nothing of B and returns nothing of B', async () => {
    const db = get().gateway.database.db;
    let calls = 0;
    for (const field of idFields('mutation')) {
      const before = await tenantChecksums(db, 'beta');
      const mutation = operationFor('mutation', field, argsToPass(field));
      for (const slot of idSlots(field)) {
        for (const bId of betaSamples()) {
          const res = await call(mutation, variablesFor(field, slot, bId), auth.alpha[0]);
          calls += 1;
          expectNothingOfBeta(res.body, `${field.name}(${slot.path.join('.')}: ${bId})`);
        }
      }
      expect({ field: field.name, beta: await tenantChecksums(db, 'beta') }).toEqual({
        field: field.name,
        beta: before,
      });
    }
    expect(calls).toBeGreaterThan(0);
  });
});
