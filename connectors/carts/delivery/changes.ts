import type { TenantDb } from '../../../src/sdk';
import { changeCart, type CartResult } from '../cart-changes';
import { mirroring, type MirrorCart } from '../mirror';
import { lockCart, touchCart } from '../carts';
import { pricedLines } from '../loaders';
import { pricingFacts, quoteCart } from '../pricing/quote';
import { tableTaxCalculator } from '../taxes/calculator';
import { validateAddress, type MailingAddressInput } from './address';
import { zoneFor } from './options';
import { loadZones } from './zones';

/**
 * Sets the delivery address. A chosen option stays only when the new address's zone still has a rate
 * of that handle; an address no zone serves is refused, so the cart never holds one it cannot ship to.
 */
export function updateDeliveryAddress(
  db: TenantDb,
  cartId: string | null,
  input: MailingAddressInput,
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  return changeCart(
    db,
    cartId,
    async (trx, id) => {
      const checked = validateAddress(input, ['address']);
      if ('errors' in checked) return checked.errors;
      const zones = await loadZones(trx, db.tenantId);
      const zone = zoneFor(zones, checked.address);
      if (zones.length > 0 && !zone) {
        return [
          { field: ['address', 'country'], code: 'DELIVERY_UNAVAILABLE', message: 'The shop does not deliver there' },
        ];
      }
      const cart = (await lockCart(trx, db.tenantId, id))!;
      const keep = zone?.rates.some((r) => r.handle === cart.delivery_option_handle) ?? false;
      await touchCart(trx, db.tenantId, id, {
        delivery_address: JSON.stringify(checked.address),
        ...(keep ? {} : { delivery_option_handle: null }),
      });
      return [];
    },
    { mirror: mirroring(mirror) },
  );
}

/** Chooses a delivery option by handle: one the cart's address and contents are offered now. */
export function selectDeliveryOption(
  db: TenantDb,
  cartId: string | null,
  currency: string,
  handle: string,
): Promise<CartResult> {
  return changeCart(db, cartId, async (trx, id) => {
    const cart = (await lockCart(trx, db.tenantId, id))!;
    const [zones, lines] = await Promise.all([loadZones(trx, db.tenantId), pricedLines(trx, db.tenantId, [id])]);
    // Options depend on the address, the lines and the zones only: no tax or discount needed here.
    const quote = quoteCart(lines, {
      ...pricingFacts(cart, currency, false, zones, tableTaxCalculator([])),
      optionHandle: handle,
    });
    if (!quote.selected) {
      const message = cart.delivery_address ? 'No such delivery option for this cart' : 'Set a delivery address first';
      return [{ field: ['deliveryOptionHandle'], code: 'DELIVERY_UNAVAILABLE', message }];
    }
    await touchCart(trx, db.tenantId, id, { delivery_option_handle: handle });
    return [];
  });
}
