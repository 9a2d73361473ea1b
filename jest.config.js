/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['<rootDir>/{src,connectors,resolvers,test,examples}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  setupFiles: ['<rootDir>/test/kit/env.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  // Each suite's gateways and embedded databases leave memory behind in its worker, much of it outside
  // the JS heap (PGlite's WebAssembly memory) that this limit measures: a worker whose heap is past it
  // after a suite is replaced, nearly every time, so a long run never reaches the machine's limit (a
  // worker once grew to 13 GB).
  workerIdleMemoryLimit: '300MB',
};
