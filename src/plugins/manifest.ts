import { z } from 'zod';
import type { PluginDefinition } from '../sdk';

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'expected a function');
const record = z.record(z.string(), z.unknown());

/** The shape a manifest must have before anything of it is used. */
const manifestSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes'),
  version: z.string().regex(/^\d+\.\d+\.\d+/, 'a semantic version'),
  dependsOn: z.array(z.string()).optional(),
  typeDefs: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  resolvers: record.optional(),
  permissions: z.record(z.string(), record).optional(),
  costs: record.optional(),
  createLoaders: fn.optional(),
  columns: z.record(z.string(), record).optional(),
  nodes: z.record(z.string(), z.object({ load: fn, visibleTo: z.object({ allows: fn }) })).optional(),
  migrations: z.record(z.string(), z.object({ up: fn, down: fn.optional() })).optional(),
  tenantConfig: z
    .custom(
      (v) => v == null || typeof v === 'function' || typeof (v as { safeParse?: unknown }).safeParse === 'function',
    )
    .optional(),
  paymentProviders: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes'),
        connect: fn.optional(),
        webhook: z.object({ verify: fn }).optional(),
      }),
    )
    .optional(),
  orderSettlement: fn.optional(),
  orderCancellation: z.object({ cancelInTransaction: fn }).optional(),
  routes: fn.optional(),
  jobs: z.array(z.object({ name: z.string(), intervalMs: z.number().positive(), run: fn })).optional(),
  health: fn.optional(),
  seed: fn.optional(),
  setup: fn.optional(),
  teardown: fn.optional(),
});

/** Null when the manifest is well formed, else the first problem, as `field: message`. */
export function manifestProblem(plugin: PluginDefinition): string | null {
  const result = manifestSchema.safeParse(plugin);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `invalid manifest: ${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
