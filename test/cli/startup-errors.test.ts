import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { runCli } from '../kit/cli';
import { FIXTURE_TENANTS } from '../kit/gateway';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
/** A server's environment as deployed (serve refuses the test kit's NODE_ENV), with a data folder of its own. */
const served = (env: Record<string, string>) => ({
  NODE_ENV: 'production',
  DATABASE_URL: '',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'rg-serve-')),
  ...env,
});

describe('start-up errors', () => {
  it('names each invalid environment variable and exits 2 without a stack trace', async () => {
    const res = await runCli(['serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Invalid environment');
    expect(res.stderr).toMatch(/PORT="eighty"/);
    expect(res.stderr).toMatch(/DATABASE_URL="mysql:\/\/x"/);
    expect(res.stderr).toMatch(/LOG_LEVEL="loud": Invalid option/);
    noStack(res.stderr);
  });

  it('stops with a clear message when a required plugin cannot load', async () => {
    const res = await runCli(
      ['serve'],
      served({
        GATEWAY_PLUGIN_PATHS: join(projectRoot(), 'test', 'fixtures', 'plugins', 'unguarded-root'),
        GATEWAY_REQUIRED_PLUGINS: 'core,unguarded-root',
        TENANTS_DIR: FIXTURE_TENANTS,
        PORT: '0',
      }),
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(
      'Required plugin(s) could not load:\n  unguarded-root: no authorization rule for Query.secrets',
    );
    noStack(res.stderr);
  });

  it('exits non-zero listing every reason when no tenant is valid', async () => {
    const res = await runCli(['serve'], served({ TENANTS_DIR: join(projectRoot(), 'test', 'fixtures'), PORT: '0' }));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No valid tenant configuration');
    noStack(res.stderr);
  });

  it('refuses to start in production on a weak secret, naming each variable and never its value', async () => {
    const weak = {
      TEST_ALPHA_JWT_SECRET: 'change-me-alpha-jwt-secret-0123456789abcdef',
      TEST_ALPHA_STOREFRONT_TOKEN: 'a'.repeat(40),
      TEST_BETA_JWT_SECRET: 'change-me-demo-jwt-secret-0123456789abcdef',
      TEST_BETA_STOREFRONT_TOKEN: 'beta-token-2f9c',
      OPERATOR_JWT_SECRET: 'abc'.repeat(14),
    };
    const res = await runCli(['serve'], { ...weak, NODE_ENV: 'production', TENANTS_DIR: FIXTURE_TENANTS, PORT: '0' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Weak secrets, refused in production');
    expect(res.stderr).toContain('TEST_ALPHA_JWT_SECRET is a placeholder (starts with "change-me")');
    expect(res.stderr).toMatch(/TEST_ALPHA_STOREFRONT_TOKEN has too little entropy/);
    expect(res.stderr).toContain('TEST_BETA_JWT_SECRET is an example value from the documentation');
    expect(res.stderr).toContain('TEST_BETA_STOREFRONT_TOKEN is shorter than 32 characters');
    expect(res.stderr).toMatch(/OPERATOR_JWT_SECRET has too little entropy/);
    for (const value of Object.values(weak)) expect(res.stderr).not.toContain(value);
    noStack(res.stderr);
  });

  it('refuses NODE_ENV=test, whose in-memory database is for the test kit only', async () => {
    const res = await runCli(['serve'], { NODE_ENV: 'test', TENANTS_DIR: FIXTURE_TENANTS, PORT: '0' });
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(
      'error: NODE_ENV=test is for the test kit only; serve with NODE_ENV=development or production',
    );
    expect(res.stdout).not.toMatch(/listening/);
  });
});
