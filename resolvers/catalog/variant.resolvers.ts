import { encodeGlobalId, type GatewayContext } from '../../src/sdk';
import type { ImageRow, OptionRow, VariantRow } from '../../connectors/catalog/tables';
import { money } from './money';

/** Stock left, or stock not tracked (inventory_quantity is kept by the inventory plugin). */
export const availableForSale = (row: VariantRow) => row.inventory_quantity === null || row.inventory_quantity > 0;

export const variantResolvers = {
  ProductVariant: {
    id: (row: VariantRow) => encodeGlobalId('ProductVariant', row.id),
    price: (row: VariantRow, _: unknown, ctx: GatewayContext) => money(row.price, ctx),
    compareAtPrice: (row: VariantRow, _: unknown, ctx: GatewayContext) =>
      row.compare_at_price === null ? null : money(row.compare_at_price, ctx),
    availableForSale,
    selectedOptions: async (row: VariantRow, _: unknown, ctx: GatewayContext) => {
      const options = await ctx.loaders.optionsByProduct.load(row.product_id);
      return options.flatMap((option, i) =>
        row.option_values[i] == null ? [] : [{ name: option.name, value: row.option_values[i] }],
      );
    },
    product: (row: VariantRow, _: unknown, ctx: GatewayContext) => ctx.loaders.productById.load(row.product_id),
    createdAt: (row: VariantRow) => row.created_at,
    updatedAt: (row: VariantRow) => row.updated_at,
  },
  ProductOption: {
    id: (row: OptionRow) => encodeGlobalId('ProductOption', row.id),
  },
  Image: {
    id: (row: ImageRow) => encodeGlobalId('Image', row.id),
    altText: (row: ImageRow) => row.alt_text,
  },
};
