import DataLoader from 'dataloader';
import { requestLoaders, type LoaderFactory } from '../../src/engine/lazy-loaders';
import { composePlugins } from '../../src/plugins/compose';
import { discoverPlugins } from '../../src/plugins/discover';
import { loadPlugin } from '../../src/plugins/load';
import { projectRoot, type LoaderContext, type Loaders } from '../../src/sdk';

type Loose = Record<string, DataLoader<string, string>>;

const context = (tenantId: string) =>
  ({ tenant: { id: tenantId }, db: { tenantId }, columns: () => null }) as unknown as Omit<LoaderContext, 'guardBatch'>;

const guardBatch: LoaderContext['guardBatch'] = (batch) => batch;

/** A plugin whose two loaders share one cache of what they loaded, counting the times it is built. */
function plugin(prefix: string, builds: string[]): LoaderFactory {
  return {
    guardBatch,
    create: (ctx) => {
      builds.push(prefix);
      const seen = new Set<string>();
      const load = new DataLoader<string, string>(async (keys) => {
        keys.forEach((k) => seen.add(k));
        return keys.map((k) => `${prefix}:${ctx.tenant.id}:${k}`);
      });
      const seenKeys = new DataLoader<string, string>(async (keys) => keys.map((k) => String(seen.has(k))));
      return { [`${prefix}Load`]: load, [`${prefix}Seen`]: seenKeys };
    },
  };
}

describe('request loaders', () => {
  it("builds no plugin's loaders for a request that reads none, and one plugin's once when it reads one", async () => {
    const builds: string[] = [];
    const make = requestLoaders([plugin('a', builds), plugin('b', builds)]);
    builds.length = 0; // the names were learned once, up front
    make(context('alpha'));
    expect(builds).toEqual([]);
    const loaders = make(context('alpha')) as unknown as Loose;
    expect(await loaders.aLoad.load('1')).toBe('a:alpha:1');
    expect(await loaders.aLoad.load('2')).toBe('a:alpha:2');
    expect(builds).toEqual(['a']);
    // Built together: the plugin's second loader sees what the first loaded.
    expect(await loaders.aSeen.load('1')).toBe('true');
    expect(builds).toEqual(['a']);
    expect(Object.keys(loaders).sort()).toEqual(['aLoad', 'aSeen']);
  });

  it('gives each request loaders of its own, on its own context', async () => {
    const builds: string[] = [];
    const make = requestLoaders([plugin('a', builds)]);
    const alpha = make(context('alpha')) as unknown as Loose;
    const beta = make(context('beta')) as unknown as Loose;
    expect(await alpha.aLoad.load('1')).toBe('a:alpha:1');
    expect(await beta.aLoad.load('1')).toBe('a:beta:1');
    expect(alpha.aLoad).not.toBe(beta.aLoad);
    expect(alpha.aLoad).toBe(alpha.aLoad);
  });

  it('builds eagerly a factory that reads its context while building, and lets a later plugin win a name', async () => {
    const builds: string[] = [];
    const reading: LoaderFactory = {
      guardBatch,
      create: (ctx) => {
        builds.push(`reads ${ctx.tenant.id}`);
        return {
          aLoad: new DataLoader<string, string>(async (keys) => keys.map(() => 'later')),
        } as unknown as Partial<Loaders>;
      },
    };
    const make = requestLoaders([plugin('a', builds), reading]);
    builds.length = 0;
    const loaders = make(context('alpha')) as unknown as Loose;
    expect(builds).toEqual(['reads alpha']);
    expect(await loaders.aLoad.load('1')).toBe('later');
    expect(await loaders.aSeen.load('1')).toBe('false');
    expect(await loaders.aLoad.load('2')).toBe('later');
  });

  it("makes every plugin's loaders lazily: none of them reads its context while building", () => {
    const plugins = composePlugins(discoverPlugins(projectRoot()).map(loadPlugin)).plugins;
    const built: string[] = [];
    const factories = plugins.flatMap((p) =>
      p.createLoaders
        ? [{ guardBatch, create: (ctx: LoaderContext) => (built.push(p.name), p.createLoaders!(ctx)) }]
        : [],
    );
    expect(factories.length).toBeGreaterThan(5);
    const make = requestLoaders(factories);
    built.length = 0;
    const loaders = make(context('alpha')) as unknown as Record<string, unknown>;
    expect(built).toEqual([]);
    expect(loaders.productById).toBeInstanceOf(DataLoader);
    expect(built).toEqual(['catalog']);
  });
});
