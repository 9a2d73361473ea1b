import type { Kysely } from 'kysely';
import type { CartMirror } from './cart-mirror';
import type { GatewayContext } from './context';
import { GatewayError } from './errors';
import type { Tenant } from './tenant';
import type { UserError } from './user-errors';

/**
 * Systems of record: another system (a shop platform) owns some of a tenant's records, which the
 * gateway keeps copies of. A plugin that connects such a system declares one (`systemOfRecord` in its
 * manifest); the plugins that own the tables ask it, through `writeElsewhere`, before each mutation of
 * a record, and never import it.
 */

/** The kinds of record a mutation changes, by GraphQL type name. Stock changes name their variant. */
export type RecordKind = 'Product' | 'ProductVariant' | 'Collection' | 'Customer' | 'Order';

/**
 * `mirror`: the system's records are read-only here. `write-through`: their mutations are sent to the
 * system first, and our copy is updated from its answer.
 */
export type SystemOfRecordMode = 'mirror' | 'write-through';

/** One mutation of one record, as the owning plugin received it. */
export interface RecordChange {
  kind: RecordKind;
  /** Our id of the record (null when the given global id was not one: the plugin reports NOT_FOUND). */
  id: string | null;
  /** The mutation's name in our schema (`productUpdate`). */
  mutation: string;
  /** The mutation's arguments, as received. */
  args: Record<string, unknown>;
  /** The input path that names the record, for the userError. */
  field: string[];
}

export interface WriteThroughCall {
  ctx: GatewayContext;
  change: RecordChange & { id: string };
  /** The record's id in the system. */
  externalId: string;
}

/**
 * Sends one change to the system and updates our copy from its answer, inside the request. Answers the
 * system's refusals as userErrors (field paths in our input); throws a GatewayError (UPSTREAM_*) when
 * the system cannot be reached, having changed nothing here.
 */
export type WriteThrough = (call: WriteThroughCall) => Promise<UserError[]>;

export interface SystemOfRecord {
  /** The name clients read in MANAGED_EXTERNALLY messages (`Shopify`). */
  name: string;
  /** The tenant's mode, or undefined when this tenant has no records in the system. */
  modeFor(tenant: Tenant): SystemOfRecordMode | undefined;
  /** The record's id in the system; null when it was created here (then it is ours to change). */
  externalId(ctx: GatewayContext, kind: RecordKind, id: string): Promise<string | null>;
  /** Write-through by mutation name; a mutation without one is refused in both modes. */
  writers: Readonly<Record<string, WriteThrough>>;
  /** Takes storefront checkouts of carts holding its records (`checkoutElsewhere`). */
  checkout?(call: CheckoutCall): Promise<CheckoutOutcome | null>;
  /** Keeps a copy of the tenant's carts where the system checks them out (`cartMirrorOf`). */
  carts?: CartMirror;
}

/** What the owning plugin answers instead of writing: the record re-read after a write-through, or null. */
export interface ElsewhereOutcome<T> {
  value: T | null;
  userErrors: UserError[];
}

const managedError = (change: RecordChange, system: SystemOfRecord, how: string): UserError => ({
  field: change.field,
  code: 'MANAGED_EXTERNALLY',
  message: `This ${change.kind} is managed in ${system.name}: ${how}`,
});

/**
 * The one call a mutation makes before writing a record. Null: the record is ours, write it as usual.
 * Otherwise the record belongs to another system, and this is the mutation's answer: refused
 * (`MANAGED_EXTERNALLY`) in `mirror` mode or when the system takes no such write, else written through
 * and re-read with `reread` (after the write, so the payload shows the new state).
 */
export async function writeElsewhere<T>(
  ctx: GatewayContext,
  change: RecordChange,
  reread: (id: string) => Promise<T | null>,
): Promise<ElsewhereOutcome<T> | null> {
  const { id } = change;
  if (id === null) return null;
  for (const system of ctx.recordSystems) {
    const mode = system.modeFor(ctx.tenant);
    if (!mode) continue;
    const externalId = await system.externalId(ctx, change.kind, id);
    if (!externalId) continue;
    const writer = system.writers[change.mutation];
    if (mode === 'mirror' || !writer) {
      const how = mode === 'mirror' ? 'change it there' : `${change.mutation} is made there`;
      return { value: null, userErrors: [managedError(change, system, how)] };
    }
    const userErrors = await writer({ ctx, change: { ...change, id }, externalId }).catch((error: unknown) => {
      throw asSystemFailure(error, system);
    });
    return { value: userErrors.length > 0 ? null : await reread(id), userErrors };
  }
  return null;
}

