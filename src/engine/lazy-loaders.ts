import type { LoaderContext, Loaders } from '../sdk';

export interface LoaderFactory {
  create: (ctx: LoaderContext) => Partial<Loaders>;
  guardBatch: LoaderContext['guardBatch'];
}

type RequestLoaderContext = Omit<LoaderContext, 'guardBatch'>;

const CONTEXT = Symbol('loader context');
type Holder = Record<string | symbol, unknown> & { [CONTEXT]: RequestLoaderContext };

/** Stands for a request's context while loader names are learned: any use of it throws. */
const untouchable = new Proxy(() => undefined, {
  get: () => {
    throw new Error('a loader factory read its context while being built');
  },
  apply: () => {
    throw new Error('a loader factory called its context while being built');
  },
});

/** The names of the loaders a factory builds, or null when it reads its context as it builds them. */
function namesOf(factory: LoaderFactory): string[] | null {
  const probe = { tenant: untouchable, db: untouchable, columns: untouchable } as unknown as RequestLoaderContext;
  try {
    return Object.keys(factory.create({ ...probe, guardBatch: factory.guardBatch }));
  } catch {
    return null;
  }
}

/**
 * Per-request loaders, each plugin's made when the request first reads one of them: most requests read
 * through a few plugins, a `{ __typename }` through none, and a request used to build every plugin's
 * loaders. The loader names are learned once, here, by building each plugin's loaders on a context that
 * must not be touched; a factory that touches it builds eagerly, on every request, as before. A plugin's
 * loaders are built together, so loaders of one plugin that share state still do.
 */
export function requestLoaders(factories: readonly LoaderFactory[]): (ctx: RequestLoaderContext) => Loaders {
  const shared: Record<string, unknown> = {};
  const eager: number[] = [];
  // As with Object.assign of every plugin's loaders in order, a later plugin's loader of a name wins.
  const owner = new Map<string, number>();
  factories.forEach((factory, i) => {
    const names = namesOf(factory);
    if (!names) eager.push(i);
    for (const name of names ?? []) owner.set(name, i);
  });
  /** Builds factory `i`'s loaders on the holder's context and keeps those no other factory holds. */
  const build = (holder: Holder, i: number) => {
    const factory = factories[i];
    const made = factory.create({ ...holder[CONTEXT], guardBatch: factory.guardBatch }) as Record<string, unknown>;
    for (const [name, loader] of Object.entries(made)) {
      // A later plugin owns the name, or a factory built eagerly has put it here already.
      if ((owner.get(name) ?? i) > i || Object.hasOwn(holder, name)) continue;
      Object.defineProperty(holder, name, { value: loader, writable: true, enumerable: true, configurable: true });
    }
    return made;
  };
  for (const [name, i] of owner) {
    Object.defineProperty(shared, name, {
      get(this: Holder) {
        return build(this, i)[name];
      },
      enumerable: true,
      configurable: true,
    });
  }
  return (ctx) => {
    const loaders = Object.create(shared) as Holder;
    loaders[CONTEXT] = ctx;
    for (const i of eager) build(loaders, i);
    return loaders as unknown as Loaders;
  };
}
