import { pluginVerb } from './plugin-commands';

/** `npm run gateway -- sync <plugin> ...`: each plugin's manifest declares its own (`commands.sync`). */
export const syncCommand = pluginVerb('sync', 'synchronise external stores');
