import * as payments from './0001_payments';
import * as exactPaymentAmounts from './0002_exact_payment_amounts';

export const migrations = { '0001_payments': payments, '0002_exact_payment_amounts': exactPaymentAmounts };
