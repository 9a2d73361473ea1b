import type { Kysely, Updateable } from 'kysely';
import { localIdOf, type TenantDb } from '../../src/sdk';
import { cartLines, lockCart, newCartToken, touchCart, writeLines } from './carts';
import { loadZones } from './delivery/zones';
import { pricedLines } from './loaders';
import { pricingFacts, quoteCart } from './pricing/quote';
import { tableTaxCalculator } from './taxes/calculator';
import { mirrorChange, mirroring, type MirrorCart, type Mirroring } from './mirror';
import { CART_COLUMNS, type CartLineRow, type CartRow, type CartsTable, type CartTables } from './tables';
import { cartLimitErrors } from './limits';
import type { CheckoutLimits } from './pricing/loaders';
import { targetErrors, type LineTarget } from './targets';
import {
  buyerIdentityErrors,
  buyerIdentityValues,
  listSizeErrors,
  noteErrors,
  quantityErrors,
  type BuyerIdentityInput,
  type UserError,
} from './validation';

export interface LineInput {
  merchandiseId: string;
  quantity: number;
}
export interface LineUpdateInput {
  id: string;
  quantity: number;
}
export interface CartInput {
  lines?: LineInput[] | null;
  buyerIdentity?: BuyerIdentityInput | null;
  note?: string | null;
}
/** `cart`: the row as the change left it, when nothing wrote to it after (the answer reads it again otherwise). */
export type CartResult = { cartId: string | null; userErrors: UserError[]; cart?: CartRow };

/**
 * The cart a change names: its token (null for an id that is no cart's) and whether the caller may use
 * it, asked of the row the change locks (a signed-in shopper's cart is theirs only).
 */
export interface CartRef {
  token: string | null;
  mayUse: (cart: Pick<CartRow, 'customer_id'>) => boolean;
}

/** Thrown inside the savepoint to undo a change that turned out to be refused. */
class Refused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super('refused');
  }
}

/** The cart columns a change sets; they go out with `updated_at` in the change's one update of the cart. */
export type CartSet = { set: Updateable<CartsTable> };

/**
 * A change of a locked, active cart (`cart`: its row as locked). Its lines are read only if it asks for
 * them. Returns refusals (none: the change is made) or the cart columns to set.
 */
export type Change = (
  trx: Kysely<CartTables>,
  cart: CartRow,
  lines: () => Promise<CartLineRow[]>,
) => Promise<UserError[] | CartSet>;

/** Runs `fn` in a savepoint; a Refused change is undone and reported as user errors. */
async function refusable(
  db: TenantDb,
  cartId: string | null,
  fn: (trx: Kysely<CartTables>) => Promise<CartResult>,
): Promise<CartResult> {
  try {
    return await db.atomic<CartTables, CartResult>(fn);
  } catch (error) {
    // A refused change answers with the cart as it stands (none when a new cart was refused).
    if (error instanceof Refused) return { cartId, userErrors: error.userErrors };
    throw error;
  }
}

const notFound: CartResult = {
  cartId: null,
  userErrors: [{ field: ['cartId'], code: 'NOT_FOUND', message: 'Cart not found' }],
};

/**
 * Whether the cart's chosen delivery option is no longer offered for its lines as they now are (a weight
 * or subtotal range left, the last item that needs shipping removed): it is then cleared, so it does not
 * come back by itself later. `cart` is the row as locked: changes of the lines leave it as it was.
 */
async function optionUnoffered(trx: Kysely<CartTables>, cart: CartRow, currency: string) {
  const [zones, lines] = await Promise.all([
    loadZones(trx, cart.tenant_id),
    pricedLines(trx, cart.tenant_id, [cart.id]),
  ]);
  const quote = quoteCart(lines, { ...pricingFacts(cart, currency, false, zones, tableTaxCalculator([])) });
  return !quote.selected;
}

/** How a change runs: `currency` for changes of the lines, the tenant's cart mirror when it has one. */
export interface ChangeOptions {
  /** Changes of the lines give the shop's currency: a chosen delivery option they make unavailable is cleared. */
  currency?: string;
  mirror?: Mirroring;
}

/**
 * Runs a change on a locked, active cart atomically; refused changes leave nothing behind. A mirrored
 * cart's copy (Shopify's) follows inside the same savepoint, so a refusal or failure there undoes ours.
 */
