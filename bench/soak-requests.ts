/**
 * The soak's request mix, over HTTP to one gateway: product lists with variants, product by handle, node
 * lookups, search with facets, predictive search, whole checkouts (five requests: cart, address, delivery
 * option, discount code, complete), parse errors and unauthenticated requests, across two shops.
 */
import { CHECKOUT_STEPS } from './checkout-steps';
import { probe } from './load';
import { PREDICTIVE, SEARCH } from './scenarios';
import { checkoutSequence } from './targets';

export interface Answer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

const MIX = [
  ...Array<string>(5).fill('list'),
  ...Array<string>(2).fill('byHandle'),
  'node',
  'search',
  'predictive',
  'checkout',
  'parseError',
  'unauthenticated',
];

/** Returns `send(i)`, the i-th request of the mix; reads the first shop's products to look them up by handle and id. */
export async function soakRequests(port: number, tokens: string[]): Promise<(i: number) => Promise<Answer>> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-storefront-token': token } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const list = await post(
    '{ products(first: 20) { nodes { id handle variants(first: 1) { nodes { id } } } } }',
    {},
    tokens[0],
  );
  type Listed = { id: string; handle: string; variants: { nodes: { id: string }[] } };
  const nodes = (list.body.data?.products as { nodes: Listed[] } | undefined)?.nodes ?? [];
  if (nodes.length < 3) throw new Error(`no products to soak with: ${JSON.stringify(list.body)}`);
  // Stocked by soak-server.ts so that no checkout sells out.
  const variantIds = nodes.slice(0, 3).map((n) => n.variants.nodes[0].id);

  // The first shop's (a dollar shop: the steps' US address, express delivery and code WELCOME10 fit it).
  const checkout = async (): Promise<Answer> => {
    const headers = { 'content-type': 'application/json', 'x-storefront-token': tokens[0] };
    const sequence = checkoutSequence(variantIds, () => '/graphql');
    const answer = await probe({ url, headers, body: '', sequence });
    if (answer.status === 200) return { status: 200, body: {} };
    // Reported with the code of the step that failed: the last of the steps answered.
    const failed = CHECKOUT_STEPS[(answer.body as unknown[]).length - 1].field.toUpperCase();
    return { status: answer.status, body: { errors: [{ extensions: { code: `CHECKOUT_${failed}_FAILED` } }] } };
  };

  return (i: number) => {
    const token = tokens[i % tokens.length];
    const product = nodes[i % nodes.length];
    switch (MIX[i % MIX.length]) {
      case 'list':
        return post(
          'query Products($first: Int) { products(first: $first) { nodes { id title variants(first: 3) { nodes { price { amount currencyCode } } } } } }',
          { first: 10 },
          token,
        );
      case 'byHandle':
        return post('query Product($h: String) { product(handle: $h) { id title } }', { h: product.handle }, tokens[0]);
      case 'node':
        return post('query Node($id: ID!) { node(id: $id) { id } }', { id: product.id }, tokens[0]);
      case 'search':
        return post(SEARCH, { query: 'jacket' }, token);
      case 'predictive':
        return post(PREDICTIVE, { query: 'bac' }, token);
      case 'checkout':
        return checkout();
      case 'parseError':
        return post('{ products(first: ', {}, token);
      default:
        return post('{ products(first: 1) { nodes { id } } }', {});
    }
  };
}
