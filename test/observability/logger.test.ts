import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLogger('info', sink) };
}

describe('logs', () => {
  it('redact credentials wherever a logged object carries them, in request loggers too', async () => {
    const { lines, log } = capture();
    const secrets = { authorization: 'Bearer eyJ.secret', token: 'tok-123', accessToken: 'shpat_abc', password: 'pw' };
    log.info({ req: { headers: { authorization: secrets.authorization, cookie: 'sid=1' } } }, 'incoming');
    log.child({ requestId: 'r1' }).warn({ shop: { accessToken: secrets.accessToken }, token: secrets.token }, 'sync');
    log.error({ upstream: { headers: { authorization: secrets.authorization } }, password: secrets.password }, 'x');
    await new Promise((resolve) => setImmediate(resolve));
    const text = JSON.stringify(lines);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain('sid=1');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ requestId: 'r1', token: '[redacted]', shop: { accessToken: '[redacted]' } });
  });

  it("scrub secrets written into an error's text: message, stack, driver fields and causes", async () => {
    const { lines, log } = capture();
    const secrets = ['pg-pass', 'abc.def.ghi', 'dXNlcjpwYXNz', 'hunter2', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'];
    const error = Object.assign(
      new Error('connect failed: postgres://app:pg-pass@db.internal:5432/shop, Authorization: Bearer abc.def.ghi'),
      { detail: 'Basic dXNlcjpwYXNz sent; password=hunter2' },
    );
    error.cause = new Error(`token eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. refused`);
    log.error({ err: error }, 'failed');
    await new Promise((resolve) => setImmediate(resolve));
    const text = JSON.stringify(lines);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const err = lines[0].err as Record<string, string>;
    expect(err.message).toContain('postgres://app:[redacted]@db.internal:5432/shop');
    expect(err.message).toContain('Bearer [redacted]');
    expect(err.stack).toContain('postgres://app:[redacted]@db.internal');
    expect(err.detail).toBe('Basic [redacted] sent; password=[redacted]');
  });
});
