import * as payments from './0001_payments';

export const migrations = { '0001_payments': payments };
