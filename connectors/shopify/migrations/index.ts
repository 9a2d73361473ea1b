import * as externalIds from './0001_external_ids';
import * as sync from './0002_sync';

export const migrations = { '0001_external_ids': externalIds, '0002_sync': sync };
