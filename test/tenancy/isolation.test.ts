import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { allPluginsUnlimited, ownHandles, seedEach, tenantChecksums } from './all-plugins';
import { shopperAuth } from './shopper-auth';
import { likeness, probesOf, slotName, spread, typeOf, type Probe } from './probes';
import {
  collect,
  collectHandles,
  collectRelated,
  operationFor,
  rootFields,
  variablesOf,
  type SlotFill,
} from './schema-walk';

/**
 * Generated from the composed schema, so every plugin present when it runs is covered. Each probe (a
 * root field with one ID or handle slot) is first sent by tenant A with A's own objects and must find
 * them, so a field that always fails cannot pass as "no leak"; then A sends B's IDs and handles, and must
 * get nothing of B back and change nothing of B.
 */
// Many calls in a row: lift the rate limits so every answer is a real one.
const { plugins, tenantsDir } = allPluginsUnlimited();

type Field = GraphQLField<unknown, unknown>;
type Tenant = 'alpha' | 'beta';
const SAMPLES_PER_TYPE = 3;
const CREATED_PER_TENANT = 4;
/** Mutations that delete (or erase) what they are sent. */
const REMOVES = /(Delete|Remove|Erase)$/;
const FAILURES = ['INTERNAL_SERVER_ERROR', 'THROTTLED', 'SERVICE_UNAVAILABLE'];
/** Seeding every plugin's demo data for two tenants: minutes on a busy machine. */
const SEEDING = 300_000;
/** Mutations that do their work only with a secret sent by mail (a reset or verification token): still sent B's IDs. */
const MAILED_SECRET = ['customerReset', 'customerActivate'];
/**
 * Mutations that do their work only on a payment a provider holds (a card authorization at Stripe, which
 * this suite has no provider for): still sent B's IDs; test/domain/payments-stripe.test.ts captures.
 */
const PROVIDER_HELD = ['orderCapture'];
/**
 * Mutations that do their work only with a line the order still owes and a location holding it, which
 * a generated fill does not match (the seeded orders are mostly shipped or cancelled): still sent B's
 * IDs; test/domain/fulfillments.test.ts ships in parts.
 */
const OWED_LINES = ['fulfillmentCreate'];

/**
 * Mutation probes in an order where each can do its work: a completion (`checkoutComplete`) right after
 * the last other mutation of its object (a cart gets its address and delivery first), cancellations last
 * (an order cancelled first could no longer be paid).
 */
function inWorkOrder(probes: Probe[]): Probe[] {
  const cancels = probes.filter((p) => /Cancel$/.test(p.field.name));
  const completes = probes.filter((p) => /Complete$/.test(p.field.name));
  const ordered = probes.filter((p) => !cancels.includes(p) && !completes.includes(p));
  for (const complete of completes) {
    const slot = complete.slot.path.join('.');
    const last = ordered.findLastIndex((p) => p.slot.path.join('.') === slot);
    ordered.splice(last + 1, 0, complete);
  }
  return [...ordered, ...cancels];
}
/** What a signed-in shopper sees of their own: the customer-A-vs-B check compares these. */
const SHOPPER_VIEW = `{ customer { id addresses { nodes { id } } defaultAddress { id } orders { nodes { id } } } }`;

/** What a tenant's calls enumerated: IDs by type, handles by type, cursors. */
interface Objects {
  ids: Set<string>;
  /** IDs seen inside or around each object: the objects that belong together (a cart's lines). */
  related: Map<string, Set<string>>;
  cursors: Set<string>;
  byType: Map<string, string[]>;
  handles: Map<string, Set<string>>;
}

/** What A's own objects taught about a probe: per type, the values it found; whether it answers one object. */
interface Found {
  byType: Map<string, string[]>;
  single: boolean;
}

const sample = (list: string[]) =>
  [...new Set([list[0], list[Math.floor(list.length / 2)], list[list.length - 1]])].slice(0, SAMPLES_PER_TYPE);

// Every probe as each credential (a signed-in shopper too): minutes per test on a loaded machine.
jest.setTimeout(300_000);

