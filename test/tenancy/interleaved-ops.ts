import { isDeepStrictEqual } from 'node:util';
import { pickWeighted, type Random } from '../kit/schedule';
import { ADJUST } from '../domain/inventory-kit';
import { TENANTS, type TenantId } from './interleaved-gateway';
import type { TenantWorld, World } from './interleaved-world';

/** Reads whose answer is fixed while the schedule runs: each must equal its tenant's answer read alone. */
const STABLE_READS = {
  list: { role: 'storefront', query: `{ products(first: 8) { nodes { id title handle } } }` },
  byHandle: {
    role: 'storefront',
    query: `query($handle: String!) { product(handle: $handle) { id title variants(first: 3) { nodes { id sku } } } }`,
  },
  node: { role: 'storefront', query: `query($id: ID!) { node(id: $id) { id ... on Product { title } } }` },
  orders: { role: 'admin', query: `{ orders(first: 5) { nodes { id name email } } }` },
  staffOrders: { role: 'staff', query: `{ orders(first: 5) { nodes { id name email } } }` },
  customers: { role: 'staff', query: `{ customers(first: 5) { nodes { id firstName email } } }` },
} as const;
export type StableRead = keyof typeof STABLE_READS;

const OTHER_OPS = {
  /** Another tenant's product by ID: must look like a product that does not exist. */
  foreignNode: { role: 'storefront', query: STABLE_READS.node.query },
  /** Entries written during the run: all must be the tenant's own. */
  guestbook: { role: 'storefront', query: `{ guestbook(first: 250) { nodes { message } } }` },
  /** pg_sleep in the tenant's session: beyond the statement timeout or the resolver deadline it is cut off. */
  slow: { role: 'storefront', query: `query($seconds: Float!) { slowQuery(seconds: $seconds) }` },
  /** A sole write (one statement that commits by itself). */
  adjust: { role: 'admin', query: ADJUST },
  /** A write in a transaction. */
  describe: {
    role: 'admin',
    query: `mutation($input: ProductUpdateInput!) { productUpdate(input: $input) {
      product { id description } userErrors { code } } }`,
  },
  sign: { role: 'storefront', query: `mutation($message: String!) { signGuestbook(message: $message) { message } }` },
  signAlone: {
    role: 'storefront',
    query: `mutation($message: String!) { signGuestbookAlone(message: $message) { message } }`,
  },
} as const;

const SPECS = { ...STABLE_READS, ...OTHER_OPS };
export type OpKind = keyof typeof SPECS;
export const WRITES: ReadonlySet<OpKind> = new Set(['adjust', 'describe', 'sign', 'signAlone']);

const WEIGHTS: Record<OpKind, number> = {
  list: 12,
  byHandle: 10,
  node: 8,
  orders: 5,
  staffOrders: 3,
  customers: 6,
  foreignNode: 8,
  guestbook: 6,
  slow: 5,
  adjust: 12,
  describe: 6,
  sign: 6,
  signAlone: 8,
};
export const OP_KINDS = Object.keys(WEIGHTS) as OpKind[];
const SLOW_SECONDS = [0.05, 0.2, 1.2];
const ABORT_SHARE = 0.12;

/** One request of the schedule. `pick` chooses among the tenant's handles and IDs; writes carry `label`. */
export interface Op {
  index: number;
  tenant: TenantId;
  kind: OpKind;
  pick: number;
  delta: number;
  seconds: number;
  /** The client aborts the request this many ms after sending it. */
  abortAfterMs?: number;
}

export const label = (op: Op) => `[${op.tenant}] op#${op.index}`;
export const describeOp = (op: Op) =>
  `#${op.index} ${op.tenant} ${op.kind}` +
  (op.kind === 'slow' ? `(${op.seconds}s)` : '') +
  (op.abortAfterMs === undefined ? '' : ` abort@${op.abortAfterMs}ms`);

export function buildSchedule(random: Random, length: number): Op[] {
  return Array.from({ length }, (_, index) => ({
    index,
    tenant: random.pick(TENANTS),
    kind: pickWeighted(random, WEIGHTS),
    pick: random.int(0, 2),
    delta: random.int(1, 9),
    seconds: random.pick(SLOW_SECONDS),
    abortAfterMs: random.next() < ABORT_SHARE ? random.int(0, 30) : undefined,
  }));
}

/** The query, variables and credentials of an operation. */
export function requestOf(op: Op, world: World) {
  const own = world.tenants[op.tenant];
  const spec = SPECS[op.kind];
  return { query: spec.query, variables: variablesOf(op, own, world), auth: own[spec.role] };
}

function variablesOf(op: Op, own: TenantWorld, world: World): Record<string, unknown> {
  switch (op.kind) {
    case 'byHandle':
      return { handle: own.handles[op.pick] };
    case 'node':
      return { id: own.productIds[op.pick] };
    case 'foreignNode': {
      const others = TENANTS.filter((t) => t !== op.tenant);
      return { id: world.tenants[others[op.pick % others.length]].productIds[op.pick] };
    }
    case 'slow':
      return { seconds: op.seconds };
    case 'adjust':
      return {
        input: { variantId: own.stock.variantId, locationId: own.stock.locationId, delta: op.delta, reason: label(op) },
      };
    case 'describe':
      return { input: { id: own.stock.productId, description: label(op) } };
    case 'sign':
    case 'signAlone':
      return { message: label(op) };
    default:
      return {};
  }
}

/** The key of a stable read's expected answer. */
export const baselineKey = (op: Pick<Op, 'kind' | 'pick'>) =>
  ['byHandle', 'node'].includes(op.kind) ? `${op.kind}:${op.pick}` : op.kind;

export const BASELINE_OPS: Pick<Op, 'kind' | 'pick'>[] = (Object.keys(STABLE_READS) as StableRead[]).flatMap((kind) =>
  ['byHandle', 'node'].includes(kind) ? [0, 1, 2].map((pick) => ({ kind, pick })) : [{ kind, pick: 0 }],
);

/**
 * Why a successful answer is not what the tenant may see, or null when it is. `expected` is the tenant's
 * answer to the same stable read made alone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are walked by shape
export function wrongAnswer(op: Op, data: any, world: World, expected: unknown): string | null {
  const own = world.tenants[op.tenant];
  const same = (actual: unknown, want: unknown) =>
    isDeepStrictEqual(actual, want) ? null : `got ${JSON.stringify(actual)}, expected ${JSON.stringify(want)}`;
  switch (op.kind) {
    case 'foreignNode':
      return same(data, { node: null });
    case 'guestbook': {
      const alien = data.guestbook.nodes.filter((n: { message: string }) => !n.message.startsWith(`[${op.tenant}]`));
      return alien.length ? `entries of others: ${JSON.stringify(alien)}` : null;
    }
    case 'slow':
      return same(data, { slowQuery: true });
    case 'adjust': {
      const { userErrors, inventoryLevel, adjustment } = data.inventoryAdjust;
      return same(
        { userErrors, variant: inventoryLevel?.variant?.id, delta: adjustment?.delta, reason: adjustment?.reason },
        { userErrors: [], variant: own.stock.variantId, delta: op.delta, reason: label(op) },
      );
    }
    case 'describe':
      return same(data.productUpdate, { product: { id: own.stock.productId, description: label(op) }, userErrors: [] });
    case 'sign':
      return same(data, { signGuestbook: { message: label(op) } });
    case 'signAlone':
      return same(data, { signGuestbookAlone: { message: label(op) } });
    default:
      return same(data, expected);
  }
}
