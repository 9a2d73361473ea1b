import { encodeGlobalId, type GatewayContext } from '../../src/sdk';
import type { ImageRow, OptionRow, ProductRow, VariantRow } from '../../connectors/catalog/tables';
import { money } from './money';
import type { ImageResolvers, ProductOptionResolvers, ProductVariantResolvers } from '../generated/resolvers-types';

/** Stock left, or stock not tracked (inventory_quantity is kept by the inventory plugin). */
export const availableForSale = (row: VariantRow) => row.inventory_quantity === null || row.inventory_quantity > 0;

export const variantResolvers: {
  ProductVariant: ProductVariantResolvers;
  ProductOption: ProductOptionResolvers;
  Image: ImageResolvers;
} = {
  ProductVariant: {
    id: (row: VariantRow) => encodeGlobalId('ProductVariant', row.id),
    price: (row: VariantRow, _: unknown, ctx: GatewayContext) => money(row.price, ctx),
    compareAtPrice: (row: VariantRow, _: unknown, ctx: GatewayContext) =>
      row.compare_at_price === null ? null : money(row.compare_at_price, ctx),
    availableForSale,
    requiresShipping: (row: VariantRow) => row.requires_shipping,
    weight: (row: VariantRow) => ({ value: row.weight, unit: row.weight_unit }),
    selectedOptions: (row: VariantRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.optionsByProduct
        .load(row.product_id)
        .then((options) =>
          options.flatMap((option, i) =>
            row.option_values[i] == null ? [] : [{ name: option.name, value: row.option_values[i] }],
          ),
        ),
    // A variant's product always exists (foreign key with cascade); the loader's type allows a missing id.
    product: (row: VariantRow, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.productById.load(row.product_id) as Promise<ProductRow>,
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
