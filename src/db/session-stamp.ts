import { CompiledQuery } from 'kysely';
import { preparedNameOf, type PreparedQuery } from './prepared-statements';

/**
 * A connection of the request pool keeps the tenant and role of the last read request it served as
 * session settings (its "stamp"), so a read request on a connection already stamped for its tenant
 * needs no `begin`, settings or `commit`: its statements run on their own, under row-level security.
 * Transactions on such a connection set their tenant transaction-locally, which leaves the stamp as it
 * was. The connection itself remembers its stamp (pg-connection.ts).
 */
const STAMP = "select set_config('app.tenant_id', $1, false), set_config('role', $2, false)";
const STAMP_NAME = preparedNameOf(STAMP);

/** The statement that stamps a connection for `tenantId` and `role` (none: the URL's own user). */
export const stampStatement = (tenantId: string, role: string): PreparedQuery => ({
  ...CompiledQuery.raw(STAMP, [tenantId, role || 'none']),
  preparedName: STAMP_NAME,
});
