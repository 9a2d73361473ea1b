/**
 * The deepest bracket nesting (`{`, `[`, `(`) in a GraphQL document, read without parsing: strings and
 * comments are skipped. graphql's parser recurses per level, so a document nested thousands deep would
 * exhaust the stack before any depth rule could see it; the edge refuses such text first.
 */
export function maxNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        i = blockStringEnd(text, i + 3);
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/** The index of the last quote closing a block string that starts at `from` (an escaped \""" does not close it). */
function blockStringEnd(text: string, from: number): number {
  for (let end = text.indexOf('"""', from); end >= 0; end = text.indexOf('"""', end + 3)) {
    if (text[end - 1] !== '\\') return end + 2;
  }
  return text.length;
}

/** Far above any tenant's maxDepth (at most 50), far below what exhausts the parser's stack. */
export const MAX_NESTING = 150;
