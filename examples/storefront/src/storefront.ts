import { execute, type StorefrontOptions } from './client';
import { CartCreateMutation, CartLinesAddMutation, ProductPageQuery } from './documents';
import type { CartLineInput } from './generated/graphql';

/** The storefront calls a product page and its cart make, each typed by its document. */
export function storefront(options: StorefrontOptions) {
  return {
    productPage: (handle: string) => execute(options, ProductPageQuery, { handle }),
    createCart: (lines: CartLineInput[]) => execute(options, CartCreateMutation, { lines }),
    addToCart: (cartId: string, lines: CartLineInput[]) => execute(options, CartLinesAddMutation, { cartId, lines }),
  };
}
