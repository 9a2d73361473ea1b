/** For migrations, which import only kysely: this module and the one it names import nothing else. */
export { enableTenantIsolation } from '../../db/tenant-isolation';
