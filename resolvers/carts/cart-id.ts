/**
 * Cart global ids carry a random token rather than a number, so they are encoded here (same opaque
 * base64url `gid://retail/Cart/<token>` shape as other ids) and never resolved through `node`.
 */
const PREFIX = 'gid://retail/Cart/';
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

export function encodeCartId(token: string): string {
  return Buffer.from(`${PREFIX}${token}`).toString('base64url');
}

/** The token of a cart id, or null for anything else (so a bad id reads as a cart that does not exist). */
export function cartTokenOf(globalId: string): string | null {
  if (typeof globalId !== 'string' || globalId.length > 100) return null;
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const token = text.slice(PREFIX.length);
  return TOKEN.test(token) ? token : null;
}
