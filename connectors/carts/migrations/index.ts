import * as carts from './0001_carts';
import * as delivery from './0002_delivery';
import * as taxes from './0003_taxes';

export const migrations = { '0001_carts': carts, '0002_delivery': delivery, '0003_taxes': taxes };
