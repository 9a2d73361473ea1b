import type { TenantDb } from '../../../src/sdk';
import { changeCart, type CartRef, type CartResult } from '../cart-changes';
import { mirroring, type MirrorCart } from '../mirror';
import { pricingFacts, quoteCart } from '../pricing/quote';
import type { PricedLine } from '../tables';
import { tableTaxCalculator } from '../taxes/calculator';
import { validateAddress, type MailingAddressInput } from './address';
import { zoneFor, type ZoneWithRates } from './options';

/**
 * What a delivery change reads besides the cart: the request's loaders, so the cart in the answer is
 * priced from the same reads (zones and lines a delivery change does not write).
 */
export interface DeliveryReads {
  zones(): Promise<ZoneWithRates[]>;
  lines(cartId: string): Promise<PricedLine[]>;
}

/**
 * Sets the delivery address. A chosen option stays only when the new address's zone still has a rate
 * of that handle; an address no zone serves is refused, so the cart never holds one it cannot ship to.
 */
export function updateDeliveryAddress(
  db: TenantDb,
  ref: CartRef,
  input: MailingAddressInput,
  reads: Pick<DeliveryReads, 'zones'>,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  return changeCart(
    db,
    ref,
    async (_trx, cart) => {
      const checked = validateAddress(input, ['address']);
      if ('errors' in checked) return checked.errors;
      const zones = await reads.zones();
      const zone = zoneFor(zones, checked.address);
      if (zones.length > 0 && !zone) {
        return [
          { field: ['address', 'country'], code: 'DELIVERY_UNAVAILABLE', message: 'The shop does not deliver there' },
        ];
      }
      const keep = zone?.rates.some((r) => r.handle === cart.delivery_option_handle) ?? false;
      return {
        set: { delivery_address: JSON.stringify(checked.address), ...(keep ? {} : { delivery_option_handle: null }) },
      };
    },
    { mirror: mirroring(mirror) },
  );
}

/** Chooses a delivery option by handle: one the cart's address and contents are offered now. */
export function selectDeliveryOption(
  db: TenantDb,
  ref: CartRef,
  currency: string,
  handle: string,
  reads: DeliveryReads,
): Promise<CartResult> {
  return changeCart(db, ref, async (_trx, cart) => {
    const [zones, lines] = await Promise.all([reads.zones(), reads.lines(cart.id)]);
    // Options depend on the address, the lines and the zones only: no tax or discount needed here.
    const quote = quoteCart(lines, {
      ...pricingFacts(cart, currency, false, zones, tableTaxCalculator([])),
      optionHandle: handle,
    });
    if (!quote.selected) {
      const message = cart.delivery_address ? 'No such delivery option for this cart' : 'Set a delivery address first';
      return [{ field: ['deliveryOptionHandle'], code: 'DELIVERY_UNAVAILABLE', message }];
    }
    return { set: { delivery_option_handle: handle } };
  });
}
