import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { projectRoot } from '../../src/sdk';

/**
 * docs/architecture.md ("Layers"), checked rather than remembered: what each layer may import. Tests are exempt (they compose
 * whatever they exercise).
 */
const root = projectRoot();
const TOP_LEVEL = ['src', 'connectors', 'resolvers', 'scripts', 'examples', 'bench', 'test'];
/** Leaves: they may import anything; nothing else imports them. */
const LEAVES = new Set(['bench', 'test']);

/**
 * The resolver types codegen writes (resolvers/generated/): they name the row types each manifest's
 * mappers give, so they sit beside the plugins, and every resolver map imports them.
 */
const GENERATED = 'resolvers/generated/';

/** The plugins: every folder of resolvers/ with a manifest. */
const PLUGINS = readdirSync(join(root, 'resolvers')).filter((name) =>
  existsSync(join(root, 'resolvers', name, 'plugin.ts')),
);
/** What src/ may say of a plugin by name: configuration defaults an operator may change. */
const NAMING_ALLOWED: Record<string, RegExp> = {
  'src/config/env.ts': /GATEWAY_REQUIRED_PLUGINS: list\.default\(\['core'\]\)/,
};

/**
 * src/ from the bottom up: a folder imports only folders before it. The order is the code's own: the SDK's
 * types underlie everything; src/db runs statements on them; `sdk/db` (src/sdk/db/) is the plugins' window
 * onto src/db; composition and observability sit below the request pipeline (cache, limits, jobs, http,
 * documents); the engine assembles all of them; the command line drives the engine.
 */
const SRC_ORDER = [
  'sdk',
  'config',
  'db',
  'sdk/db',
  'tenants',
  'auth',
  'plugins',
  'observability',
  'cache',
  'limits',
  'jobs',
  'http',
  'documents',
  'engine',
  'cli',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** An import as a project path (relative imports resolved) or a package name. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : `pkg:${spec}`;
}

function violations(dir: string, allowed: (file: string, to: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((spec) => target(file, spec))
      .filter((to) => !allowed(file, to))
      .map((to) => `${file} -> ${to}`),
  );
}

const layer = (path: string) => path.split('/').slice(0, 2);

/** The src/ folder a path belongs to, with the SDK's database window apart from the rest of the SDK. */
const srcLayer = (path: string) =>
  path.startsWith('src/sdk/db/') || path === 'src/sdk/db' ? 'sdk/db' : layer(path)[1];

/** Which top-level folders import which (test files exempt). */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const dir of TOP_LEVEL) {
    for (const file of sourceFiles(dir)) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const [to] = layer(target(file, spec));
        if (to !== dir) graph.set(dir, (graph.get(dir) ?? new Set()).add(to));
      }
    }
  }
  return graph;
}

/** The source files `file` imports (type-only imports too) among `files`. */
function importedFiles(file: string, files: Set<string>): string[] {
  return importsOf(file)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => target(file, spec))
    .flatMap((to) => [`${to}.ts`, join(to, 'index.ts')].filter((path) => files.has(path)).slice(0, 1));
}

/** Each import cycle among `files` that a depth-first walk meets, as the path around it. */
function importCycles(files: string[]): string[] {
  const known = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, stack: string[]) => {
    state.set(file, 'open');
    for (const next of importedFiles(file, known)) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next, [...stack, next]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file, [file]);
  return cycles;
}

