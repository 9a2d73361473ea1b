import { sha256Hex } from '../tenants/credentials';

const DOCUMENT_ID = /^sha256:([0-9a-f]{64})$/;

/** The id of a document as GraphQL over HTTP persisted documents write it: `sha256:<hex of its text>`. */
export function documentIdOf(text: string): string {
  return `sha256:${sha256Hex(text)}`;
}

export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_ID.test(value);
}
