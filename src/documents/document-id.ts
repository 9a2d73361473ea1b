import { createHash } from 'node:crypto';

const DOCUMENT_ID = /^sha256:([0-9a-f]{64})$/;

/** The id of a document as GraphQL over HTTP persisted documents write it: `sha256:<hex of its text>`. */
export function documentIdOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_ID.test(value);
}
