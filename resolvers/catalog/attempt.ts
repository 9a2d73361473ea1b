import type { Kysely } from 'kysely';
import type { GatewayContext } from '../../src/sdk';
import type { CatalogTables } from '../../connectors/catalog/tables';
import { isUniqueViolation, UserErrors, type UserError } from '../../connectors/catalog/validation';

/** Unique constraints whose violation is the caller's mistake, and the input field to blame. */
const TAKEN: Record<string, { field: string[]; message: string }> = {
  products_tenant_handle: { field: ['input', 'handle'], message: 'handle is already taken' },
  collections_tenant_handle: { field: ['input', 'handle'], message: 'handle is already taken' },
  product_options_product_name: { field: ['options'], message: 'An option with this name already exists' },
};

/**
 * Runs a mutation's writes atomically (a savepoint): expected failures roll it back and come back as
 * userErrors; anything else propagates as a system error.
 */
export async function attempt<T>(
  ctx: GatewayContext,
  fn: (trx: Kysely<CatalogTables>) => Promise<T>,
): Promise<{ value: T | null; userErrors: UserError[] }> {
  try {
    return { value: await ctx.db.atomic<CatalogTables, T>(fn), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { value: null, userErrors: error.errors };
    for (const [constraint, taken] of Object.entries(TAKEN)) {
      if (isUniqueViolation(error, constraint)) return { value: null, userErrors: [{ ...taken, code: 'TAKEN' }] };
    }
    throw error;
  }
}

export const notFound = (field: string[], what: string): UserErrors =>
  new UserErrors([{ field, code: 'NOT_FOUND', message: `${what} not found` }]);
