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
});