/** The system's failures keep their code and say whose they are (they do not count against the plugin). */
export function asSystemFailure(error: unknown, system: SystemOfRecord): unknown {
  if (!(error instanceof GatewayError) || !error.code.startsWith('UPSTREAM_')) return error;
  return new GatewayError(error.code, error.message, { ...error.extensions, systemOfRecord: system.name });
}

/** A line of a storefront checkout, priced as the storefront showed it (amounts are decimal strings). */
export interface DraftLine {
  /** Our variant id. */
  variantId: string;
  quantity: number;
  title: string;
  unitPrice: string;
  /** The line's share of the discounts. */
  discount: string;
  taxLines: DraftTaxLine[];
}

export interface DraftTaxLine {
  title: string;
  /** Percentage as written ('19'). */
  percent: string;
  amount: string;
}

export interface DraftAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string;
  phone: string | null;
}

/** The order a storefront checkout would place: lines, buyer, delivery, taxes and discounts. */
export interface OrderDraft {
  cartId: string;
  idempotencyKey: string;
  email: string | null;
  currency: string;
  taxesIncluded: boolean;
  lines: DraftLine[];
  shippingAddress: DraftAddress | null;
  shippingLines: { code: string; title: string; price: string; discount: string; taxLines: DraftTaxLine[] }[];
  discounts: { title: string; code: string | null; amount: string }[];
  subtotal: string;
  totalTax: string;
  total: string;
}

/** A checkout's userError: the carts plugin has codes of its own (CART_EMPTY, DELIVERY_REQUIRED...). */
export type CheckoutUserError = Omit<UserError, 'code'> & { code: string };

/** What the carts plugin answers when asked to prepare a checkout. */
export type PreparedCheckout =
  | { draft: OrderDraft }
  /** Already placed with this key: the same order again. */
  | { orderId: string }
  | { userErrors: CheckoutUserError[] };

/** A storefront checkout handed to a system that takes orders (see `checkoutElsewhere`). */
export interface CheckoutCall {
  ctx: GatewayContext;
  cartId: string;
  idempotencyKey: string;
  /**
   * Checks and prices the cart, reading with `db` (a connection of the system's own, outside the
   * request's transaction); writes nothing.
   */
  prepare(db: Kysely<unknown>): Promise<PreparedCheckout>;
  /**
   * Writes what the cart's plugin keeps beside an order the system placed (our row `orderId`, already
   * written by the system): the cart completed and linked, the pricing snapshot, discount uses, sales.
   * Refuses (ALREADY_COMPLETED) when another checkout of the cart completed it with another key.
   */
  complete(trx: Kysely<unknown>, orderId: string, draft: OrderDraft): Promise<CheckoutUserError[]>;
}

/** Our order the checkout placed (null with userErrors). */
export interface CheckoutOutcome {
  orderId: string | null;
  userErrors: CheckoutUserError[];
}

/**
 * Offers a storefront checkout to the tenant's systems of record before it is placed here. Null: no
 * system takes this cart (it holds none of their records), so the checkout is ours. Otherwise the
 * system's answer: refused (`MANAGED_EXTERNALLY` in `mirror` mode), or the order placed there and
 * written here, with the cart completed.
 */
export async function checkoutElsewhere(call: CheckoutCall): Promise<CheckoutOutcome | null> {
  for (const system of call.ctx.recordSystems) {
    if (!system.checkout || !system.modeFor(call.ctx.tenant)) continue;
    const outcome = await system.checkout(call).catch((error: unknown) => {
      throw asSystemFailure(error, system);
    });
    if (outcome) return outcome;
  }
  return null;
}

/** Whether any system of the tenant may take its checkouts (then the carts plugin asks before writing). */
export function takesCheckouts(ctx: GatewayContext): boolean {
  return ctx.recordSystems.some((s) => s.checkout && s.modeFor(ctx.tenant));
}
