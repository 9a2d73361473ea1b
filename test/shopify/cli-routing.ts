/** Preloaded into `gateway sync` processes under test: sends Shopify calls to the fake shop. */
import { routeShopifyTo } from '../../connectors/shopify/routing';

if (process.env.FAKE_SHOPIFY_URL) routeShopifyTo(process.env.FAKE_SHOPIFY_URL);
