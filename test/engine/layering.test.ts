import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { projectRoot } from '../../src/sdk';

/**
 * DESIGN §2, checked rather than remembered: what each layer may import. Tests are exempt (they compose
 * whatever they exercise).
 */
const root = projectRoot();
const INFRA = new Set(['postgres', 'shopify']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
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
  it('resolvers/<p> imports only the SDK, generated types, its own connectors and the shared ones', () => {
    expect(
      violations('resolvers', (file, to) => {
        const [, plugin] = layer(file);
        if (to.startsWith('pkg:')) return true;
        const [top, name] = layer(to);
        if (top === 'resolvers') return name === plugin;
        if (top === 'connectors') return name === plugin || INFRA.has(name);
        return to.startsWith('src/sdk') || to.startsWith('src/generated');
      }),
    ).toEqual([]);
  });

  it('connectors/<p> imports only SDK types, the shared connectors and itself — never graphql or Apollo', () => {
    expect(
      violations('connectors', (file, to) => {
        const [, plugin] = layer(file);
        if (to.startsWith('pkg:')) return !/^pkg:(graphql|@apollo\/)/.test(to) || plugin === 'shopify';
        const [top, name] = layer(to);
        if (top === 'connectors') return name === plugin || INFRA.has(name);
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

  it('src/ never imports a plugin: no resolvers/, no plugin connectors', () => {
    expect(
      violations('src', (file, to) => {
        if (to.startsWith('pkg:')) return true;
        const [top, name] = layer(to);
        if (top === 'resolvers') return false;
        if (top === 'connectors') return INFRA.has(name) || file.startsWith('src/generated/');
        return true;
      }),
    ).toEqual([]);
  });

  it("reaches Express's res.locals only through the typed request state (src/http/request-state.ts)", () => {
    const readers = sourceFiles('src').filter((file) => /\bres\.locals\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(readers).toEqual(['src/http/request-state.ts']);
  });

  it('builds a gateway without authorization only in bench/: nothing else calls buildGateway', () => {
    const callers = ['src', 'connectors', 'resolvers', 'bench', 'examples'].flatMap((dir) =>
      sourceFiles(dir).filter((file) => /\bbuildGateway\b/.test(readFileSync(join(root, file), 'utf8'))),
    );
    expect(callers.filter((file) => !file.startsWith('bench/')).sort()).toEqual(['src/engine/gateway.ts']);
    expect(callers).toContain('bench/gateway-server.ts');
  });
});
