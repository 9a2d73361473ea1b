import type { Kysely } from 'kysely';
import { attemptWrites, UserErrors, type GatewayContext, type UserError } from '../../src/sdk';
import type { CatalogTables } from '../../connectors/catalog/tables';
import { isUniqueViolation } from '../../connectors/catalog/validation';

/** Unique constraints whose violation is the caller's mistake, and the input field to blame. */
const TAKEN: Record<string, { field: string[]; message: string }> = {
  products_tenant_handle: { field: ['input', 'handle'], message: 'handle is already taken' },
  collections_tenant_handle: { field: ['input', 'handle'], message: 'handle is already taken' },
  product_options_product_name: { field: ['options'], message: 'An option with this name already exists' },
};

function takenErrors(error: unknown): UserError[] | null {
  for (const [constraint, taken] of Object.entries(TAKEN)) {
    if (isUniqueViolation(error, constraint)) return [{ ...taken, code: 'TAKEN' }];
  }
  return null;
}

/** A catalog mutation's writes, atomically; expected failures come back as userErrors. */
export const attempt = <T>(ctx: GatewayContext, fn: (trx: Kysely<CatalogTables>) => Promise<T>) =>
  attemptWrites<CatalogTables, T>(ctx.db, fn, takenErrors);

export const notFound = (field: string[], what: string): UserErrors =>
  new UserErrors([{ field, code: 'NOT_FOUND', message: `${what} not found` }]);
