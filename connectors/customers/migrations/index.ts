import * as customers from './0001_customers';
import * as accounts from './0002_accounts';
import * as mailAndResets from './0003_mail_and_resets';
import * as identities from './0004_customer_identities';
import * as emailVerification from './0005_email_verification';
import * as privacyRequests from './0006_privacy_requests';
import * as exactAmountSpent from './0007_exact_amount_spent';

export const migrations = {
  '0001_customers': customers,
  '0002_accounts': accounts,
  '0003_mail_and_resets': mailAndResets,
  '0004_customer_identities': identities,
  '0005_email_verification': emailVerification,
  '0006_privacy_requests': privacyRequests,
  '0007_exact_amount_spent': exactAmountSpent,
};
