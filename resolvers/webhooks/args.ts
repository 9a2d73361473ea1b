import { decodeCursor, GatewayError } from '../../src/sdk';

/** The id in an `after` cursor of a list ordered by id, or BAD_USER_INPUT. */
export function cursorId(cursor: string | null): string | null {
  if (!cursor) return null;
  const [id] = decodeCursor(cursor, 1);
  if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) {
    throw new GatewayError('BAD_USER_INPUT', 'The cursor is not valid', { argument: 'after' });
  }
  return id;
}
