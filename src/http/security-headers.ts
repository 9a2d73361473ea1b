import type { RequestHandler } from 'express';

/** Headers for every JSON answer; the explorer (an HTML page with its own scripts) keeps its own policy. */
export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  const explorer =
    req.path.startsWith('/graphql/explorer') ||
    (req.method === 'GET' &&
      req.path === '/graphql' &&
      !req.query.query &&
      (req.headers.accept ?? '').includes('text/html'));
  if (!explorer) res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  next();
};
