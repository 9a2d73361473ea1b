import * as products from './0001_products';
import * as merchandising from './0002_merchandising';

export const migrations = { '0001_products': products, '0002_merchandising': merchandising };
