import * as appRole from './0001_app_role';

export const migrations = { '0001_app_role': appRole };