export async function changeCart(
  db: TenantDb,
  ref: CartRef,
  change: Change,
  options: ChangeOptions = {},
): Promise<CartResult> {
  const cartId = ref.token;
  if (!cartId) return notFound;
  return refusable(db, cartId, async (trx) => {
    const cart = await lockCart(trx, db.tenantId, cartId);
    // Another shopper's cart looks exactly like no cart.
    if (!cart || !ref.mayUse(cart)) return notFound;
    if (cart.status === 'COMPLETED') {
      return {
        cartId,
        userErrors: [{ field: ['cartId'], code: 'ALREADY_COMPLETED', message: 'The cart is already checked out' }],
      };
    }
    const outcome = await change(trx, cart, () => cartLines(trx, db.tenantId, cartId));
    if (Array.isArray(outcome) && outcome.length > 0) throw new Refused(outcome);
    const set = Array.isArray(outcome) ? {} : { ...outcome.set };
    if (options.currency && cart.delivery_option_handle && (await optionUnoffered(trx, cart, options.currency))) {
      set.delivery_option_handle = null;
    }
    const changed = await touchCart(trx, db.tenantId, cartId, set);
    if (!options.mirror) return { cartId, userErrors: [], cart: changed };
    // The mirror may write the cart again (its copy's id and URL): the answer reads it afresh.
    const refused = await mirrorChange(trx, db.tenantId, cartId, options.mirror);
    if (refused.length > 0) throw new Refused(refused);
    return { cartId, userErrors: [] };
  });
}

const quantitiesOf = (lines: readonly CartLineRow[]) => new Map(lines.map((line) => [line.variant_id, line.quantity]));

/**
 * Adds quantities to lines (merging lines of one variant), within stock, the cart's and the shop's limits;
 * `fields` collects each variant's input path, for a mirror's refusals.
 */
function addLines(
  db: TenantDb,
  inputs: readonly LineInput[],
  prefix: string[],
  limits: CheckoutLimits,
  fields?: Map<string, string[]>,
): Change {
  return async (trx, cart, readLines) => {
    const cartId = cart.id;
    const lines = await readLines();
    const errors = listSizeErrors(inputs.length, prefix);
    const totals = quantitiesOf(lines);
    const targets: LineTarget[] = [];
    inputs.forEach((input, i) => {
      const at = [...prefix, String(i)];
      const variantId = localIdOf(input.merchandiseId, 'ProductVariant');
      const problems = quantityErrors(input.quantity, 1, [...at, 'quantity']);
      if (!variantId)
        problems.unshift({ field: [...at, 'merchandiseId'], code: 'NOT_FOUND', message: 'Unknown merchandise' });
      errors.push(...problems);
      if (!variantId || problems.length > 0) return;
      totals.set(variantId, (totals.get(variantId) ?? 0) + input.quantity);
      if (!fields?.has(variantId)) fields?.set(variantId, [...at, 'merchandiseId']);
      targets.push({ variantId, quantity: 0, field: [...at, 'quantity'], merchandiseField: [...at, 'merchandiseId'] });
    });
    if (errors.length > 0) return errors;
    for (const target of targets) target.quantity = totals.get(target.variantId)!;
    const limited = cartLimitErrors(targets, quantitiesOf(lines), totals, limits, prefix);
    if (limited.length > 0) return limited;
    const found = await targetErrors(trx, db.tenantId, targets, totals.size, prefix);
    if (found.length > 0) return found;
    await writeLines(trx, db.tenantId, cartId, new Map(targets.map((t) => [t.variantId, t.quantity])));
    return [];
  };
}

/** The signed-in shopper a new cart belongs to; their email is the cart's unless the input names one. */
export interface CartOwner {
  customerId: string;
  email: string;
}

