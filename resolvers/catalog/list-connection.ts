import { connectionOf, decodeCursor, encodeCursor, GatewayError, pageOf, type PageArgs } from '../../src/sdk';

/**
 * A connection over a short list already loaded in full (a product's variants, images, collections):
 * cursors name the row id, so they stay valid when rows are added elsewhere in the list.
 */
export function listConnection<T extends { id: string }>(rows: readonly T[], args: PageArgs) {
  const page = pageOf(args);
  let start = 0;
  let end = rows.length;
  if (page.cursor) {
    const [kind, id] = decodeCursor(page.cursor, 2);
    const at = rows.findIndex((row) => row.id === id);
    if (kind !== 'row' || typeof id !== 'string') {
      throw new GatewayError('BAD_USER_INPUT', 'The cursor does not belong to this list', { argument: 'cursor' });
    }
    if (page.backward) end = at < 0 ? 0 : at;
    else start = at < 0 ? rows.length : at + 1;
  }
  // connectionOf expects page.size + 1 rows in page order when more exist.
  const slice = page.backward
    ? rows.slice(Math.max(start, end - page.size - 1), end)
    : rows.slice(start, Math.min(end, start + page.size + 1));
  return connectionOf(slice, page, (row) => encodeCursor(['row', row.id]), rows.length);
}
