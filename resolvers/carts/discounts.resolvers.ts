import {
  cartMirrorOf,
  connectionOf,
  encodeCursor,
  encodeGlobalId,
  localIdOf,
  pageOf,
  toMinor,
  type GatewayContext,
} from '../../src/sdk';
import { updateDiscountCodes } from '../../connectors/carts/discounts/codes';
import type { DiscountRow } from '../../connectors/carts/discounts/eligibility';
import { countDiscounts, searchDiscounts } from '../../connectors/carts/discounts/store';
import { createDiscount, deactivateDiscount, updateDiscount } from '../../connectors/carts/discounts/writes';
import type { CartLineParent } from '../../connectors/carts/loaders';
import type { Allocation } from '../../connectors/carts/pricing/calculate';
import type { CartQuote } from '../../connectors/carts/pricing/quote';
import type { CartRow } from '../../connectors/carts/tables';
import type {
  MutationCartDiscountCodesUpdateArgs,
  MutationDiscountCreateArgs,
  MutationDiscountDeactivateArgs,
  MutationDiscountUpdateArgs,
  QueryDiscountsArgs,
} from '../generated/resolvers-types';
import { cartRef } from './cart-owner';
import { cartPayload } from './cart-payload';
import { moneyOf } from './money';

const allocations = (quote: CartQuote, list: readonly Allocation[], ctx: GatewayContext) =>
  list.map((a) => {
    const discount = quote.applied.get(a.discountId)!;
    return { discountedAmount: moneyOf(a.amount, ctx), title: discount.title, code: discount.code };
  });

function statusOf(d: DiscountRow, now = new Date()) {
  if (!d.active || (d.usage_limit !== null && d.usage_count >= d.usage_limit)) return 'INACTIVE' as const;
  if (d.starts_at > now) return 'SCHEDULED' as const;
  if (d.ends_at !== null && d.ends_at <= now) return 'EXPIRED' as const;
  return 'ACTIVE' as const;
}

/** Storefront discount codes and allocations; the admin's discounts (read_discounts / write_discounts). */
export const discountResolvers = {
  Cart: {
    discountCodes: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.cartQuote.load(cart).then((q) => q.codes),
    discountAllocations: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.cartQuote.load(cart).then((q) => allocations(q, q.price.applications, ctx)),
  },
  CartLine: {
    discountAllocations: (line: CartLineParent, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.cartQuote.load(line.cart).then((q) => {
        const price = q.price.lines.find((l) => l.id === line.id);
        return allocations(q, price?.allocations ?? [], ctx);
      }),
  },
  Discount: {
    id: (d: DiscountRow) => encodeGlobalId('Discount', d.id),
    productIds: (d: DiscountRow) => (d.product_ids ?? []).map((id) => encodeGlobalId('Product', id)),
    collectionIds: (d: DiscountRow) => (d.collection_ids ?? []).map((id) => encodeGlobalId('Collection', id)),
    minimumSubtotal: (d: DiscountRow, _: unknown, ctx: GatewayContext) =>
      d.min_subtotal === null ? null : moneyOf(toMinor(d.min_subtotal, ctx.tenant.currency), ctx),
    minimumQuantity: (d: DiscountRow) => d.min_quantity,
    startsAt: (d: DiscountRow) => d.starts_at,
    endsAt: (d: DiscountRow) => d.ends_at,
    usageLimit: (d: DiscountRow) => d.usage_limit,
    usageCount: (d: DiscountRow) => d.usage_count,
    oncePerCustomer: (d: DiscountRow) => d.once_per_customer,
    combinesWithOthers: (d: DiscountRow) => d.combines,
    status: (d: DiscountRow) => statusOf(d),
  },
  Query: {
    discounts: async (_: unknown, args: QueryDiscountsArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const query = args.query?.trim() || null;
      const conn = await ctx.db.get<unknown>();
      const rows = await searchDiscounts(conn, ctx.db.tenantId, query, page);
      return connectionOf(
        rows,
        page,
        (d) => encodeCursor([d.id]),
        () => countDiscounts(conn, ctx.db.tenantId, query),
      );
    },
  },
  Mutation: {
    cartDiscountCodesUpdate: async (_: unknown, args: MutationCartDiscountCodesUpdateArgs, ctx: GatewayContext) =>
      cartPayload(
        ctx,
        await updateDiscountCodes(ctx.db, await cartRef(ctx, args.cartId), args.discountCodes, cartMirrorOf(ctx)),
        { linesKept: true },
      ),
    discountCreate: async (_: unknown, args: MutationDiscountCreateArgs, ctx: GatewayContext) =>
      createDiscount(ctx.db, args.input),
    discountUpdate: async (_: unknown, args: MutationDiscountUpdateArgs, ctx: GatewayContext) =>
      updateDiscount(ctx.db, localIdOf(args.id, 'Discount'), args.input),
    discountDeactivate: async (_: unknown, args: MutationDiscountDeactivateArgs, ctx: GatewayContext) =>
      deactivateDiscount(ctx.db, localIdOf(args.id, 'Discount')),
  },
};
