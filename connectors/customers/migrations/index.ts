import * as customers from './0001_customers';

export const migrations = { '0001_customers': customers };
