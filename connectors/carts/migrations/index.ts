import * as carts from './0001_carts';
import * as delivery from './0002_delivery';
import * as taxes from './0003_taxes';
import * as discounts from './0004_discounts';
import * as orderPricing from './0005_order_pricing';
import * as cartOwner from './0006_cart_owner';
import * as externalCheckout from './0007_external_checkout';

export const migrations = {
  '0001_carts': carts,
  '0002_delivery': delivery,
  '0003_taxes': taxes,
  '0004_discounts': discounts,
  '0005_order_pricing': orderPricing,
  '0006_cart_owner': cartOwner,
  '0007_external_checkout': externalCheckout,
};