describe('layering rules', () => {
  it('resolvers/<p> imports only the SDK, the generated types and its own connectors', () => {
    expect(
      violations('resolvers', (file, to) => {
        const [, plugin] = layer(file);
        if (to.startsWith('pkg:')) return true;
        if (to.startsWith(GENERATED)) return true;
        const [top, name] = layer(to);
        if (file.startsWith(GENERATED))
          return top === 'connectors' ? to.endsWith('/tables') || to.endsWith('/loaders') : to.startsWith('src/sdk');
        if (top === 'resolvers' || top === 'connectors') return name === plugin;
        return to.startsWith('src/sdk');
      }),
    ).toEqual([]);
  });

  it('connectors/<p> imports only the SDK (the database layer through src/sdk/db) and itself — never graphql or Apollo', () => {
    expect(
      violations('connectors', (file, to) => {
        const [, plugin] = layer(file);
        if (to.startsWith('pkg:')) return !/^pkg:(graphql|@apollo\/)/.test(to) || plugin === 'shopify';
        const [top, name] = layer(to);
        if (top === 'connectors') return name === plugin;
        return to === 'src/sdk' || (to.startsWith('src/sdk/') && to !== 'src/sdk/graphql');
      }),
    ).toEqual([]);
  });

  it('migrations depend on kysely alone (directly, or through helpers that import only kysely)', () => {
    const migrations = sourceFiles('connectors').filter((f) => f.includes('/migrations/') && !f.endsWith('index.ts'));
    expect(migrations.length).toBeGreaterThan(0);
    const kyselyOnly = (file: string): boolean =>
      importsOf(file).every(
        (spec) => spec === 'kysely' || (spec.startsWith('.') && kyselyOnly(`${target(file, spec)}.ts`)),
      );
    expect(migrations.filter((file) => !kyselyOnly(file))).toEqual([]);
  });

  it('connectors/ and resolvers/ import no module that imports them back, directly or not', () => {
    expect(importCycles([...sourceFiles('connectors'), ...sourceFiles('resolvers')])).toEqual([]);
  });

  it('src/ never imports connectors/ or resolvers/', () => {
    expect(violations('src', (_, to) => !/^(connectors|resolvers)\//.test(to))).toEqual([]);
  });

  it("src/ names no plugin: no plugin's name as a string literal", () => {
    expect(PLUGINS).toEqual(expect.arrayContaining(['core', 'catalog', 'shopify']));
    const literal = new RegExp(`(['"\`])(${PLUGINS.join('|')})\\1`, 'g');
    const named = sourceFiles('src').flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8').replace(NAMING_ALLOWED[file] ?? /^$/, '');
      return [...text.matchAll(literal)].map((m) => `${file}: ${m[0]}`);
    });
    expect(named).toEqual([]);
  });

  it('src/ folders import only the folders below them', () => {
    const unordered = new Set(
      sourceFiles('src')
        .map(srcLayer)
        .filter((l) => !SRC_ORDER.includes(l)),
    );
    expect([...unordered]).toEqual([]);
    expect(
      violations('src', (file, to) => {
        if (!to.startsWith('src/')) return true;
        const [from, into] = [srcLayer(file), srcLayer(to)];
        return from === into || SRC_ORDER.indexOf(into) < SRC_ORDER.indexOf(from);
      }),
    ).toEqual([]);
  });

  it('no two top-level folders import each other; test/ and bench/ are imported by nothing else', () => {
    const graph = folderImports();
    const mutual = [...graph].flatMap(([from, tos]) =>
      [...tos].filter((to) => from < to && graph.get(to)?.has(from)).map((to) => `${from} <-> ${to}`),
    );
    expect(mutual).toEqual([]);
    const intoLeaves = [...graph].flatMap(([from, tos]) =>
      LEAVES.has(from) ? [] : [...tos].filter((to) => LEAVES.has(to)).map((to) => `${from} -> ${to}`),
    );
    expect(intoLeaves).toEqual([]);
  });

  it("reaches Express's res.locals only through the typed request state (src/observability/request-state.ts)", () => {
    const readers = sourceFiles('src').filter((file) => /\bres\.locals\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(readers).toEqual(['src/observability/request-state.ts']);
  });

  it('builds a gateway without authorization only in bench/: nothing else calls buildGateway', () => {
    const callers = ['src', 'connectors', 'resolvers', 'bench', 'examples'].flatMap((dir) =>
      sourceFiles(dir).filter((file) => /\bbuildGateway\b/.test(readFileSync(join(root, file), 'utf8'))),
    );
    expect(callers.filter((file) => !file.startsWith('bench/')).sort()).toEqual(['src/engine/gateway.ts']);
    expect(callers).toContain('bench/gateway-server.ts');
  });
});
