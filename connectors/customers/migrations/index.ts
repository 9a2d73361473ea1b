import * as customers from './0001_customers';
import * as accounts from './0002_accounts';
import * as mailAndResets from './0003_mail_and_resets';

export const migrations = {
  '0001_customers': customers,
  '0002_accounts': accounts,
  '0003_mail_and_resets': mailAndResets,
};
