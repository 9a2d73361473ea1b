import { definePaymentProvider } from '../../src/sdk';

/** Money the shop receives outside any provider (bank transfer, cash) and records itself: `orderMarkAsPaid`. */
export const manualProvider = definePaymentProvider({ name: 'manual' });
