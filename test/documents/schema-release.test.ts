import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The breaking-change check against the released schema, in a repository of its own: this project's
 * schema scripts and npm scripts, a small schema, and a history of several commits.
 */
const ROOT = join(__dirname, '..', '..');
const V1 = 'type Query { product(id: ID!): Product }\ntype Product { id: ID! title: String! legacyCode: String }\n';
const WITHOUT_LEGACY = 'type Query { product(id: ID!): Product }\ntype Product { id: ID! title: String! }\n';
const WITH_SKU = 'type Query { product(id: ID!): Product }\ntype Product { id: ID! title: String! sku: String }\n';
const REMOVAL = 'Product.legacyCode was removed.';

let repo: string;
const file = (path: string) => join(repo, path);
const read = (path: string) => readFileSync(file(path), 'utf8');
const write = (path: string, text: string) => writeFileSync(file(path), text);
const json = (path: string): unknown => JSON.parse(read(path));

function git(...args: string[]) {
  const run = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
}

function commit(message: string) {
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

/** `npm run <script>` in the repository; the release date is the clock's, fixed here. */
function npmRun(script: string) {
  const run = spawnSync('npm', ['run', '--silent', script], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, SCHEMA_RELEASE_DATE: '2026-12-06' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'rg-schema-'));
  mkdirSync(file('scripts'));
  mkdirSync(file('schema'));
  for (const script of readdirSync(join(ROOT, 'scripts')).filter((f) => f.startsWith('schema-'))) {
    copyFileSync(join(ROOT, 'scripts', script), file(`scripts/${script}`));
  }
  symlinkSync(join(ROOT, 'node_modules'), file('node_modules'));
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const schemaScripts = Object.fromEntries(Object.entries(scripts).filter(([name]) => name.startsWith('schema:')));
  write('package.json', JSON.stringify({ name: 'schema-history', private: true, scripts: schemaScripts }));
  write('.gitignore', 'node_modules\n');
  git('init', '-q');
  git('config', 'user.email', 'ci@example.test');
  git('config', 'user.name', 'CI');
  write('schema/schema.graphql', V1);
  write('schema/released.graphql', V1);
  write('schema/intended-breaking-changes.json', '[]\n');
  commit('release 1');
  // A submission of two commits: the field goes in the first, the second only adds.
  write('schema/schema.graphql', WITHOUT_LEGACY);
  commit('remove legacyCode');
  write('schema/schema.graphql', WITH_SKU);
  commit('add sku');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('breaking-change check against the released schema', () => {
  it('refuses a field removed two commits back, naming it', () => {
    const check = npmRun('schema:check');
    expect(check.status).not.toBe(0);
    expect(check.output).toContain(`BREAKING (FIELD_REMOVED): ${REMOVAL}`);
  });

  it('passes the removal once listed as intended; the release records it and becomes the new baseline', () => {
    const reason = 'Unused since 2024; announced in the changelog.';
    write('schema/intended-breaking-changes.json', JSON.stringify([{ change: REMOVAL, reason }]));
    commit('list the removal');
    const check = npmRun('schema:check');
    expect(check).toEqual({ status: 0, output: expect.stringContaining(`intended breaking change: ${REMOVAL}`) });

    const release = npmRun('schema:release');
    expect(release.status).toBe(0);
    expect(read('schema/released.graphql')).toBe(WITH_SKU);
    expect(json('schema/intended-breaking-changes.json')).toEqual([]);
    expect(json('schema/released-changes.json')).toEqual([
      { released: '2026-12-06', changes: [{ change: REMOVAL, reason }] },
    ]);
    commit('release 2');

    const after = npmRun('schema:check');
    expect(after).toEqual({ status: 0, output: expect.stringContaining('no unintended breaking change') });
    expect(after.output).not.toContain(REMOVAL);
    // The next removal is measured from the new baseline.
    write('schema/schema.graphql', WITHOUT_LEGACY);
    const next = npmRun('schema:check');
    expect(next.status).not.toBe(0);
    expect(next.output).toContain('Product.sku was removed.');
  });

  it('refuses to release an unintended breaking change, writing nothing', () => {
    const release = npmRun('schema:release');
    expect(release.status).not.toBe(0);
    expect(release.output).toContain(REMOVAL);
    expect(read('schema/released.graphql')).toBe(V1);
    expect(json('schema/intended-breaking-changes.json')).toEqual([]);
    expect(() => read('schema/released-changes.json')).toThrow();
  });

  it('refuses to release an intended change that the schema does not make', () => {
    write('schema/schema.graphql', V1.replace('legacyCode: String', 'legacyCode: String sku: String'));
    const stale = [{ change: 'Product.title was removed.', reason: 'Planned for later.' }];
    write('schema/intended-breaking-changes.json', JSON.stringify(stale));
    const release = npmRun('schema:release');
    expect(release.status).not.toBe(0);
    expect(release.output).toContain('Product.title was removed.');
    expect(read('schema/released.graphql')).toBe(V1);
    expect(json('schema/intended-breaking-changes.json')).toEqual(stale);
  });
});
