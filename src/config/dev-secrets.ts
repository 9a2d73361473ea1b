import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECRET_FILE = 'dev-secrets.json';

/** Names of the environment variables one tenant file refers to (tokenEnv, ...SecretEnv, ...Env). */
export function variablesNamedInText(text: string): string[] {
  return [...text.matchAll(/^\s*\w*Env:\s*([A-Z][A-Z0-9_]+)\s*$/gm)].map((match) => match[1]);
}

/** Names of the environment variables the tenant files of a folder refer to. */
export function variablesNamedIn(tenantsDir: string): string[] {
  if (!existsSync(tenantsDir)) return [];
  const names = new Set<string>();
  for (const file of readdirSync(tenantsDir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const name of variablesNamedInText(readFileSync(join(tenantsDir, file), 'utf8'))) names.add(name);
  }
  return [...names].sort();
}

/**
 * Development only: gives every variable the tenant files name, and that the environment lacks, a
 * random value kept in <dataDir>/dev-secrets.json (never committed), so `npm start` needs no setup.
 */
export function applyDevSecrets(dataDir: string, names: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const file = join(dataDir, SECRET_FILE);
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const generated: string[] = [];
  for (const name of names) {
    if (env[name]) continue;
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('base64url');
      generated.push(name);
    }
    env[name] = stored[name];
  }
  if (generated.length) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return generated;
}
