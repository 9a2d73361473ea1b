import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ZodType } from 'zod';
import type { Tenant } from '../sdk';
import { DEFAULT_LIMITS, tenantFileSchema, type TenantFile } from '../config/tenant-schema';
import { findSecret } from './secrets-scan';

/** A valid tenant with the credentials material its requests are verified against. */
export interface TenantEntry {
  file: string;
  tenant: Tenant;
  config: TenantFile;
  storefrontTokenHashes: ReadonlySet<string>;
  /** HS256 secret, read from the variable the file names. */
  jwtSecret: Uint8Array | null;
}

export interface TenantProblem {
  id: string;
  file: string;
  problems: string[];
}

export interface TenantLoadOptions {
  /** Active plugins and their per-tenant settings schema. */
  plugins: ReadonlyMap<string, ZodType | undefined>;
  env: NodeJS.ProcessEnv;
}

export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

function pathOf(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(file)';
}

/** Validates one file's content; returns the entry or the list of `path: message` problems. */
export function validateTenantFile(file: string, text: string, options: TenantLoadOptions): TenantEntry | string[] {
  const secret = findSecret(text);
  if (secret) return [`(file): looks like it holds ${secret}; put secrets in environment variables`];
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return [`(file): malformed YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  const parsed = tenantFileSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`);
  const config = parsed.data;
  const problems: string[] = [];
  if (basename(file, '.yaml') !== config.id) problems.push(`id: must match the file name (${basename(file)})`);
  const settings: Record<string, unknown> = {};
  config.plugins.forEach((name, index) => {
    if (!options.plugins.has(name)) {
      problems.push(`plugins.${index}: unknown or unavailable plugin "${name}"`);
      return;
    }
    const schema = options.plugins.get(name);
    const result = schema?.safeParse(config.settings[name] ?? {});
    if (!result) return;
    if (result.success) settings[name] = result.data;
    else for (const i of result.error.issues) problems.push(`settings.${name}.${pathOf(i.path)}: ${i.message}`);
  });
  const needVar = (field: string, name: string | undefined) => {
    if (name && !options.env[name]) problems.push(`${field}: environment variable ${name} is not set`);
    return name ? options.env[name] : undefined;
  };
  const storefrontToken = needVar('storefront.tokenEnv', config.storefront.tokenEnv);
  const jwtSecret = needVar('admin.hs256SecretEnv', config.admin?.hs256SecretEnv);
  if (config.admin?.algorithms.includes('HS256') && !config.admin.hs256SecretEnv) {
    problems.push('admin.hs256SecretEnv: required when HS256 is allowed');
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push(`admin.hs256SecretEnv: ${config.admin?.hs256SecretEnv} must hold at least 32 characters`);
  }
  if (problems.length) return problems;
  const hashes = new Set(config.storefront.tokenHashes);
  if (storefrontToken) hashes.add(sha256Hex(storefrontToken));
  return {
    file,
    config,
    storefrontTokenHashes: hashes,
    jwtSecret: jwtSecret ? new TextEncoder().encode(jwtSecret) : null,
    tenant: {
      id: config.id,
      name: config.name,
      currency: config.currency,
      locale: config.locale,
      plugins: new Set(['core', ...config.plugins]),
      limits: { ...DEFAULT_LIMITS, ...config.limits },
      settings,
      cors: { origins: config.cors.origins },
    },
  };
}

/**
 * Loads every tenants/*.yaml. A bad file disables only its tenant; duplicates of an id or a token
 * disable every file involved but the first.
 */
export function loadTenantDir(
  dir: string,
  options: TenantLoadOptions,
): { valid: TenantEntry[]; invalid: TenantProblem[] } {
  const valid: TenantEntry[] = [];
  const invalid: TenantProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    return { valid, invalid: [{ id: '*', file: dir, problems: ['(dir): tenant folder not found'] }] };
  }
  for (const name of files) {
    const file = join(dir, name);
    const result = validateTenantFile(file, readFileSync(file, 'utf8'), options);
    const id = basename(name, '.yaml');
    if (Array.isArray(result)) {
      invalid.push({ id, file, problems: result });
      continue;
    }
    const clash = valid.find(
      (other) =>
        other.tenant.id === result.tenant.id ||
        [...result.storefrontTokenHashes].some((h) => other.storefrontTokenHashes.has(h)),
    );
    if (clash) {
      const what = clash.tenant.id === result.tenant.id ? 'id' : 'storefront';
      invalid.push({ id, file, problems: [`${what}: duplicate of ${clash.file}`] });
      continue;
    }
    valid.push(result);
  }
  return { valid, invalid };
}
