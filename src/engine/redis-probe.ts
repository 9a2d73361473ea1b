import type { ExtraProbe } from './status';

export interface RedisProbe extends ExtraProbe {
  close(): Promise<void>;
}

/**
 * Readiness of Redis (REDIS_URL), on a connection of its own opened at the first probe. It never queues
 * commands while disconnected, so a Redis outage answers at once instead of stalling /readyz.
 */
export function redisProbe(url: string): RedisProbe {
  let client: import('ioredis').default | undefined;
  return {
    name: 'redis',
    check: async () => {
      if (!client) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const Redis = (require('ioredis') as typeof import('ioredis')).default;
        client = new Redis(url, {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: 1000,
        });
        client.on('error', () => undefined);
        await client.connect();
      }
      await client.ping();
    },
    close: async () => {
      client?.disconnect();
    },
  };
}
