/**
 * Escapes LIKE/ILIKE wildcards (`%`, `_`) and the escape character itself, so user text matches
 * literally. Use with `escape '\'`: sql`title ilike ${`%${escapeLike(text)}%`} escape '\\'`.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
