import { Command } from 'commander';
import { candidatesFrom, createGateway } from '../engine/gateway';
import type { PluginCommand } from '../sdk';
import { bootEnv, runCommand } from './boot';

/** The command's own options, parsed from what follows `<verb> <plugin>` (commander's errors and exit). */
function optionsOf(name: string, command: PluginCommand, args: readonly string[]) {
  const parser = new Command(name).description(command.description);
  for (const o of command.options ?? []) {
    if (o.required) parser.requiredOption(o.flags, o.description);
    else parser.option(o.flags, o.description);
  }
  return parser.parse(args, { from: 'user' }).opts<Record<string, string | boolean | undefined>>();
}

/**
 * A CLI verb whose commands the plugins' manifests bring (`commands: { sync: ... }`):
 * `npm run gateway -- <verb> <plugin> [options]` starts a migrated gateway and runs that plugin's command.
 */
export function pluginVerb(verb: string, description: string): Command {
  return new Command(verb)
    .description(`${description}: ${verb} <plugin> [options], as the plugin's manifest declares`)
    .argument('<plugin>', 'a plugin that declares this command')
    .argument('[options...]', "the plugin command's options (--help lists them)")
    .passThroughOptions()
    .action((plugin: string, args: string[]) =>
      runCommand(async () => {
        const env = bootEnv();
        const declared = candidatesFrom(env).find((c) => c.plugin?.name === plugin)?.plugin?.commands?.[verb];
        if (!declared) throw new Error(`no plugin "${plugin}" declares the ${verb} command`);
        const options = optionsOf(`${verb} ${plugin}`, declared, args);
        const gateway = await createGateway({ env, migrate: true });
        try {
          const command = gateway.composition.plugins.find((p) => p.name === plugin)?.commands?.[verb];
          if (!command) throw new Error(`plugin "${plugin}" is not active (see the start-up log)`);
          await command.run(gateway.runtime, options);
        } finally {
          await gateway.stop();
        }
      }),
    );
}
