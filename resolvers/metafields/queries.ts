import { connectionOf, decodeCursor, encodeCursor, GatewayError, pageOf, type GatewayContext } from '../../src/sdk';
import { listDefinitions } from '../../connectors/metafields/definitions';
import { OWNER_TYPES, type MetafieldTables, type OwnerType } from '../../connectors/metafields/tables';
import { readScope } from './permissions';

function cursorId(cursor: string | null): string | null {
  if (!cursor) return null;
  const [id] = decodeCursor(cursor, 1);
  if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor is not valid', { argument: 'after' });
  }
  return id;
}

interface DefinitionsArgs {
  ownerType?: OwnerType | null;
  namespace?: string | null;
  first?: number | null;
  after?: string | null;
}

export const metafieldQueries = {
  /** The definitions of the owner types the caller's scopes read (one asked for: its scope, or FORBIDDEN). */
  metafieldDefinitions: async (_: unknown, args: DefinitionsArgs, ctx: GatewayContext) => {
    const page = pageOf({ first: args.first, after: args.after });
    const readable = OWNER_TYPES.filter((t) => readScope(t).allows(ctx));
    if (args.ownerType && !readable.includes(args.ownerType)) {
      throw new GatewayError('FORBIDDEN', `Reading ${args.ownerType} metafield definitions needs its read scope`);
    }
    const conn = await ctx.db.get<MetafieldTables>();
    const ownerTypes = args.ownerType ? [args.ownerType] : readable;
    const rows = await listDefinitions(
      conn,
      ctx.db.tenantId,
      { ownerTypes, namespace: args.namespace },
      page.size,
      cursorId(page.cursor),
    );
    return connectionOf(rows, page, (row) => encodeCursor([String(row.id)]));
  },
};