describeEachDatabase('tenant isolation generated from the schema', { plugins, tenantsDir }, (get) => {
  let schema: GraphQLSchema;
  const tenants = ['alpha', 'beta'] as const;
  const auth = {} as Record<Tenant, Auth[]>;
  const seen = {} as Record<Tenant, Objects>;
  let seedFailures: string[] = [];
  let renamedHandles = 0;
  /** Per probe name: what A's own objects found. */
  const found = new Map<string, Found>();
  /** Per slot name (`merchandiseId`), the types and the IDs some probe did its work with. */
  const learned = new Map<string, Set<string>>();
  const proven = new Map<string, string[]>();
  /** IDs a mutation that deletes or removes did its work with: gone, not to be used again. */
  const spent = new Set<string>();
  /** IDs other probes did their work with. */
  const used = new Set<string>();

  /** Root query fields that list or return objects without required arguments: what a tenant can enumerate. */
  const listFields = () =>
    rootFields(schema, 'query').filter(
      (f) => f.args.every((a) => !isNonNullType(a.type)) && !['gatewayStatus'].includes(f.name) && !isLeafTypeField(f),
    );
  const isLeafTypeField = (f: Field) => !isObjectType(getNamedType(f.type)) && !isListType(getNullableType(f.type));
  /** Mutations that create from nothing required (`cartCreate`): objects no list reaches. */
  const creators = () =>
    rootFields(schema, 'mutation').filter(
      (f) => /Create$/.test(f.name) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined),
    );

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
    const leaked = [...seen.beta.ids].filter((id) => text.includes(id));
    expect({ what, leaked }).toEqual({ what, leaked: [] });
  }

  function remember(tenant: Tenant, data: unknown) {
    collect(data, seen[tenant].ids, seen[tenant].cursors);
    collectHandles(data, seen[tenant].handles);
    collectRelated(data, seen[tenant].related);
    const byType = new Map<string, string[]>();
    for (const id of seen[tenant].ids) {
      const type = typeOf(id);
      if (type) byType.set(type, [...(byType.get(type) ?? []), id]);
    }
    seen[tenant].byType = byType;
  }

  /** The values of `tenant` a probe can be sent with, by type. */
  const candidates = (probe: Probe, tenant: Tenant) =>
    probe.kind === 'id'
      ? seen[tenant].byType
      : new Map([...seen[tenant].handles].map(([type, set]) => [type, [...set].sort()] as const));

  /**
   * The fill of a probe with `value` in its slot: other optional slots are left out, other required IDs
   * get the tenant's ID that looks most like what they name, among the objects around `value` first (the
   * option of that product, the line of that cart).
   */
  const fillFor = (probe: Probe, value: string, tenant: Tenant = 'alpha'): SlotFill => {
    const isSlot = (path: string[]) => path.join('.') === probe.slot.path.join('.');
    return {
      scalar: (path) => (isSlot(path) ? value : undefined),
      id: (path, required) => {
        if (isSlot(path)) return value;
        if (!required) return undefined;
        const name = slotName(path) ?? '';
        const rank = (id: string) => {
          const type = typeOf(id) ?? '';
          return learned.get(name)?.has(type) ? 3 : likeness(probe.field, path, type);
        };
        const best = (ids: Iterable<string>) =>
          [...ids].filter((id) => rank(id) > 0 && !spent.has(id)).sort((a, b) => rank(b) - rank(a))[0];
        const near = seen[tenant].related.get(value) ?? [];
        return best(near) ?? best(proven.get(name) ?? []) ?? best(seen[tenant].ids) ?? value;
      },
    };
  };

  /** B's values to send in a probe: samples of each type the probe takes, and one of every other type. */
  const betaValues = (probe: Probe) =>
    new Map(
      [...candidates(probe, 'beta')].map(([type, values]) => [
        type,
        found.get(probe.name)?.byType.has(type) ? sample(values) : values.slice(0, 1),
      ]),
    );

  /** The operation of a probe (the creators' answers are selected deeper: their lines are objects too). */
  const operation = (probe: Probe, kind: 'query' | 'mutation', depth = 2) =>
    operationFor(kind, probe.field, probe.args, depth);

  /** Whether a query's answer is the object `value` names, or for a list, holds some of the tenant's objects. */
  function answersWith(probe: Probe, answer: unknown, value: string): { ok: boolean; single: boolean } {
    if (answer === null || answer === undefined) return { ok: false, single: false };
    if (!Array.isArray(answer) && typeof answer === 'object' && ('id' in answer || 'handle' in answer)) {
      const own = answer as Record<string, unknown>;
      return { ok: probe.kind === 'id' ? own.id === value : own.handle === value, single: true };
    }
    const ids = new Set<string>();
    collect(answer, ids, new Set());
    return { ok: ids.has(value) || (ids.size > 0 && [...ids].every((id) => !seen.beta.ids.has(id))), single: false };
  }

  /**
   * Whether a mutation with the tenant's own object in the slot did its work: a payload without user
   * errors (a field of the answer the credential may not read, such as an order's customer, aside).
   */
  function succeeded(body: { data?: Record<string, unknown> | null }, field: Field): boolean {
    const payload = body.data?.[field.name] as { userErrors?: unknown[] } | null | undefined;
    return !!payload && (payload.userErrors ?? []).length === 0;
  }

  /**
   * Books what a mutation did its work with: IDs it removed are spent, others used; and what it answered
   * belongs with the ID it was sent (a cart and the lines it now has).
   */
  function spend(tenant: Tenant, probe: Probe, variables: unknown, value: string, data: unknown) {
    const sent = JSON.stringify(variables);
    const book = REMOVES.test(probe.field.name) ? spent : used;
    for (const id of seen[tenant].ids) if (sent.includes(id)) book.add(id);
    collectRelated({ id: value, data }, seen[tenant].related);
  }

  /**
   * Sends a probe as `tenant` with one of its own objects of each type, and records the types (and the
   * values) with which it found them: what the slot takes.
   */
  async function discover(probe: Probe, kind: 'query' | 'mutation', tenant: Tenant = 'alpha'): Promise<Found> {
    const result: Found = { byType: new Map(), single: false };
    const types = [...candidates(probe, tenant)].sort(
      ([a], [b]) => likeness(probe.field, probe.slot.path, b) - likeness(probe.field, probe.slot.path, a),
    );
    // A mutation may have used up an object (deleted, cancelled): then later ones of the type are tried.
    for (const attempt of kind === 'mutation' ? [0, 1, 2, 3, 4] : [0]) {
      for (const [type, values] of types) {
        // What removes is not sent what other probes did their work with (a cart's variant: its lines would go).
        const removes = REMOVES.test(probe.field.name);
        const usable = values.filter((v) => !spent.has(v) && !(removes && used.has(v)));
        const value = spread(usable, 5)[attempt];
        if (value === undefined || result.byType.has(type)) continue;
        for (const headers of auth[tenant]) {
          const variables = variablesOf(probe.args, fillFor(probe, value, tenant));
          const res = await call(operation(probe, kind, kind === 'mutation' ? 4 : 2), variables, headers);
          const answer = res.body.data?.[probe.field.name];
          const { ok, single } =
            kind === 'query'
              ? answersWith(probe, answer, value)
              : { ok: succeeded(res.body, probe.field), single: false };
          if (kind === 'mutation' || ok) remember(tenant, res.body.data);
          if (!ok) {
            if (process.env.TENANCY_REPORT === 'verbose')
              console.log(probe.name, type, JSON.stringify(variables), JSON.stringify(res.body));
            continue;
          }
          result.byType.set(type, [value]);
          result.single ||= single;
          const name = slotName(probe.slot.path);
          if (name) {
            learned.set(name, (learned.get(name) ?? new Set()).add(type));
            proven.set(name, [value, ...(proven.get(name) ?? [])]);
          }
          if (kind === 'mutation') spend(tenant, probe, variables, value, res.body.data);
          break;
        }
        // One kind of object a mutation does its work with is enough; a query is asked with every type.
        if (kind === 'mutation' && result.byType.size > 0) return result;
      }
      if (result.byType.size > 0) break;
    }
    return result;
  }

  beforeAll(async () => {
    const t = get();
    seedFailures = await seedEach(t.gateway.runtime, t.gateway.composition.plugins);
    renamedHandles = await ownHandles(t.gateway.database.db, 'beta');
    schema = t.gateway.composition.schema;
    for (const tenant of tenants) {
      // A signed-in shopper too, where the graph has accounts: their objects (addresses) are found as them.
      auth[tenant] = [await t.admin(tenant), t.storefront(tenant), ...(await shopperAuth(t, tenant))];
      seen[tenant] = { ids: new Set(), related: new Map(), cursors: new Set(), byType: new Map(), handles: new Map() };
      for (const field of listFields()) {
        for (const headers of auth[tenant]) {
          for (const depth of [4, 3, 2, 1]) {
            // Partial data counts too: a field denied deep down leaves the rest of the answer.
            const res = await t.graphql(operationFor('query', field, [], depth), {}, headers);
            remember(tenant, res.body.data);
            if (!res.body.errors?.length) break;
          }
        }
      }
      // A few of each, as mutations that remove or complete use some up.
      for (let round = 0; round < CREATED_PER_TENANT; round++) {
        for (const probe of probesOf(schema, 'mutation').filter((p) => creators().includes(p.field))) {
          await discover(probe, 'mutation', tenant);
        }
      }
    }
  }, SEEDING);

  it("seeded every plugin's demo data for both tenants, some of B's handles B's only", () => {
    expect(seedFailures).toEqual([]);
    expect(renamedHandles).toBeGreaterThan(0);
  });

  it("enumerates both tenants' objects, with no ID in common", () => {
    expect(seen.alpha.ids.size).toBeGreaterThan(0);
    expect(seen.beta.ids.size).toBeGreaterThan(0);
    expect([...seen.alpha.ids].filter((id) => seen.beta.ids.has(id))).toEqual([]);
    expect([...seen.beta.byType.keys()]).toEqual(expect.arrayContaining(['TenancyNote', 'Cart']));
  });

  it("every list as A returns only A's objects, also after one of B's cursors", async () => {
    for (const field of listFields()) {
      const after = field.args.find((a) => a.name === 'after') ? [...seen.beta.cursors].slice(0, 3) : [];
      for (const headers of auth.alpha) {
        for (const cursor of [undefined, ...after]) {
          const query = operationFor('query', field, cursor ? field.args.filter((a) => a.name === 'after') : [], 2);
          const res = await call(query, cursor ? { after: cursor } : {}, headers);
          expectNothingOfBeta(res.body, `${field.name} after ${cursor ?? '-'}`);
        }
      }
    }
  });

  it("every query probe finds A's own objects with A's IDs and handles (the probes are meaningful)", async () => {
    const probes = probesOf(schema, 'query');
    // Queries change nothing: probes run side by side.
    const discovered = await Promise.all(probes.map((probe) => discover(probe, 'query')));
    probes.forEach((probe, i) => found.set(probe.name, discovered[i]));
    const blind = probes.filter((p) => found.get(p.name)!.byType.size === 0).map((p) => p.name);
    expect(blind).toEqual([]);
    expect(probes.filter((p) => p.kind === 'handle').length).toBeGreaterThan(0);
    // Every sample of a type a probe takes is found, not only the first.
    const everySample = async (probe: Probe) => {
      const query = operation(probe, 'query');
      for (const [type, [first]] of found.get(probe.name)!.byType) {
        const values = sample(candidates(probe, 'alpha').get(type) ?? []);
        for (const value of values.filter((v) => v !== first)) {
          const answers = await Promise.all(
            auth.alpha.map(async (headers) => {
              const res = await call(query, variablesOf(probe.args, fillFor(probe, value)), headers);
              return answersWith(probe, res.body.data?.[probe.field.name], value).ok;
            }),
          );
          expect({ probe: probe.name, value, found: answers.some(Boolean) }).toEqual({
            probe: probe.name,
            value,
            found: true,
          });
        }
      }
    };
    await Promise.all(probes.map(everySample));
    if (process.env.TENANCY_REPORT) {
      console.log([...seen.alpha.byType].map(([type, ids]) => `${type} ${ids.length}`).join(', '));
      const takes = probes.map((p) => `${p.name}: ${[...found.get(p.name)!.byType.keys()].join('|')}`);
      console.log(takes.join('\n'));
    }
  });

  it("every query probe returns nothing of B for B's IDs and handles", async () => {
    let calls = 0;
    const withBeta = async (probe: Probe) => {
      const own = found.get(probe.name);
      expect({ probe: probe.name, discovered: !!own }).toEqual({ probe: probe.name, discovered: true });
      const query = operation(probe, 'query');
      const onlyBeta = (type: string, value: string) =>
        probe.kind === 'id' || !seen.alpha.handles.get(type)?.has(value);
      for (const [type, values] of betaValues(probe)) {
        for (const value of values) {
          for (const headers of auth.alpha) {
            const res = await call(query, variablesOf(probe.args, fillFor(probe, value)), headers);
            calls += 1;
            expectNothingOfBeta(res.body, `${probe.name}: ${value}`);
            const answer = res.body.data?.[probe.field.name];
            if (own!.single && onlyBeta(type, value) && !isNonNullType(probe.field.type))
              expect({ probe: probe.name, value, answer }).toEqual({ probe: probe.name, value, answer: null });
          }
        }
      }
    };
    await Promise.all(probesOf(schema, 'query').map(withBeta));
    expect(calls).toBeGreaterThan(0);
  }, 300_000);

  it('every mutation probe does its work with A’s own objects, and changes nothing of B with B’s', async () => {
    const db = get().gateway.database.db;
    const blind: string[] = [];
    let calls = 0;
    for (const probe of inWorkOrder(probesOf(schema, 'mutation'))) {
      const own = await discover(probe, 'mutation');
      found.set(probe.name, own);
      if (own.byType.size === 0 && ![...MAILED_SECRET, ...PROVIDER_HELD, ...OWED_LINES].includes(probe.field.name))
        blind.push(probe.name);
      const before = await tenantChecksums(db, 'beta');
      const mutation = operation(probe, 'mutation');
      for (const bId of [...betaValues(probe).values()].flat()) {
        for (const headers of auth.alpha) {
          const res = await call(mutation, variablesOf(probe.args, fillFor(probe, bId)), headers);
          calls += 1;
          expectNothingOfBeta(res.body, `${probe.name}: ${bId}`);
        }
      }
      expect({ probe: probe.name, beta: await tenantChecksums(db, 'beta') }).toEqual({
        probe: probe.name,
        beta: before,
      });
    }
    expect(blind).toEqual([]);
    expect(calls).toBeGreaterThan(0);
  }, 900_000);

  it("customer B of tenant A reaches nothing of customer A's with A's IDs", async () => {
    const t = get();
    const [customerA] = auth.alpha.slice(2);
    const [customerB] = await shopperAuth(t, 'alpha', 1);
    if (!customerA || !customerB) return expect(schema.getType('MailingAddress')).toBeUndefined();
    const ownIds = async (headers: Auth) => {
      const res = await call(SHOPPER_VIEW, {}, headers);
      const ids = new Set<string>();
      collect(res.body.data, ids, new Set());
      return ids;
    };
    const ofA = await ownIds(customerA);
    expect(ofA.size).toBeGreaterThan(1); // A's customer, addresses and orders: the check is not vacuous
    const db = get().gateway.database.db;
    const before = await tenantChecksums(db, 'alpha');
    let calls = 0;
    // Every probe that did its work with A's own objects, sent as B with each of A's IDs.
    for (const kind of ['query', 'mutation'] as const) {
      for (const probe of probesOf(schema, kind).filter((p) => found.get(p.name)?.byType.size)) {
        for (const id of ofA) {
          const res = await call(operation(probe, kind), variablesOf(probe.args, fillFor(probe, id)), customerB);
          calls += 1;
          const text = JSON.stringify(res.body.data ?? null);
          expect({ probe: probe.name, id, leaked: text.includes(id) && !(await ownIds(customerB)).has(id) }).toEqual({
            probe: probe.name,
            id,
            leaked: false,
          });
        }
      }
    }
    expect({ alpha: await tenantChecksums(db, 'alpha') }).toEqual({ alpha: before });
    expect(calls).toBeGreaterThan(0);
    expect([...(await ownIds(customerB))].filter((id) => ofA.has(id))).toEqual([]);
  }, 900_000);
});
