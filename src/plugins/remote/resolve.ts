import type { ServiceTokenSigner } from '../../auth/service-tokens';
import type { PluginDefinition } from '../../sdk';
import type { PluginCandidate } from '../load';
import { summarizeSdl } from '../sdl';
import { RemoteClient, type CallObserver, type CallTracer } from './client';
import { remoteFragment } from './fragment';
import { remotePlugin } from './resolvers';
import { readServiceSdl } from './sdl-source';

export interface RemoteDeps {
  signer: ServiceTokenSigner;
  /** The plugin's timeout (PLUGIN_TIMEOUTS, else PLUGIN_TIMEOUT_MS). */
  timeoutOf: (plugin: string) => number;
  observe?: CallObserver;
  /** Spans of the calls, under the request's. */
  tracer?: CallTracer;
}

export const isRemote = (candidate: PluginCandidate) => Boolean(candidate.plugin?.remote);

/** The types the local plugins define: a service may extend these (as entities) but not redefine them. */
export function localTypesOf(candidates: readonly PluginCandidate[]): Set<string> {
  const types = new Set<string>();
  for (const c of candidates) {
    if (!c.plugin || c.plugin.remote) continue;
    try {
      for (const type of summarizeSdl(c.plugin.typeDefs).definedTypes.keys()) types.add(type);
    } catch {
      // Its own quarantine reports it.
    }
  }
  return types;
}

/** The SDL each remote plugin was made from: a later read compares with it (engine/remote-retry.ts). */
const sdlOfPlugin = new WeakMap<PluginDefinition, string>();
export const sdlOf = (plugin: PluginDefinition | undefined) => (plugin ? sdlOfPlugin.get(plugin) : undefined);

/** The client a remote manifest's plugin calls its service with. */
export const clientOf = (manifest: PluginDefinition, deps: RemoteDeps) =>
  new RemoteClient({
    name: manifest.name,
    remote: manifest.remote!,
    signer: deps.signer,
    timeoutMs: deps.timeoutOf(manifest.name),
    observe: deps.observe,
    tracer: deps.tracer,
  });

/** A remote manifest made a plugin from a service SDL; throws with a reason fit for /readyz when it is unusable. */
export function remoteFromSdl(
  manifest: PluginDefinition,
  sdl: string,
  localTypes: ReadonlySet<string>,
  client: RemoteClient,
): PluginDefinition {
  let fragment;
  try {
    fragment = remoteFragment(sdl, manifest.remote!, localTypes);
  } catch (error) {
    throw new Error(`invalid service SDL: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plugin = remotePlugin(manifest, fragment, client);
  sdlOfPlugin.set(plugin, sdl);
  return plugin;
}

/**
 * A remote manifest made a plugin: its service's SDL read and turned into a fragment with resolvers.
 * When the service cannot be reached or its SDL is unusable, a failed candidate whose reason the
 * composition reports (the plugin is quarantined, and retried later).
 */
export async function resolveRemote(
  candidate: PluginCandidate,
  localTypes: ReadonlySet<string>,
  deps: RemoteDeps,
): Promise<PluginCandidate> {
  const manifest = candidate.plugin as PluginDefinition;
  const client = clientOf(manifest, deps);
  try {
    const sdl = await readServiceSdl(manifest.remote!, client);
    return { source: candidate.source, plugin: remoteFromSdl(manifest, sdl, localTypes, client) };
  } catch (error) {
    return {
      source: candidate.source,
      name: manifest.name,
      importError: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Every candidate, with the remote ones resolved (in parallel). */
export async function resolveRemotes(
  candidates: readonly PluginCandidate[],
  deps: RemoteDeps,
): Promise<PluginCandidate[]> {
  const localTypes = localTypesOf(candidates);
  return Promise.all(candidates.map((c) => (isRemote(c) ? resolveRemote(c, localTypes, deps) : Promise.resolve(c))));
}
