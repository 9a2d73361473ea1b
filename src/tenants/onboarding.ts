import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { tenantFileSchema } from '../config/tenant-schema';
import { sha256Hex } from './credentials';

export interface NewTenant {
  id: string;
  name: string;
  currency: string;
  locale: string;
  plugins: string[];
  issuer: string;
  audience: string;
}

/** A fresh storefront token: 256 random bits; the prefix lets secret scanners recognise a leaked one. */
export const newStorefrontToken = () => `rgsf_${randomBytes(32).toString('base64url')}`;

/** The variable prefix of a tenant: `my-shop` gives MY_SHOP_... */
export const variablePrefix = (id: string) => id.toUpperCase().replace(/-/g, '_');

function problemsOf(text: string): string[] {
  const parsed = tenantFileSchema.safeParse(parseDocument(text).toJS());
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
}

/** Writes through a temporary file, so a reader never sees half a tenant file. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o644 });
  renameSync(temp, file);
}

/**
 * Writes tenants/<id>.yaml with a new storefront token, of which only the SHA-256 is stored. Returns the
 * token (to be shown once) and the variables the operator must set.
 */
export function createTenantFile(dir: string, t: NewTenant): { file: string; token: string; variables: string[] } {
  const file = join(dir, `${t.id}.yaml`);
  if (existsSync(file))
    throw new Error(`${file} already exists; use \`tenant rotate-token ${t.id}\` to replace its token`);
  const token = newStorefrontToken();
  const secretVariable = `${variablePrefix(t.id)}_JWT_SECRET`;
  const doc = new Document({
    id: t.id,
    name: t.name,
    currency: t.currency,
    locale: t.locale,
    plugins: t.plugins,
    storefront: { tokenHashes: [sha256Hex(token)] },
    admin: { issuer: t.issuer, audience: t.audience, algorithms: ['HS256'], hs256SecretEnv: secretVariable },
  });
  doc.commentBefore = ` Tenant "${t.name}". Secrets are never stored here: only names of environment variables.`;
  const text = doc.toString();
  const problems = problemsOf(text);
  if (problems.length) throw new Error(`invalid tenant:\n  ${problems.join('\n  ')}`);
  writeAtomically(file, text);
  return { file, token, variables: [secretVariable] };
}

/** Replaces the tenant's storefront tokens with a new one (optionally keeping the previous for a while). */
export function rotateStorefrontToken(file: string, keepPrevious = false): { token: string; droppedVariable?: string } {
  if (!existsSync(file)) throw new Error(`no tenant file ${file}`);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length) throw new Error(`${file}: malformed YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const token = newStorefrontToken();
  const previous = keepPrevious
    ? ((doc.getIn(['storefront', 'tokenHashes']) as { toJSON(): string[] })?.toJSON() ?? [])
    : [];
  const droppedVariable = doc.getIn(['storefront', 'tokenEnv']) as string | undefined;
  doc.setIn(['storefront', 'tokenHashes'], [sha256Hex(token), ...previous]);
  if (droppedVariable && !keepPrevious) doc.deleteIn(['storefront', 'tokenEnv']);
  const text = doc.toString();
  const problems = problemsOf(text);
  if (problems.length) throw new Error(`${file} would be invalid:\n  ${problems.join('\n  ')}`);
  writeAtomically(file, text);
  return { token, droppedVariable: keepPrevious ? undefined : droppedVariable };
}
