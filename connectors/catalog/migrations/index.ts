import * as products from './0001_products';
import * as merchandising from './0002_merchandising';
import * as search from './0003_search';

export const migrations = { '0001_products': products, '0002_merchandising': merchandising, '0003_search': search };
