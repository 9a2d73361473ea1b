import { resolve } from 'node:path';
import { ConfigError, loadEnv, type Env } from '../config/env';
import { applyDevSecrets, variablesNamedIn } from '../config/dev-secrets';
import { MigrationError } from '../db/migrator';
import { RequiredPluginError } from '../plugins/compose';
import { projectRoot } from '../sdk';

/** The validated environment; in development, secrets the tenant files name are generated once. */
export function bootEnv(): Env {
  const env = loadEnv();
  if (env.NODE_ENV === 'development') {
    const names = variablesNamedIn(resolve(projectRoot(), env.TENANTS_DIR));
    applyDevSecrets(resolve(env.DATA_DIR), names, process.env);
  }
  return env;
}

const EXPECTED = [ConfigError, RequiredPluginError, MigrationError];

/** Runs a command; expected failures print their message alone (no stack) and exit non-zero. */
export async function runCommand(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (EXPECTED.some((type) => error instanceof type)) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
