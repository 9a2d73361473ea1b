import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { runCli } from '../kit/cli';
import { FIXTURE_TENANTS } from '../kit/gateway';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

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
    const res = await runCli(['serve'], {
      GATEWAY_PLUGIN_PATHS: join(projectRoot(), 'test', 'fixtures', 'plugins', 'unguarded-root'),
      GATEWAY_REQUIRED_PLUGINS: 'core,unguarded-root',
      TENANTS_DIR: FIXTURE_TENANTS,
      PORT: '0',
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(
      'Required plugin(s) could not load:\n  unguarded-root: no authorization rule for Query.secrets',
    );
    noStack(res.stderr);
  });

  it('exits non-zero listing every reason when no tenant is valid', async () => {
    const res = await runCli(['serve'], { TENANTS_DIR: join(projectRoot(), 'test', 'fixtures'), PORT: '0' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('No valid tenant configuration');
    noStack(res.stderr);
  });
});
