import { connectionOf, encodeGlobalId, GatewayError, localIdOf, pageOf, type GatewayContext } from '../../src/sdk';
import { countLocations, listAdjustments, listCursor, listLocations } from '../../connectors/inventory/lists';
import type { AdjustmentRow, InventoryLevelRow, LocationRow } from '../../connectors/inventory/tables';
import type {
  InventoryAdjustmentResolvers,
  InventoryLevelResolvers,
  LocationResolvers,
  ProductVariantResolvers,
  QueryInventoryAdjustmentsArgs,
  QueryLocationsArgs,
  QueryResolvers,
  ResolversParentTypes,
} from '../generated/resolvers-types';

/** The catalog's variant row (the ProductVariant mapper): its id, and the stock total the trigger keeps. */
type VariantParent = ResolversParentTypes['ProductVariant'];

/** A variant through the catalog's node fetcher, so the catalog's visibility rules apply. */
const variantNode = (ctx: GatewayContext, id: string) => ctx.loadNodeOf<VariantParent>('ProductVariant', id);

/** A level's or adjustment's location always exists (foreign key); the loader's type allows a missing id. */
const locationOf = (ctx: GatewayContext, id: string) => ctx.loaders.locationById.load(id) as Promise<LocationRow>;

function idFilter(value: string | null | undefined, type: string, argument: string): string | null {
  if (value == null) return null;
  const id = localIdOf(value, type);
  if (!id) throw new GatewayError('BAD_USER_INPUT', `${argument} is not a ${type} id`, { argument });
  return id;
}

export const inventoryResolvers: {
  Query: QueryResolvers;
  ProductVariant: ProductVariantResolvers;
  InventoryLevel: InventoryLevelResolvers;
  Location: LocationResolvers;
  InventoryAdjustment: InventoryAdjustmentResolvers;
} = {
  Query: {
    locations: async (_: unknown, args: QueryLocationsArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const rows = await listLocations(ctx.db, page, ctx.columns('Location'));
      for (const row of rows) ctx.loaders.locationById.prime(row.id, row);
      return connectionOf(rows, page, listCursor('location'), () => countLocations(ctx.db));
    },
    inventoryAdjustments: async (_: unknown, args: QueryInventoryAdjustmentsArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const filter = {
        variantId: idFilter(args.variantId, 'ProductVariant', 'variantId'),
        locationId: idFilter(args.locationId, 'Location', 'locationId'),
      };
      const rows = await listAdjustments(ctx.db, filter, page, ctx.columns('InventoryAdjustment'));
      return connectionOf(rows, page, listCursor('adjustment'));
    },
  },
  ProductVariant: {
    quantityAvailable: (variant: VariantParent, _: unknown, ctx: GatewayContext) => {
      // A variant row read without the column falls back to its levels.
      if (variant.inventory_quantity !== undefined) return variant.inventory_quantity;
      return ctx.loaders.inventoryLevelsByVariant
        .load(variant.id)
        .then((levels) => (levels.length === 0 ? null : levels.reduce((sum, level) => sum + level.available, 0)));
    },
    inventoryLevels: (variant: VariantParent, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.inventoryLevelsByVariant.load(variant.id),
  },
  InventoryLevel: {
    location: (level: InventoryLevelRow, _: unknown, ctx: GatewayContext) => locationOf(ctx, level.location_id),
    variant: (level: InventoryLevelRow, _: unknown, ctx: GatewayContext) => variantNode(ctx, level.variant_id),
    updatedAt: (level: InventoryLevelRow) => level.updated_at,
  },
  Location: {
    id: (row: LocationRow) => encodeGlobalId('Location', row.id),
    createdAt: (row: LocationRow) => row.created_at,
  },
  InventoryAdjustment: {
    id: (row: AdjustmentRow) => encodeGlobalId('InventoryAdjustment', row.id),
    variant: (row: AdjustmentRow, _: unknown, ctx: GatewayContext) => variantNode(ctx, row.variant_id),
    location: (row: AdjustmentRow, _: unknown, ctx: GatewayContext) => locationOf(ctx, row.location_id),
    quantityAfter: (row: AdjustmentRow) => row.quantity_after,
    createdAt: (row: AdjustmentRow) => row.created_at,
  },
};
