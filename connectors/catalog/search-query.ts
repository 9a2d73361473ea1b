/**
 * The storefront search grammar, parsed here so that no input reaches Postgres' tsquery syntax:
 *   word       a word, stemmed in the shop's language; typo-tolerant when the shop has no such word
 *   word*      a prefix
 *   "a b c"    a phrase (the words in this order)
 *   -word      excluded (also -"a phrase" and -word*)
 * Words are letters and digits; other characters separate them (a SKU such as RJ-001-M stays one term).
 */
export type ClauseKind = 'word' | 'prefix' | 'phrase';

export interface Clause {
  kind: ClauseKind;
  /** A word or phrase as typed (passed to plainto/phraseto_tsquery), or a prefix of letters and digits. */
  text: string;
  excluded: boolean;
}

export const MAX_QUERY_LENGTH = 256;
export const MAX_CLAUSES = 10;

export class SearchQueryError extends Error {}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const PREFIX = /^[\p{L}\p{N}]+$/u;
const TOKEN = /-?"[^"]*"?|\S+/gu;

function clauseOf(token: string): Clause | null {
  const excluded = token.length > 1 && token.startsWith('-');
  let body = excluded ? token.slice(1) : token;
  if (body.startsWith('"')) {
    body = body.replace(/^"|"$/g, '').trim();
    if (!WORD_CHAR.test(body)) return null;
    return { kind: /\s/.test(body) ? 'phrase' : 'word', text: body, excluded };
  }
  if (!WORD_CHAR.test(body)) return null;
  const prefix = body.replace(/\*+$/, '');
  if (prefix !== body && PREFIX.test(prefix)) return { kind: 'prefix', text: prefix.toLowerCase(), excluded };
  return { kind: 'word', text: prefix, excluded };
}

/** The clauses of a query; throws SearchQueryError when it is too long or has too many terms. */
export function parseSearchQuery(query: string): Clause[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(`query must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  const clauses = (query.match(TOKEN) ?? []).map(clauseOf).filter((c): c is Clause => c !== null);
  if (clauses.length > MAX_CLAUSES) throw new SearchQueryError(`query may have at most ${MAX_CLAUSES} terms`);
  return clauses;
}

/** The query as typed, with its last word made a prefix (predictive search, as each key is typed). */
export function asPrefixQuery(clauses: readonly Clause[]): Clause[] {
  const last = clauses.at(-1);
  if (!last || last.excluded || last.kind !== 'word' || !PREFIX.test(last.text)) return [...clauses];
  return [...clauses.slice(0, -1), { ...last, kind: 'prefix', text: last.text.toLowerCase() }];
}
