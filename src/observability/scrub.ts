/**
 * Secrets that travel as text inside error messages and stacks, where the logger's redaction by path
 * cannot see them: a connection string's password, bearer and basic credentials, `password=…`-style
 * pairs and JSON web tokens. The rest of the text stays, so the log still says what failed and where.
 */
const SECRETS: readonly [RegExp, string][] = [
  [/(\b[a-z][\w+.-]*:\/\/[^\s:@/]*:)[^\s@/]+@/gi, '$1[redacted]@'],
  [/\b(bearer|basic)(\s+)[\w~+/.=-]+/gi, '$1$2[redacted]'],
  [
    /\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|client[_-]?secret)(["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi,
    '$1$2[redacted]',
  ],
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[redacted]'],
];

export function scrubSecrets(text: string): string {
  return SECRETS.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

/** Every string in a serialized error (message, stack, driver fields, causes), scrubbed. */
export function scrubStrings<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubSecrets(value) as T;
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubStrings(item, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubStrings(item, depth + 1)])) as T;
}
