import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import type { JestResults } from '../../scripts/test-results';
import { runBin } from '../kit/cli';

const dir = mkdtempSync(join(tmpdir(), 'rg-ci-'));
const FIXTURE = 'test/ci/fixtures/skips.fixture.ts';
const env = { ...process.env, NODE_OPTIONS: '', DATABASE_URL: undefined };
const check = (file: string) => runBin('tsx', ['scripts/ci-check-results.ts', file], env);

/** Jest's --json results of the fixture, as `.ci/run` writes them for the whole suite. */
let results: JestResults;

beforeAll(async () => {
  const config = {
    rootDir: projectRoot(),
    testMatch: [`<rootDir>/${FIXTURE}`],
    transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  };
  const output = join(dir, 'results.json');
  const run = await runBin('jest', ['--config', JSON.stringify(config), '--json', `--outputFile=${output}`], env);
  expect(run.code).toBe(0);
  results = JSON.parse(readFileSync(output, 'utf8')) as JestResults;
});

describe('the CI check of test results', () => {
  it('fails on skipped tests, naming each one with its file and why it skipped', async () => {
    const file = join(dir, 'results.json');
    const res = await check(file);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('tests: 2 passed, 0 failed, 4 skipped');
    const listed = res.stdout
      .split('\n')
      .filter((line) => line.startsWith(`  ${FIXTURE}: `) || /^ {4}why: /.test(line));
    expect(listed).toEqual([
      `  ${FIXTURE}: a suite on each database [postgres] (skipped: DATABASE_URL is not set) > runs`,
      '    why: DATABASE_URL is not set',
      `  ${FIXTURE}: a suite that needs a service (skipped: the service is down) > would run`,
      '    why: the service is down',
      `  ${FIXTURE}: a bare skip`,
      '    why: no reason given (a bare .skip, or left out by .only)',
      `  ${FIXTURE}: a todo`,
      '    why: a todo',
    ]);
    expect(res.stderr).toContain('CI fails: 4 test(s) skipped');
  });

  it('passes when every test ran', async () => {
    const ran: JestResults = {
      ...results,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: results.testResults.map((f) => ({
        ...f,
        assertionResults: f.assertionResults.filter((t) => t.status === 'passed'),
      })),
    };
    const file = join(dir, 'ran.json');
    writeFileSync(file, JSON.stringify(ran));
    const res = await check(file);
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe('tests: 2 passed, 0 failed, 0 skipped');
  });
});
