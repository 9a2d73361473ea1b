import { makeExecutableSchema } from '@graphql-tools/schema';
import { relative } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { projectRoot, type GatewayContext, type PluginDefinition } from '../sdk';
import type { PluginCandidate } from './load';
import { columnNeedsProblem } from './column-needs';
import { manifestProblem } from './manifest';
import { dependencyOrder } from './order';
import { summarizeSdl, type SdlSummary } from './sdl';
import { serveProvidedFields } from './remote/reference-completion';

export interface PluginState {
  name: string;
  version: string | null;
  source: string;
  state: 'active' | 'quarantined';
  reason: string | null;
}

export interface Composition {
  schema: GraphQLSchema;
  /** Active plugins in dependency order. */
  plugins: PluginDefinition[];
  states: PluginState[];
  /** Which active plugin contributed each type and each field. */
  owners: ContributionOwners;
}

/** The plugin that defined each type, and the plugin that added each `Type.field` (by definition or extension). */
export interface ContributionOwners {
  types: ReadonlyMap<string, string>;
  fields: ReadonlyMap<string, string>;
}

/** A required plugin could not load: start-up stops with this message. */
export class RequiredPluginError extends Error {
  override name = 'RequiredPluginError';
}

interface Entry {
  candidate: PluginCandidate;
  plugin: PluginDefinition;
  sdl: SdlSummary;
}

/** Paths relative to the project, so no response shows the host's file layout. */
const shortPath = (path: string) => relative(projectRoot(), path) || path;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function buildSchema(plugins: readonly PluginDefinition[]): GraphQLSchema {
  const options: Parameters<typeof makeExecutableSchema<GatewayContext>>[0] & { convertExtensions: boolean } = {
    typeDefs: plugins.flatMap((p) => p.typeDefs),
    resolvers: plugins.map((p) => p.resolvers ?? {}),
    inheritResolversFromInterfaces: true,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
    // Lets plugins write `extend type Mutation` without core declaring an empty root.
    convertExtensions: true,
  };
  // Fields of ours a remote service provides (`@provides`) read its value on the entities it returned.
  return serveProvidedFields(makeExecutableSchema<GatewayContext>(options));
}

/** Fields each plugin resolves: `Type.field`, and `Type` alone for scalars and type-level resolvers. */
function resolverCoordinates(plugin: PluginDefinition): string[] {
  const out: string[] = [];
  for (const [typeName, value] of Object.entries(plugin.resolvers ?? {})) {
    if (value && typeof value === 'object' && value.constructor === Object) {
      for (const field of Object.keys(value)) out.push(`${typeName}.${field}`);
    } else {
      out.push(typeName);
    }
  }
  return out;
}

/**
 * Composes one schema from plugin candidates. A plugin that cannot be imported, is malformed, has
 * invalid SDL, lacks a rule for a root field, misses a dependency or conflicts with an earlier plugin is
 * quarantined with its reason; the rest compose. Throws RequiredPluginError if a required plugin is out.
 */
