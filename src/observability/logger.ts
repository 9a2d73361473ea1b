import pino, { type DestinationStream, type Logger } from 'pino';

/** JSON logs; credentials are redacted wherever they appear in a logged request. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'retail-gateway' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-storefront-token"]',
          'req.headers.cookie',
          'token',
          'password',
          'secret',
          'accessToken',
          'authorization',
          '*.headers.authorization',
          '*.headers["x-storefront-token"]',
          '*.token',
          '*.password',
          '*.secret',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
