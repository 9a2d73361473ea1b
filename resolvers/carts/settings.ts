import { z } from 'zod';

/** `settings.carts` in a tenant file. */
export const cartSettings = z
  .object({
    /** Prices include tax (EU-style gross prices); otherwise tax is added on top (US-style). */
    taxesIncluded: z.boolean().default(false),
    /** What one storefront checkout may hold; a cart over a limit is refused at checkoutComplete. */
    checkout: z
      .object({
        /** Units of one line. */
        maxLineQuantity: z.number().int().min(1).max(999).optional(),
        /** Lines of one cart. */
        maxCartLines: z.number().int().min(1).max(100).optional(),
        /** Units of all lines together. */
        maxCartQuantity: z.number().int().min(1).max(99_900).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
