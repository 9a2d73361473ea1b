import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED_EXAMPLES, entropyBits, secretWeakness } from '../../src/config/secret-strength';
import { projectRoot } from '../../src/sdk';
import { validateTenantFile } from '../../src/tenants/load';
import { FIXTURE_TENANTS } from '../kit/gateway';

const root = projectRoot();

/** The files that show operators how to set secrets: any value they hold may be copied into production. */
function exampleFiles(): string[] {
  const docs = readdirSync(join(root, 'docs')).map((f) => join('docs', f));
  const dotEnv = readdirSync(root).filter((f) => /^\.env/.test(f) && f !== '.env');
  return ['README.md', 'docker-compose.yml', ...docs, ...dotEnv, 'deploy/nginx.conf'];
}

const SECRET_NAME = String.raw`[A-Z][A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|_KEY)\b`;
/**
 * `NAME=value`, `NAME: value` and `${NAME:-value}`. Not values: placeholders to fill in (`…`, `<…>`,
 * `$(…)`, `${…}`), and compose's `${NAME:?message}` and `${NAME:-…}` as the first pattern sees them.
 */
const ASSIGNMENTS = [
  new RegExp(String.raw`\b(${SECRET_NAME})\s*[=:]\s*['"]?([^\s'"\`]+)`, 'g'),
  new RegExp(String.raw`\$\{(${SECRET_NAME}):?-([^}]+)\}`, 'g'),
];
const isPlaceholder = (value: string) => /^(\$|…|<|\.\.\.|\?|-)/.test(value) || value.includes('…');

function exampleValues(): { file: string; name: string; value: string }[] {
  return exampleFiles().flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return ASSIGNMENTS.flatMap((pattern) =>
      [...text.matchAll(pattern)]
        .map(([, name, value]) => ({ file, name, value }))
        .filter(({ value }) => !isPlaceholder(value)),
    );
  });
}

describe('secret strength (production start-up)', () => {
  it('refuses documented examples, change-me placeholders, short and low-entropy values', () => {
    expect(secretWeakness('change-me-acme-jwt-secret-0123456789abcdef')).toBe(
      'is an example value from the documentation',
    );
    expect(secretWeakness('Change-Me-please-0123456789abcdefghijklmnop')).toMatch(/placeholder/);
    expect(secretWeakness('9f86d081884c7d659a2feaa0c55ad01')).toBe('is shorter than 32 characters');
    expect(secretWeakness('a'.repeat(40))).toMatch(/too little entropy/);
    expect(entropyBits('a'.repeat(40))).toBe(0);
    expect(secretWeakness('abcd'.repeat(9))).toMatch(/too little entropy/);
  });

  it('accepts random values as the docs generate them (hex, base64)', () => {
    for (let i = 0; i < 200; i++) {
      expect(secretWeakness(randomBytes(16).toString('hex'))).toBeNull();
      expect(secretWeakness(randomBytes(32).toString('base64url'))).toBeNull();
    }
  });

  it('refuses every example value the docs, README and deployment files show', () => {
    for (const { file, name, value } of exampleValues()) {
      expect({ file, name, refused: secretWeakness(value) !== null }).toEqual({ file, name, refused: true });
    }
    for (const example of DOCUMENTED_EXAMPLES) expect(secretWeakness(example)).not.toBeNull();
  });

  it('finds example values where the files give them (the scan itself works)', () => {
    const text = 'DEMO_JWT_SECRET=hunter2 and ${ACME_JWT_SECRET:-change-me-x} or ACME_JWT_SECRET=…';
    const found = ASSIGNMENTS.flatMap((p) => [...text.matchAll(p)].map(([, , value]) => value)).filter(
      (value) => !isPlaceholder(value),
    );
    expect(found.sort()).toEqual(['change-me-x', 'hunter2']);
  });

  it('in production, disables a tenant whose file names a weak secret when the files are (re)loaded', () => {
    const text = readFileSync(join(FIXTURE_TENANTS, 'alpha.yaml'), 'utf8');
    const env = { TEST_ALPHA_STOREFRONT_TOKEN: randomBytes(24).toString('hex'), TEST_ALPHA_JWT_SECRET: 'x'.repeat(48) };
    const options = {
      plugins: new Map([['catalog', undefined]]),
      alwaysOn: new Set<string>(),
      adminScopes: new Set<string>(),
      env,
    };
    const file = join(FIXTURE_TENANTS, 'alpha.yaml');
    expect(validateTenantFile(file, text, options)).toHaveProperty('entry');
    expect(validateTenantFile(file, text, { ...options, refuseWeakSecrets: true })).toEqual({
      problems: ['(file): TEST_ALPHA_JWT_SECRET has too little entropy (under 80 bits; use e.g. openssl rand -hex 32)'],
      raw: expect.anything(),
    });
  });
});
