import type { Kysely } from 'kysely';
import {
  attemptWrites,
  localIdOf,
  UserErrors,
  writeElsewhere,
  type GatewayContext,
  type UserError,
} from '../../src/sdk';
import {
  adjustStock,
  emitLevelUpdate,
  insertLocation,
  recordAdjustment,
  setQuantity,
  targetExists,
  type StockChange,
  type StockTarget,
} from '../../connectors/inventory/stock';
import type { InventoryTables } from '../../connectors/inventory/tables';
import type {
  InventoryAdjustInput,
  InventorySetInput,
  MutationInventoryAdjustArgs,
  MutationInventorySetArgs,
  MutationLocationAddArgs,
  MutationResolvers,
} from '../generated/resolvers-types';

const MAX_TEXT = 255;
const MAX_QUANTITY = 1_000_000_000;

const fail = (field: string[], code: UserError['code'], message: string) => new UserErrors([{ field, code, message }]);

function checkText(field: string[], value: string): string {
  const name = field[field.length - 1];
  if (value.includes('\0')) throw fail(field, 'INVALID', `${name} contains a NUL byte`);
  if (value.length > MAX_TEXT) throw fail(field, 'TOO_LONG', `${name} is longer than ${MAX_TEXT} characters`);
  if (value.trim() === '') throw fail(field, 'BLANK', `${name} can't be blank`);
  return value.trim();
}

/** Integer overflow of a level (22003) is the caller's input, not a system failure. */
function overflow(error: unknown): UserError[] | null {
  return (error as { code?: string })?.code === '22003'
    ? [{ field: ['input'], code: 'INVALID', message: `Stock can't exceed ${MAX_QUANTITY} units` }]
    : null;
}

function targetOf(ctx: GatewayContext, input: InventoryAdjustInput | InventorySetInput): StockTarget {
  return {
    tenantId: ctx.db.tenantId,
    // An id that is not ours matches no row ('0' is never an identity value).
    variantId: localIdOf(input.variantId, 'ProductVariant') ?? '0',
    locationId: localIdOf(input.locationId, 'Location') ?? '0',
  };
}

/** NOT_FOUND naming the field, when the variant or the location is not the tenant's. */
function checkFound(found: Pick<StockChange, 'variant' | 'location'>): void {
  if (!found.variant) throw fail(['input', 'variantId'], 'NOT_FOUND', 'Variant not found');
  if (!found.location) throw fail(['input', 'locationId'], 'NOT_FOUND', 'Location not found');
}

/** The tenant's variant and location named by the input, or NOT_FOUND naming the field. */
async function stockTarget(
  trx: Kysely<InventoryTables>,
  ctx: GatewayContext,
  input: InventorySetInput,
): Promise<StockTarget> {
  const target = targetOf(ctx, input);
  checkFound(await targetExists(trx, target));
  return target;
}

/** Drops cached rows the write changed (the variant's stock total changes through the trigger). */
function forget(ctx: GatewayContext, variantId: string) {
  ctx.loaders.inventoryLevelsByVariant.clear(variantId);
  ctx.loaders.variantById?.clear(variantId);
}

/**
 * Asks the tenant's systems of record about a stock change of a variant that may come from one
 * (src/sdk/system-of-record.ts): null when it is ours; else the answer, with the level re-read.
 */
async function elsewhere(ctx: GatewayContext, mutation: string, input: InventoryAdjustInput | InventorySetInput) {
  const target = targetOf(ctx, input);
  const change = {
    kind: 'ProductVariant' as const,
    id: target.variantId,
    mutation,
    args: { input },
    field: ['input', 'variantId'],
  };
  const answer = await writeElsewhere(ctx, change, async (variantId) => {
    forget(ctx, variantId);
    const levels = await ctx.loaders.inventoryLevelsByVariant.load(variantId);
    return levels.find((l) => l.location_id === target.locationId) ?? null;
  });
  return answer && { inventoryLevel: answer.value, adjustment: null, userErrors: answer.userErrors };
}

type StockWrites = (trx: Kysely<InventoryTables>) => ReturnType<typeof adjustWrites>;

/** Runs the writes of a stock change, `sole` when they are one statement (see TenantDb.sole). */
async function change(ctx: GatewayContext, fn: StockWrites, mode: 'atomic' | 'sole' = 'atomic') {
  type Change = Awaited<ReturnType<StockWrites>>;
  const { value, userErrors } = await attemptWrites<InventoryTables, Change>(ctx.db, fn, overflow, mode);
  if (value) forget(ctx, value.inventoryLevel.variant_id);
  return { inventoryLevel: value?.inventoryLevel ?? null, adjustment: value?.adjustment ?? null, userErrors };
}

async function adjustWrites(trx: Kysely<InventoryTables>, ctx: GatewayContext, input: InventoryAdjustInput) {
  const reason = checkText(['input', 'reason'], input.reason);
  if (input.delta === 0 || Math.abs(input.delta) > MAX_QUANTITY) {
    throw fail(['input', 'delta'], 'INVALID', `delta must be a non-zero number of units up to ${MAX_QUANTITY}`);
  }
  const stock = await adjustStock(trx, targetOf(ctx, input), input.delta, reason);
  checkFound(stock);
  if (!stock.level || !stock.adjustment) {
    throw fail(['input', 'delta'], 'NOT_ENOUGH_STOCK', 'Not enough stock at this location');
  }
  return { inventoryLevel: stock.level, adjustment: stock.adjustment };
}

export const inventoryMutations: MutationResolvers = {
  locationAdd: async (_: unknown, { input }: MutationLocationAddArgs, ctx: GatewayContext) => {
    const { value, userErrors } = await attemptWrites<InventoryTables, Awaited<ReturnType<typeof insertLocation>>>(
      ctx.db,
      (trx) => insertLocation(trx, ctx.db.tenantId, checkText(['input', 'name'], input.name)),
    );
    return { location: value, userErrors };
  },

  // One statement, which writes nothing when it refuses: the stock row's lock is held only while it runs.
  inventoryAdjust: async (_: unknown, { input }: MutationInventoryAdjustArgs, ctx: GatewayContext) =>
    (await elsewhere(ctx, 'inventoryAdjust', input)) ?? change(ctx, (trx) => adjustWrites(trx, ctx, input), 'sole'),

  inventorySet: async (_: unknown, { input }: MutationInventorySetArgs, ctx: GatewayContext) =>
    (await elsewhere(ctx, 'inventorySet', input)) ??
    change(ctx, async (trx) => {
      const reason = checkText(['input', 'reason'], input.reason);
      if (input.quantity < 0) throw fail(['input', 'quantity'], 'LESS_THAN_ZERO', 'quantity must be zero or more');
      if (input.quantity > MAX_QUANTITY)
        throw fail(['input', 'quantity'], 'INVALID', `quantity can't exceed ${MAX_QUANTITY}`);
      const target = await stockTarget(trx, ctx, input);
      const { level, previous } = await setQuantity(trx, target, input.quantity);
      const adjustment = await recordAdjustment(trx, target, {
        delta: input.quantity - previous,
        reason,
        quantityAfter: level.available,
      });
      await emitLevelUpdate(trx, target, adjustment.delta, reason);
      return { inventoryLevel: level, adjustment };
    }),
};
