import * as orders from './0001_orders';

export const migrations = { '0001_orders': orders };
