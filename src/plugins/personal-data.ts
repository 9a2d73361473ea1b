import type { PersonalData, PluginDefinition } from '../sdk';

/**
 * The composed plugins' personal data as one service. Every composed plugin is asked, whether or not
 * the tenant enables it now: its tables may hold the customer's data from when it did. Erasure runs in
 * the reverse of the composition's dependency order, so a plugin's rows go before those they refer to.
 */
export function personalDataOf(plugins: readonly PluginDefinition[]): PersonalData {
  const holders = plugins.flatMap((p) => (p.personalData ? [{ name: p.name, holder: p.personalData }] : []));
  return {
    async export(trx, tenant, request) {
      const records: Record<string, unknown> = {};
      for (const { name, holder } of holders) records[name] = await holder.export(trx, tenant.id, request);
      return records;
    },
    async erase(trx, tenant, request) {
      for (const { holder } of [...holders].reverse()) await holder.erase(trx, tenant.id, request);
    },
  };
}
