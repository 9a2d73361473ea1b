import { sql, type RawBuilder } from 'kysely';
import { escapeLike } from '../../src/sdk';
import type { Clause } from './search-query';

type Tsquery = RawBuilder<unknown>;

/** Words shorter than this are not corrected (too many neighbours to guess from). */
const MIN_CORRECTED_LENGTH = 4;
/** How many of the shop's words a misspelt word may stand for, and how close they must be. */
const NEIGHBOURS = 3;
const WORD_SIMILARITY = 0.25;
const PREFIX_SIMILARITY = 0.4;

/** The tenant's text search configuration, the one its documents were built in. */
export const searchConfig = (tenantId: string) =>
  sql`coalesce((select s.config from catalog_search_settings s where s.tenant_id = ${tenantId}), 'simple'::regconfig)`;

/** The shop's words nearest `text` (trigram distance, served by the GiST index), OR-ed; empty if none. */
function neighbours(tenantId: string, text: string, prefix: boolean): Tsquery {
  const distance = prefix ? sql`${text} <<-> v.term` : sql`v.term <-> ${text}`;
  const close = prefix
    ? sql`word_similarity(${text}, n.term) >= ${PREFIX_SIMILARITY}`
    : sql`similarity(n.term, ${text}) >= ${WORD_SIMILARITY}`;
  // Vocabulary terms are lexemes of letters and digits only, so the `or` list cannot be misread.
  return sql`coalesce((select websearch_to_tsquery('simple', string_agg(n.term, ' or '))
    from (select v.term from search_vocabulary v where v.tenant_id = ${tenantId}
      order by ${distance} limit ${NEIGHBOURS}) n where ${close}), ''::tsquery)`;
}

/** A word; when the shop has no such word, also the shop's words spelt most like it. */
function word(tenantId: string, cfg: RawBuilder<unknown>, text: string, tolerant: boolean): Tsquery {
  const plain = sql`plainto_tsquery(${cfg}, ${text})`;
  if (!tolerant || [...text].length < MIN_CORRECTED_LENGTH) return plain;
  return sql`(case when numnode(${plain}) = 0 or exists (select 1 from search_vocabulary v
      where v.tenant_id = ${tenantId} and v.term = any(tsvector_to_array(to_tsvector(${cfg}, ${text}))))
    then ${plain} else ${plain} || ${neighbours(tenantId, text.toLowerCase(), false)} end)`;
}

/** A prefix (letters and digits only, so `:*` is the only syntax); typo-tolerant as a word is. */
function prefix(tenantId: string, cfg: RawBuilder<unknown>, text: string, tolerant: boolean): Tsquery {
  const query = sql`to_tsquery(${cfg}, ${`${text}:*`})`;
  if (!tolerant || [...text].length < 3) return query;
  return sql`(case when exists (select 1 from search_vocabulary v
      where v.tenant_id = ${tenantId} and v.term like ${`${escapeLike(text)}%`} escape '\\')
    then ${query} else ${query} || ${neighbours(tenantId, text, true)} end)`;
}

/** The tsquery of parsed clauses, all of which must hold; null when there are none. */
export function clausesTsquery(tenantId: string, clauses: readonly Clause[]): Tsquery | null {
  if (clauses.length === 0) return null;
  const cfg = searchConfig(tenantId);
  const parts = clauses.map((c) => {
    const tolerant = !c.excluded;
    const query =
      c.kind === 'phrase'
        ? sql`phraseto_tsquery(${cfg}, ${c.text})`
        : c.kind === 'prefix'
          ? prefix(tenantId, cfg, c.text, tolerant)
          : word(tenantId, cfg, c.text, tolerant);
    return c.excluded ? sql`(!! ${query})` : query;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}
