import { GatewayError, type GatewayContext } from '../../src/sdk';
import type { CartLineParent } from '../../connectors/carts/loaders';
import type { LinePrice } from '../../connectors/carts/pricing/calculate';

/** The line's share of its cart's quote (one quote per cart per request). */
export const linePriceOf = (line: CartLineParent, ctx: GatewayContext): Promise<LinePrice> =>
  ctx.loaders.cartQuote.load(line.cart).then((quote) => {
    const price = quote.price.lines.find((l) => l.id === line.id);
    if (!price) throw new GatewayError('INTERNAL_SERVER_ERROR', 'A cart line is missing from its quote');
    return price;
  });
