import * as carts from './0001_carts';
import * as cartOwner from './0002_cart_owner';

export const migrations = { '0001_carts': carts, '0002_cart_owner': cartOwner };
