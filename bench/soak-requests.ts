/**
 * The soak's request mix, over HTTP to one gateway: half product lists with variants, product by handle,
 * node lookups, parse errors and unauthenticated requests, across two shops.
 */

export interface Answer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

const MIX = [
  ...Array<string>(5).fill('list'),
  ...Array<string>(2).fill('byHandle'),
  'node',
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
  const list = await post('{ products(first: 20) { nodes { id handle } } }', {}, tokens[0]);
  const nodes = (list.body.data?.products as { nodes: { id: string; handle: string }[] } | undefined)?.nodes ?? [];
  if (nodes.length === 0) throw new Error(`no products to soak with: ${JSON.stringify(list.body)}`);

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
      case 'parseError':
        return post('{ products(first: ', {}, token);
      default:
        return post('{ products(first: 1) { nodes { id } } }', {});
    }
  };
}
