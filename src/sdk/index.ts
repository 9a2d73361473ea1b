/** The plugin SDK: the only part of src/ that resolvers/ and connectors/ import. Free of graphql. */
export * from './errors';
export * from './principal';
export * from './shopper';
export * from './attempts';
export * from './tenant';
export * from './columns';
export * from './context';
export * from './plugin';
export * from './relay';
export * from './remembered';
export * from './text';
export * from './user-errors';
export * from './status';
export * from './system-of-record';
export * from './money';
export * from './key-sets';
export { schemaFragment } from './schema-files';
export { projectRoot } from './project-root';
