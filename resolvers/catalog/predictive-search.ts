import { GatewayError, type GatewayContext } from '../../src/sdk';
import { collectionsStartingWith, productsAndCompletions } from '../../connectors/catalog/predictive';
import { listProducts } from '../../connectors/catalog/product-list';
import { asPrefixQuery, type Clause } from '../../connectors/catalog/search-query';
import { readsAll } from './visibility';

export const MAX_PREDICTIONS = 10;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const typed = (clauses: readonly Clause[]) =>
  clauses.map((c) => `${c.excluded ? '-' : ''}${c.kind === 'phrase' ? `"${c.text}"` : c.text}`).join(' ');

/**
 * Products (prefix- and typo-tolerant full text), collections (title words starting with the words
 * typed) and completions of the last word from the titles of the products found: two statements (the
 * products and the completions read the same matches in one).
 */
export async function predictiveSearch(ctx: GatewayContext, clauses: Clause[], limit: number) {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PREDICTIONS) {
    throw new GatewayError('BAD_USER_INPUT', `limit must be between 1 and ${MAX_PREDICTIONS}`, { argument: 'limit' });
  }
  const storefront = !readsAll(ctx);
  const prefixed = asPrefixQuery(clauses);
  const last = prefixed.at(-1);
  if (!last) return { products: [], collections: [], queries: [] };
  const search = { storefront, text: null, clauses: prefixed };
  const page = { size: limit, cursor: null, backward: false };
  const words = prefixed.filter((c) => !c.excluded && c.kind !== 'phrase').map((c) => c.text.toLowerCase());
  const productColumns = ctx.columns('Product');
  const [products, collections] = await Promise.all([
    last.kind === 'prefix'
      ? productsAndCompletions(ctx.db, search, last.text, page, productColumns)
      : listProducts(ctx.db, { search, sortKey: 'RELEVANCE', reverse: false }, page, productColumns).then(
          ({ rows }) => ({ rows, words: [] }),
        ),
    collectionsStartingWith(ctx.db, storefront, words, limit, ctx.columns('Collection')),
  ]);
  return {
    products: products.rows.slice(0, limit),
    collections,
    queries: suggestedQueries(prefixed, products.words),
  };
}

/** The query as typed with its last word completed, each completion's added letters marked. */
export function suggestedQueries(prefixed: readonly Clause[], completions: readonly string[]) {
  const typedLength = prefixed.at(-1)?.text.length ?? 0;
  const before = typed(prefixed.slice(0, -1));
  const lead = before ? `${before} ` : '';
  return completions.map((word) => ({
    text: `${lead}${word}`,
    styledText: `${escapeHtml(lead)}${escapeHtml(word.slice(0, typedLength))}<mark>${escapeHtml(word.slice(typedLength))}</mark>`,
  }));
}
