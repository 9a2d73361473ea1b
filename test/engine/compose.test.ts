import { join } from 'node:path';
import { composePlugins, RequiredPluginError } from '../../src/plugins/compose';
import { discoverPlugins } from '../../src/plugins/discover';
import { loadPlugin } from '../../src/plugins/load';
import { paymentProvidersOf } from '../../src/plugins/payment-providers';
import { projectRoot } from '../../src/sdk';
import { pluginPath } from '../kit/gateway';

const fixture = (name: string) => join(projectRoot(), 'test', 'fixtures', 'plugins', name, 'plugin.ts');
const load = (...paths: string[]) => paths.map(loadPlugin);
const base = [pluginPath('core'), pluginPath('catalog')];

function stateOf(composition: ReturnType<typeof composePlugins>, name: string) {
  return composition.states.find((s) => s.name === name);
}

describe('plugin discovery', () => {
  it('finds every resolvers/*/plugin.ts and the extra paths, folder or file', () => {
    const found = discoverPlugins(projectRoot(), [
      join('test', 'fixtures', 'plugins', 'extra-greeting'),
      fixture('unguarded-root'),
    ]);
    expect(found).toEqual(expect.arrayContaining([...base, fixture('extra-greeting'), fixture('unguarded-root')]));
    expect(found.filter((p) => p.startsWith(join(projectRoot(), 'resolvers')))).toEqual(
      [...found.filter((p) => p.startsWith(join(projectRoot(), 'resolvers')))].sort(),
    );
  });
});

describe('plugin quarantine', () => {
  it.each([
    ['throws-on-import', /^import failed: fixture: this plugin fails while loading/],
    ['invalid-sdl', /^invalid SDL: Syntax Error/],
    ['conflicting-type', /^conflict: type Product is already defined by catalog with a different shape/],
    ['conflicting-resolver', /^conflict: Product\.productType is already resolved by catalog/],
    ['missing-dependency', /^missing dependency: loyalty/],
    ['unguarded-root', /^no authorization rule for Query\.secrets/],
    ['bad-columns', /^invalid column needs: Column needs of Product name columns products lacks: weight_grams/],
  ])('sets aside %s with its reason and composes the rest', (name, reason) => {
    const composition = composePlugins(load(...base, fixture(name)));
    const state = stateOf(composition, name);
    expect(state?.state).toBe('quarantined');
    expect(state?.reason).toMatch(reason);
    expect(composition.plugins.map((p) => p.name)).toEqual(['core', 'catalog']);
    expect(composition.schema.getQueryType()?.getFields().products).toBeDefined();
  });

  it('quarantines a plugin whose dependency was quarantined', () => {
    const composition = composePlugins(load(pluginPath('core'), fixture('conflicting-resolver')));
    expect(stateOf(composition, 'conflicting-resolver')?.reason).toBe('missing dependency: catalog');
  });

  it('orders plugins by dependency whatever the discovery order', () => {
    const composition = composePlugins(load(pluginPath('catalog'), fixture('extra-greeting'), pluginPath('core')));
    expect(composition.plugins.map((p) => p.name)).toEqual(['core', 'catalog', 'extra-greeting']);
  });

  it('stops with every reason when a required plugin cannot load', () => {
    expect(() => composePlugins(load(...base, fixture('unguarded-root')), ['core', 'unguarded-root'])).toThrow(
      RequiredPluginError,
    );
    expect(() => composePlugins(load(fixture('invalid-sdl')), ['core'])).toThrow(/core: not found/);
  });

  it('refuses a malformed manifest', () => {
    const composition = composePlugins([
      ...load(...base),
      { source: 'inline', plugin: { name: 'Bad Name', version: 'x', typeDefs: '' } },
    ]);
    expect(stateOf(composition, 'Bad Name')?.reason).toMatch(/^invalid manifest: name:/);
  });

  it('takes payment providers from the manifests, and quarantines a plugin repeating a provider name', () => {
    const copy = {
      name: 'copy-pay',
      version: '0.1.0',
      typeDefs: 'type CopyPayReceipt { id: ID! }',
      paymentProviders: [{ name: 'test-pay' }],
    };
    const badName = { ...copy, name: 'bad-pay', paymentProviders: [{ name: 'Bad Pay' }] };
    const composition = composePlugins([
      ...load(...base, fixture('test-pay')),
      { source: 'inline', plugin: copy },
      { source: 'inline', plugin: badName },
    ]);
    expect(stateOf(composition, 'copy-pay')?.reason).toBe(
      'conflict: payment provider test-pay is already contributed by test-pay',
    );
    expect(stateOf(composition, 'bad-pay')?.reason).toMatch(/^invalid manifest: paymentProviders\.0\.name:/);
    const providers = paymentProvidersOf(composition.plugins);
    expect([...providers.keys()]).toEqual(['test-pay']);
    expect(providers.get('test-pay')).toHaveProperty('webhook.verify');
  });
});