export async function createCart(
  db: TenantDb,
  input: CartInput,
  owner: CartOwner | null,
  limits: CheckoutLimits,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  const errors = [
    ...buyerIdentityErrors(input.buyerIdentity ?? {}, ['input', 'buyerIdentity']),
    ...noteErrors(input.note, ['input', 'note']),
  ];
  if (errors.length > 0) return { cartId: null, userErrors: errors };
  const id = newCartToken();
  const mirrored = mirroring(mirror);
  return refusable(db, null, async (trx) => {
    // Adding lines leaves the cart row as inserted: the answer reads this row (unless a mirror writes it).
    const row = await trx
      .insertInto('carts')
      .values({
        id,
        tenant_id: db.tenantId,
        note: input.note ?? null,
        ...(owner ? { customer_id: owner.customerId, email: owner.email } : {}),
        ...buyerIdentityValues(input.buyerIdentity ?? {}),
      })
      .returning(CART_COLUMNS)
      .executeTakeFirstOrThrow();
    const add = addLines(db, input.lines ?? [], ['input', 'lines'], limits, mirrored?.fields);
    const lineErrors = input.lines?.length ? await add(trx, row, async () => []) : [];
    if (Array.isArray(lineErrors) && lineErrors.length > 0) throw new Refused(lineErrors);
    if (!mirrored) return { cartId: id, userErrors: [], cart: row };
    const refused = await mirrorChange(trx, db.tenantId, id, mirrored);
    if (refused.length > 0) throw new Refused(refused);
    return { cartId: id, userErrors: [] };
  });
}

export function addCartLines(
  db: TenantDb,
  cart: CartRef,
  lines: readonly LineInput[],
  currency: string,
  limits: CheckoutLimits,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  const mirrored = mirroring(mirror);
  const add = addLines(db, lines, ['lines'], limits, mirrored?.fields);
  return changeCart(db, cart, add, { currency, mirror: mirrored });
}

export function updateCartLines(
  db: TenantDb,
  cart: CartRef,
  inputs: readonly LineUpdateInput[],
  currency: string,
  limits: CheckoutLimits,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  return changeCart(
    db,
    cart,
    async (trx, cart, readLines) => {
      const id = cart.id;
      const lines = await readLines();
      const errors = listSizeErrors(inputs.length, ['lines']);
      const byId = new Map(lines.map((line) => [line.id, line]));
      const quantities = quantitiesOf(lines);
      const targets: LineTarget[] = [];
      inputs.forEach((input, i) => {
        const at = ['lines', String(i)];
        const line = byId.get(localIdOf(input.id, 'CartLine') ?? '');
        const problems = quantityErrors(input.quantity, 0, [...at, 'quantity']);
        if (!line) problems.unshift({ field: [...at, 'id'], code: 'NOT_FOUND', message: 'No such line in this cart' });
        errors.push(...problems);
        if (!line || problems.length > 0) return;
        quantities.set(line.variant_id, input.quantity);
        if (input.quantity > 0)
          targets.push({ variantId: line.variant_id, quantity: input.quantity, field: [...at, 'quantity'] });
      });
      if (errors.length > 0) return errors;
      const limited = cartLimitErrors(targets, quantitiesOf(lines), quantities, limits, ['lines']);
      if (limited.length > 0) return limited;
      const remaining = [...quantities.values()].filter((q) => q > 0).length;
      const found = await targetErrors(trx, db.tenantId, targets, remaining, ['lines']);
      if (found.length > 0) return found;
      await writeLines(trx, db.tenantId, id, quantities);
      return [];
    },
    { currency, mirror: mirroring(mirror) },
  );
}

export function removeCartLines(
  db: TenantDb,
  cart: CartRef,
  lineIds: readonly string[],
  currency: string,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  return changeCart(
    db,
    cart,
    async (trx, cart, readLines) => {
      const id = cart.id;
      const lines = await readLines();
      const byId = new Map(lines.map((line) => [line.id, line]));
      const errors: UserError[] = listSizeErrors(lineIds.length, ['lineIds']);
      const drop = new Map<string, number>();
      lineIds.forEach((lineId, i) => {
        const line = byId.get(localIdOf(lineId, 'CartLine') ?? '');
        if (line) drop.set(line.variant_id, 0);
        else errors.push({ field: ['lineIds', String(i)], code: 'NOT_FOUND', message: 'No such line in this cart' });
      });
      if (errors.length > 0) return errors;
      await writeLines(trx, db.tenantId, id, drop);
      return [];
    },
    { currency, mirror: mirroring(mirror) },
  );
}

export function updateBuyerIdentity(
  db: TenantDb,
  cart: CartRef,
  input: BuyerIdentityInput,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  return changeCart(
    db,
    cart,
    async () => {
      const errors = buyerIdentityErrors(input, ['buyerIdentity']);
      return errors.length > 0 ? errors : { set: buyerIdentityValues(input) };
    },
    { mirror: mirroring(mirror) },
  );
}
