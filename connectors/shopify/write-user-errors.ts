import type { UserError, UserErrorCode } from '../../src/sdk';

/** A userError as Shopify's mutations answer it (`code` only on some payload types). */
export interface ShopifyUserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

const CODES: Record<string, UserErrorCode> = {
  BLANK: 'BLANK',
  PRESENT: 'BLANK',
  INVALID: 'INVALID',
  TAKEN: 'TAKEN',
  TOO_LONG: 'TOO_LONG',
  NOT_FOUND: 'NOT_FOUND',
  LESS_THAN: 'LESS_THAN_ZERO',
  GREATER_THAN_OR_EQUAL_TO: 'LESS_THAN_ZERO',
};

/** Shopify's code, or one read from its message (most payloads carry no code). */
function codeOf(e: ShopifyUserError): UserErrorCode {
  const known = e.code ? CODES[e.code.toUpperCase()] : undefined;
  if (known) return known;
  const m = e.message.toLowerCase();
  if (m.includes('blank')) return 'BLANK';
  if (m.includes('taken')) return 'TAKEN';
  if (m.includes('too long')) return 'TOO_LONG';
  if (m.includes('not found') || m.includes('does not exist')) return 'NOT_FOUND';
  return 'INVALID';
}

/**
 * Shopify's userErrors as ours. `field` maps Shopify's input path (`['product', 'descriptionHtml']`)
 * to the path in our mutation's input (`['input', 'description']`); a path it does not know falls
 * back to `fallback`. Shopify's message is kept: it is written for the shop's staff.
 */
export function mapUserErrors(
  errors: readonly ShopifyUserError[],
  field: (path: readonly string[]) => string[] | undefined,
  fallback: string[],
): UserError[] {
  return errors.map((e) => ({
    field: (e.field && field(e.field)) ?? fallback,
    code: codeOf(e),
    message: `Shopify: ${e.message}`,
  }));
}

/** A field mapping that renames the root (`product` -> `input`) and the fields named differently. */
export function renamed(root: string, names: Record<string, string[]> = {}) {
  return (path: readonly string[]): string[] | undefined => {
    // Bulk inputs are lists of one here: `variants.0.price` is our `input.price`.
    const rest = path[0] === root ? path.slice(/^\d+$/.test(path[1] ?? '') ? 2 : 1) : null;
    if (!rest || rest.length === 0) return undefined;
    const [first, ...more] = rest;
    return ['input', ...(names[rest.join('.')] ?? names[first] ?? [first]), ...(names[rest.join('.')] ? [] : more)];
  };
}
