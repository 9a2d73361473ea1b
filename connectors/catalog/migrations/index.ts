import * as products from './0001_products';

export const migrations = { '0001_products': products };
