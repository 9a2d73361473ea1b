import pino, { type DestinationStream, type Logger } from 'pino';
import { scrubStrings } from './scrub';

/**
 * JSON logs; credentials are redacted wherever they appear in a logged object, and secrets written into
 * an error's text (a connection string's password, a bearer token) are scrubbed from every logged `err`.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'retail-gateway' },
      serializers: { err: (error: Error) => scrubStrings(pino.stdSerializers.err(error)) },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-storefront-token"]',
          'req.headers["x-customer-access-token"]',
          'req.headers.cookie',
          'token',
          'password',
          'secret',
          'accessToken',
          'authorization',
          '*.headers.authorization',
          '*.headers["x-storefront-token"]',
          '*.headers["x-customer-access-token"]',
          'customerAccessToken',
          'resetToken',
          '*.customerAccessToken',
          '*.resetToken',
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
