import { CompiledQuery, type Kysely } from 'kysely';
import { prepareText } from './prepared-statements';

/**
 * A connection of the request pool keeps the tenant and role of the last read request it served as
 * session settings (its "stamp"), so a read request on a connection already stamped for its tenant
 * needs no `begin`, settings or `commit`: its statements run on their own, under row-level security.
 * Transactions on such a connection set their tenant transaction-locally, which leaves the stamp as it was.
 *
 * Only the pool knows which pg client serves a request, so it keeps the stamps: it recognises this exact
 * statement and answers it without a round trip when the client carries that stamp already.
 */
export const STAMP_STATEMENT = "select set_config('app.tenant_id', $1, false), set_config('role', $2, false)";
prepareText(STAMP_STATEMENT); // sent whenever a connection changes tenant

/** What a skipped stamp answers: no rows, which tells the session that nothing was sent. */
const SKIPPED = { command: 'SELECT', rowCount: 0, rows: [], fields: [] };

const stamps = new WeakMap<object, string>();

type Send = (text: string, values: unknown[]) => Promise<unknown>;

/** Sends `text` on `client`, unless it is the stamp the client already carries. */
export function sendStamped(client: object, text: string, values: unknown[], send: Send): Promise<unknown> {
  if (text !== STAMP_STATEMENT) return send(text, values);
  const stamp = values.join('\n');
  if (stamps.get(client) === stamp) return Promise.resolve(SKIPPED);
  stamps.delete(client); // unknown until the server has answered
  return send(text, values).then((result) => {
    stamps.set(client, stamp);
    return result;
  });
}

/**
 * Gives the connection `conn` runs on the session settings of `tenantId` and `appRole` (none: the URL's
 * own user). Resolves true when a statement was sent, false when the connection had them already.
 */
export async function stampSession(conn: Kysely<unknown>, tenantId: string, appRole: string): Promise<boolean> {
  const { rows } = await conn.executeQuery(CompiledQuery.raw(STAMP_STATEMENT, [tenantId, appRole || 'none']));
  return rows.length > 0;
}
