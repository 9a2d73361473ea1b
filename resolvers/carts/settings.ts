import { z } from 'zod';

/** `settings.carts` in a tenant file. */
export const cartSettings = z
  .object({
    /** Prices include tax (EU-style gross prices); otherwise tax is added on top (US-style). */
    taxesIncluded: z.boolean().default(false),
  })
  .strict();
