import '@shopify/shopify-api/adapters/node';
import { abstractFetch, setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

/**
 * Sends every Admin API call for `https://<shop>.myshopify.com/...` to `baseUrl` instead (a local
 * fake server in tests), with the original shop in `X-Forwarded-Host`. Other URLs pass untouched.
 *
 * The library's fetch is process-global and each client captures it when constructed, so call this
 * BEFORE creating clients, and call the returned function to restore the previous fetch. For tests
 * only: production code never routes Shopify anywhere.
 */
export function routeShopifyTo(baseUrl: string): () => void {
  const previous = abstractFetch;
  const target = new URL(baseUrl);
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.myshopify.com')) return previous(input, init);
    const headers = new Headers(init?.headers);
    headers.set('X-Forwarded-Host', url.host);
    return previous(new URL(url.pathname + url.search, target).href, { ...init, headers });
  });
  return () => setAbstractFetchFunc(previous);
}
