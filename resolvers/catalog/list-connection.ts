// A connection over a short list loaded in full: shared by every plugin, in the SDK.
export { listConnection } from '../../src/sdk';
