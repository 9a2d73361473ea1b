import * as webhooks from './0001_webhooks';

export const migrations = { '0001_webhooks': webhooks };
