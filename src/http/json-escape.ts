/**
 * Escapes `<`, `>`, `&` and the JavaScript line separators in JSON answers. In JSON these characters
 * appear only inside strings, so the document is unchanged for any JSON reader, but no stored input
 * (a product title holding `<script>`) is ever reflected as markup, even by a client that sniffs.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export const escapeJson = (json: string): string => json.replace(UNSAFE, (c) => ESCAPES[c]);
