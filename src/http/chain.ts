import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs middleware in order as one: a single router layer instead of one per handler, each of which
 * Express would match against the path again. A handler's error, thrown or rejected, goes to `next`,
 * as Express 5 sends it.
 */
export function chain(handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.then(undefined, (e: unknown) => step(e ?? new Error('Rejected promise')));
      } catch (thrown) {
        step(thrown);
      }
    };
    step();
  };
}
