/** Namespaces and keys: 2 to 64 letters, digits, `_` or `-` (Shopify's rule for keys). */
const NAME = /^[A-Za-z0-9_-]{2,64}$/;
export const DEFAULT_NAMESPACE = 'custom';

export const namespaceOf = (namespace: string | null | undefined) => namespace ?? DEFAULT_NAMESPACE;

/** Why a namespace or key is refused, or null. */
export function nameProblem(what: 'namespace' | 'key', value: string): string | null {
  return NAME.test(value) ? null : `${what} must be 2 to 64 letters, digits, _ or -`;
}
