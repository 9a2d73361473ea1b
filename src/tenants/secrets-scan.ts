/** Patterns of credentials that must never sit in a tenant file (it names variables instead). */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/shp(at|ss|ca|pa)_[0-9a-fA-F]{16,}/, 'a Shopify access token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JWT'],
  [/\b(sk|rk)_(live|test)_[0-9a-zA-Z]{16,}/, 'an API secret key'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/, 'a GitHub token'],
  [/(password|passwd|secret|api_?key)\s*:\s*['"]?[^\s'"]{8,}/i, 'a secret value'],
];

/** The kind of secret the text seems to hold (comments included), or null. */
export function findSecret(text: string): string | null {
  for (const [pattern, kind] of SECRET_PATTERNS) if (pattern.test(text)) return kind;
  return null;
}

/** Keys whose value is a secret: they must name a variable (`...Env`) instead. */
const SECRET_KEY = /secret|passw|token|api_?key|private_?key|credential|signing_?key/i;
const NOT_SECRET_KEY = /(Env|Hashes|Url|File)$/;

/**
 * Paths of values stored under a secret-looking key (`settings.shopify.accessToken: ...`), so a
 * credential pasted into a file is refused even when it matches no known pattern.
 */
export function findSecretFields(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecretFields(item, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const here = [...path, key];
    // Short numbers under such keys are settings (`maxTokens: 2000`), not credentials.
    const scalar = typeof child === 'string' || (typeof child === 'number' && String(child).length >= 8);
    if (scalar && String(child).length > 0 && SECRET_KEY.test(key) && !NOT_SECRET_KEY.test(key)) {
      found.push(here.join('.'));
    } else {
      found.push(...findSecretFields(child, here));
    }
  }
  return found;
}
