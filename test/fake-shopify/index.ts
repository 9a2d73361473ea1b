/** A fake Shopify Admin API for tests: seeded store, leaky bucket, scripted faults, bulk operations. */
export { LeakyBucket } from './bucket';
export { FakeBulkOperations, toJsonl, type BulkBehaviour } from './bulk';
export { FakeClock } from './clock';
export type { Fault } from './faults';
export { hour, seedStore, type SeedCounts } from './fixtures';
export { startFakeShopify, type FakeShopify, type FakeShopifyOptions, type RecordedRequest } from './server';
export { emptyStore, type FakeStore } from './store';
