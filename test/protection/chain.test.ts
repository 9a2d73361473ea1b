import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { chain } from '../../src/http/chain';

/** Serves `handlers` as one chain at /x, with an error handler that answers the error's message. */
async function serve(handlers: RequestHandler[]) {
  const app = express();
  app.use('/x', chain(handlers));
  app.use((_req, res) => void res.status(404).send('after the chain'));
  app.use(
    (error: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(500).send(error.message),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x/y`;
  try {
    const res = await fetch(url);
    return { status: res.status, text: await res.text(), seen: res.headers.get('x-seen') };
  } finally {
    server.close();
  }
}

const mark =
  (name: string): RequestHandler =>
  (req, res, next) => {
    res.setHeader('x-seen', `${String(res.getHeader('x-seen') ?? '')}${name}:${req.baseUrl}${req.url};`);
    next();
  };

describe('a middleware chain', () => {
  it('runs its handlers in order with the mounted path, then passes on', async () => {
    expect(await serve([mark('a'), mark('b')])).toEqual({
      status: 404,
      text: 'after the chain',
      seen: 'a:/x/y;b:/x/y;',
    });
  });

  it('stops where a handler answers', async () => {
    const answer: RequestHandler = (_req, res) => void res.send('answered');
    const result = await serve([mark('a'), answer, mark('never')]);
    expect(result).toEqual({ status: 200, text: 'answered', seen: 'a:/x/y;' });
  });

  it('sends thrown errors, rejections and next(error) to the error handler, skipping the rest', async () => {
    const thrown: RequestHandler = () => {
      throw new Error('thrown');
    };
    const rejected: RequestHandler = async () => {
      await Promise.resolve();
      throw new Error('rejected');
    };
    const passed: RequestHandler = (_req, _res, next) => next(new Error('passed'));
    for (const [handler, message] of [
      [thrown, 'thrown'],
      [rejected, 'rejected'],
      [passed, 'passed'],
    ] as const) {
      expect(await serve([mark('a'), handler, mark('never')])).toEqual({ status: 500, text: message, seen: 'a:/x/y;' });
    }
  });
});
