import type { ServiceTokenSigner } from '../../auth/service-tokens';
import type { PluginDefinition } from '../../sdk';
import type { PluginCandidate } from '../load';
import { summarizeSdl } from '../sdl';
import { RemoteClient, type CallObserver } from './client';
import { remoteFragment } from './fragment';
import { remotePlugin } from './resolvers';
import { readServiceSdl } from './sdl-source';

export interface RemoteDeps {
  signer: ServiceTokenSigner;
  /** The plugin's timeout (PLUGIN_TIMEOUTS, else PLUGIN_TIMEOUT_MS). */
  timeoutOf: (plugin: string) => number;
  observe?: CallObserver;
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
  const remote = manifest.remote!;
  const client = new RemoteClient({
    name: manifest.name,
    remote,
    signer: deps.signer,
    timeoutMs: deps.timeoutOf(manifest.name),
    observe: deps.observe,
  });
  try {
    const sdl = await readServiceSdl(remote, client);
    let fragment;
    try {
      fragment = remoteFragment(sdl, remote, localTypes);
    } catch (error) {
      throw new Error(`invalid service SDL: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { source: candidate.source, plugin: remotePlugin(manifest, fragment, client) };
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