export function composePlugins(candidates: readonly PluginCandidate[], required: readonly string[] = []): Composition {
  const states: PluginState[] = [];
  const quarantine = (source: string, name: string, version: string | null, reason: string) =>
    states.push({ name, version, source: shortPath(source), state: 'quarantined', reason });

  const entries: Entry[] = [];
  for (const candidate of candidates) {
    const { plugin, source } = candidate;
    const fallbackName = candidate.name ?? source.split(/[\\/]/).slice(-2, -1)[0] ?? source;
    if (!plugin) {
      quarantine(source, fallbackName, null, candidate.importError ?? 'import failed');
      continue;
    }
    const name = typeof plugin.name === 'string' ? plugin.name : fallbackName;
    const version = typeof plugin.version === 'string' ? plugin.version : null;
    const problem = manifestProblem(plugin);
    if (problem) {
      quarantine(source, name, version, problem);
      continue;
    }
    if (entries.some((e) => e.plugin.name === name)) {
      quarantine(source, name, version, `duplicate plugin name: ${name} is already loaded`);
      continue;
    }
    let sdl: SdlSummary;
    try {
      sdl = summarizeSdl(plugin.typeDefs);
    } catch (error) {
      quarantine(source, name, version, `invalid SDL: ${errorText(error)}`);
      continue;
    }
    const unguarded = sdl.rootFields.filter((coordinate) => {
      const [typeName, field] = coordinate.split('.') as [string, string];
      return !plugin.permissions?.[typeName]?.[field];
    });
    if (unguarded.length > 0) {
      quarantine(source, name, version, `no authorization rule for ${unguarded.join(', ')}`);
      continue;
    }
    entries.push({ candidate, plugin, sdl });
  }

  const { ordered, cyclic } = dependencyOrder(
    entries,
    (e) => e.plugin.name,
    (e) => e.plugin.dependsOn ?? [],
  );
  for (const e of cyclic) {
    quarantine(e.candidate.source, e.plugin.name, e.plugin.version, 'dependency cycle');
  }

  const accepted: Entry[] = [];
  const typeOwner = new Map<string, { plugin: string; shape: string }>();
  const fieldOwner = new Map<string, string>();
  const resolverOwner = new Map<string, string>();
  const providerOwner = new Map<string, string>();
  let schema: GraphQLSchema | undefined;

  for (const entry of ordered) {
    const { plugin, sdl, candidate } = entry;
    const reject = (reason: string) => quarantine(candidate.source, plugin.name, plugin.version, reason);
    const missing = (plugin.dependsOn ?? []).filter((dep) => !accepted.some((a) => a.plugin.name === dep));
    if (missing.length > 0) {
      reject(`missing dependency: ${missing.join(', ')}`);
      continue;
    }
    const typeConflict = [...sdl.definedTypes].find(([type, shape]) => {
      const owner = typeOwner.get(type);
      return owner !== undefined && owner.shape !== shape;
    });
    if (typeConflict) {
      reject(
        `conflict: type ${typeConflict[0]} is already defined by ${typeOwner.get(typeConflict[0])!.plugin} with a different shape`,
      );
      continue;
    }
    const ownTypes = new Set(sdl.definedTypes.keys());
    const fieldConflict = sdl.fields.find((f) => fieldOwner.has(f) && !ownTypes.has(f.split('.')[0]));
    if (fieldConflict) {
      reject(`conflict: field ${fieldConflict} is already provided by ${fieldOwner.get(fieldConflict)}`);
      continue;
    }
    const resolverConflict = resolverCoordinates(plugin).find((c) => resolverOwner.has(c));
    if (resolverConflict) {
      reject(`conflict: ${resolverConflict} is already resolved by ${resolverOwner.get(resolverConflict)}`);
      continue;
    }
    const providerConflict = (plugin.paymentProviders ?? []).find((p) => providerOwner.has(p.name));
    if (providerConflict) {
      reject(
        `conflict: payment provider ${providerConflict.name} is already contributed by ${providerOwner.get(providerConflict.name)}`,
      );
      continue;
    }
    const composed = [...accepted.map((a) => a.plugin), plugin];
    let built: GraphQLSchema;
    try {
      built = buildSchema(composed);
    } catch (error) {
      reject(`invalid schema: ${errorText(error)}`);
      continue;
    }
    const columnProblem = columnNeedsProblem(composed);
    if (columnProblem) {
      reject(`invalid column needs: ${columnProblem}`);
      continue;
    }
    schema = built;
    accepted.push(entry);
    for (const [type, shape] of sdl.definedTypes)
      if (!typeOwner.has(type)) typeOwner.set(type, { plugin: plugin.name, shape });
    for (const f of sdl.fields) if (!fieldOwner.has(f)) fieldOwner.set(f, plugin.name);
    for (const c of resolverCoordinates(plugin)) resolverOwner.set(c, plugin.name);
    for (const p of plugin.paymentProviders ?? []) providerOwner.set(p.name, plugin.name);
    states.push({
      name: plugin.name,
      version: plugin.version,
      source: shortPath(candidate.source),
      state: 'active',
      reason: null,
    });
  }

  const failedRequired = required
    .filter((name) => !accepted.some((a) => a.plugin.name === name))
    .map((name) => {
      const state = states.find((s) => s.name === name);
      return `${name}: ${state?.reason ?? 'not found'}`;
    });
  if (failedRequired.length > 0) {
    throw new RequiredPluginError(`Required plugin(s) could not load:\n  ${failedRequired.join('\n  ')}`);
  }
  if (!schema) throw new RequiredPluginError('No plugin could load: the gateway has no schema');
  const owners = { types: new Map([...typeOwner].map(([type, o]) => [type, o.plugin])), fields: fieldOwner };
  return { schema, plugins: accepted.map((a) => a.plugin), states, owners };
}
