import * as customers from './0001_customers';
import * as accounts from './0002_accounts';

export const migrations = { '0001_customers': customers, '0002_accounts': accounts };
