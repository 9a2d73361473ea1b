import * as carts from './0001_carts';

export const migrations = { '0001_carts': carts };
