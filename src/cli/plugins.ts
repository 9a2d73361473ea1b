import type { Env } from '../config/env';
import { composePlugins } from '../plugins/compose';
import { candidatesFrom } from '../engine/gateway';

/** The active plugins, as the gateway would compose them (commands that need no server). */
export function activePlugins(env: Env) {
  const composition = composePlugins(candidatesFrom(env), env.GATEWAY_REQUIRED_PLUGINS);
  for (const s of composition.states.filter((s) => s.state === 'quarantined')) {
    process.stderr.write(`warning: plugin ${s.name} quarantined: ${s.reason}\n`);
  }
  return composition.plugins;
}
