/** Patterns of credentials that must never sit in a tenant file (it names variables instead). */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/shp(at|ss|ca|pa)_[0-9a-fA-F]{16,}/, 'a Shopify access token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JWT'],
  [/\b(sk|rk)_(live|test)_[0-9a-zA-Z]{16,}/, 'an API secret key'],
  [/(password|secret|api_?key)\s*:\s*['"]?[^\s'"]{8,}/i, 'a secret value'],
];

/** The kind of secret the text seems to hold, or null. */
export function findSecret(text: string): string | null {
  for (const [pattern, kind] of SECRET_PATTERNS) if (pattern.test(text)) return kind;
  return null;
}
