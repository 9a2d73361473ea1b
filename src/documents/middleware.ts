import type { Request, RequestHandler } from 'express';
import { sendGraphQLError } from '../http/respond';
import { authenticated, requestState } from '../observability/request-state';
import { isDocumentId } from './document-id';
import type { DocumentStore } from './manifests';

const NOT_FOUND = 'Unknown documentId: register the document for this shop first';

function documentIdParam(req: Request): unknown {
  if (req.method === 'GET') return req.query.documentId;
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>).documentId : undefined;
}

/** Puts the document's text where the rest of the pipeline reads the query (the body, or the URL of a GET). */
function substitute(req: Request, text: string): void {
  if (req.method !== 'GET') {
    const body = req.body as Record<string, unknown>;
    delete body.documentId;
    body.query = text;
    return;
  }
  const url = new URL(req.url, 'http://gateway');
  url.searchParams.delete('documentId');
  url.searchParams.set('query', text);
  req.url = `${url.pathname}${url.search}`;
}

/**
 * Before authentication: a request naming `documentId` (GraphQL over HTTP persisted documents) runs that
 * document's registered text. Whether the caller's tenant registered it is checked after authentication.
 */
export function resolveDocumentId(store: DocumentStore): RequestHandler {
  return (req, res, next) => {
    const id = documentIdParam(req);
    if (id === undefined) return next();
    if (!isDocumentId(id)) return sendGraphQLError(res, 'BAD_REQUEST', 'documentId must be sha256: and 64 hex digits');
    const hasQuery = req.method === 'GET' ? req.query.query !== undefined : (req.body as { query?: unknown }).query;
    if (hasQuery) return sendGraphQLError(res, 'BAD_REQUEST', 'Send documentId or query, not both');
    const text = store.text(id);
    if (text === undefined) return sendGraphQLError(res, 'PERSISTED_DOCUMENT_NOT_FOUND', NOT_FOUND);
    substitute(req, text);
    requestState(res).documentId = id;
    next();
  };
}

/**
 * After authentication: a document must be registered by the caller's own tenant; and a tenant with
 * `documents.registeredOnly` lets storefront tokens run nothing else (admins keep ad hoc queries).
 */
export function requireRegisteredDocuments(store: DocumentStore): RequestHandler {
  return (_req, res, next) => {
    const auth = authenticated(res);
    const id = requestState(res).documentId;
    if (id !== undefined && !store.registered(auth.entry.tenant.id, id)) {
      return sendGraphQLError(res, 'PERSISTED_DOCUMENT_NOT_FOUND', NOT_FOUND);
    }
    if (id === undefined && auth.principal.kind === 'storefront' && auth.entry.config.documents.registeredOnly) {
      return sendGraphQLError(
        res,
        'PERSISTED_DOCUMENT_REQUIRED',
        'This shop runs only registered documents for storefront tokens: send a documentId',
      );
    }
    next();
  };
}
