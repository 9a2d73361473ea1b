import * as orders from './0001_orders';
import * as exactAmounts from './0002_exact_order_amounts';

export const migrations = { '0001_orders': orders, '0002_exact_order_amounts': exactAmounts };
