import { generateKeyPairSync } from 'node:crypto';
import { customersTenantConfig } from '../../connectors/customers/settings';

/** The problems of a `settings.customers` section, as `path: message`. */
function problems(identityProvider: Record<string, unknown>): string[] {
  const parsed = customersTenantConfig.safeParse({ identityProvider });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const base = { issuer: 'https://login.example.com/', audience: 'shop' };

describe('settings.customers.identityProvider', () => {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  beforeAll(() => {
    process.env.TEST_IDP_PUBLIC_PEM = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    process.env.TEST_IDP_PRIVATE_PEM = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  });
  afterAll(() => {
    delete process.env.TEST_IDP_PUBLIC_PEM;
    delete process.env.TEST_IDP_PRIVATE_PEM;
  });

  it('accepts a JWKS URL or a PEM public key, RS256 by default', () => {
    const parsed = customersTenantConfig.parse({
      identityProvider: { ...base, jwksUrl: 'https://login.example.com/jwks' },
    });
    expect(parsed.identityProvider).toMatchObject({ algorithms: ['RS256'], clockToleranceSeconds: 30 });
    expect(problems({ ...base, publicKeyEnv: 'TEST_IDP_PUBLIC_PEM', algorithms: ['ES256'] })).toEqual([]);
    expect(problems({ ...base, jwksUrl: 'http://127.0.0.1:8080/jwks' })).toEqual([]);
  });

  it('refuses a file that names no keys or both, plain http elsewhere, missing or private keys, weak algorithms', () => {
    expect(problems(base)).toEqual(['identityProvider.jwksUrl: give jwksUrl or publicKeyEnv, exactly one']);
    expect(problems({ ...base, jwksUrl: 'https://a.test/jwks', publicKeyEnv: 'TEST_IDP_PUBLIC_PEM' })).toEqual([
      'identityProvider.jwksUrl: give jwksUrl or publicKeyEnv, exactly one',
    ]);
    expect(problems({ ...base, jwksUrl: 'http://login.example.com/jwks' })[0]).toMatch(
      /^identityProvider\.jwksUrl: must be https/,
    );
    expect(problems({ ...base, publicKeyEnv: 'TEST_IDP_UNSET' })).toEqual([
      'identityProvider.publicKeyEnv: environment variable TEST_IDP_UNSET is not set',
    ]);
    expect(problems({ ...base, publicKeyEnv: 'TEST_IDP_PRIVATE_PEM' })).toEqual([
      'identityProvider.publicKeyEnv: TEST_IDP_PRIVATE_PEM holds no PEM public key',
    ]);
    for (const alg of ['HS256', 'none']) {
      expect(problems({ ...base, jwksUrl: 'https://a.test/jwks', algorithms: [alg] })[0]).toMatch(
        /^identityProvider\.algorithms\.0: /,
      );
    }
    expect(problems({ ...base, jwksUrl: 'https://a.test/jwks', extra: true })[0]).toMatch(/^identityProvider: /);
  });
});
