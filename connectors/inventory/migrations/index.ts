import * as inventory from './0001_inventory';

export const migrations = { '0001_inventory': inventory };
