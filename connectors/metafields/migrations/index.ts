import * as metafields from './0001_metafields';

export const migrations = { '0001_metafields': metafields };
