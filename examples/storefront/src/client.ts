import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface StorefrontOptions {
  /** The gateway's GraphQL endpoint, e.g. https://shop.example/graphql. */
  endpoint: string;
  /** The shop's public storefront token. */
  token: string;
}

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The id codegen embedded in a persisted document (`sha256:<hex>`). */
function documentIdOf(document: object): string {
  const id = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!id) throw new Error('document has no persisted id: run `npm run codegen:storefront`');
  return id;
}

/**
 * Sends an operation by its documentId only (GraphQL over HTTP persisted documents): the text never
 * leaves the client, and a shop that runs registered documents only accepts it.
 */
export async function execute<TResult, TVariables>(
  options: StorefrontOptions,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<GraphQLAnswer<TResult>> {
  const res = await fetch(options.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-storefront-token': options.token },
    body: JSON.stringify({ documentId: documentIdOf(document), variables }),
  });
  return (await res.json()) as GraphQLAnswer<TResult>;
}
