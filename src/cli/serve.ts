import { Command } from 'commander';
import { mintAdminToken } from '../auth/mint-token';
import { createGateway, type Gateway } from '../engine/gateway';
import { seedPlugins } from '../engine/seed';
import { ConfigError, type Env } from '../config/env';
import { bootEnv, runCommand } from './boot';

/** Storefront tokens of tenants whose token lives in a (development) variable, by tenant id. */
function demoTokens(gateway: Gateway): { tenant: string; storefrontToken: string }[] {
  return gateway.registry.list().flatMap((e) => {
    const name = e.config.storefront.tokenEnv;
    const token = name ? process.env[name] : undefined;
    return token ? [{ tenant: e.tenant.id, storefrontToken: token }] : [];
  });
}

async function banner(gateway: Gateway, env: Env, url: string): Promise<string> {
  const lines = [`Retail Gateway listening on ${url}`];
  if (env.EXPLORER) lines.push(`Schema explorer: ${url}/graphql (open in a browser)`);
  if (env.NODE_ENV !== 'production') {
    for (const { tenant, storefrontToken } of demoTokens(gateway)) {
      const entry = gateway.registry.get(tenant)!;
      const admin = entry.jwtSecret
        ? await mintAdminToken(entry, {
            subject: 'demo-admin',
            roles: ['admin'],
            scopes: [...gateway.registry.adminScopes],
            ttlSeconds: 12 * 3600,
          })
        : null;
      lines.push(`Demo tenant "${tenant}":`, `  X-Storefront-Token: ${storefrontToken}`);
      if (admin) lines.push(`  Authorization: Bearer ${admin}`);
    }
  }
  return lines.join('\n');
}

/** Serves until SIGTERM/SIGINT, then drains in-flight requests and exits 0. */
export async function serve(): Promise<void> {
  const env = bootEnv();
  if (env.NODE_ENV === 'test') {
    // The test kit's in-memory database would lose every write at exit.
    throw new ConfigError('NODE_ENV=test is for the test kit only; serve with NODE_ENV=development or production');
  }
  const explorerHeaders: Record<string, string> = {};
  // An unreachable database does not stop start-up: the server answers 503 until it can migrate.
  const gateway = await createGateway({ env, migrate: 'retry', jobs: true, explorerHeaders });
  // The explorer starts with the first demo tenant's storefront token filled in (development only).
  const demo = env.NODE_ENV !== 'production' ? demoTokens(gateway)[0] : undefined;
  if (demo) explorerHeaders['X-Storefront-Token'] = demo.storefrontToken;
  const seedIfNew = async (applied: string[]) => {
    if (env.NODE_ENV === 'production' || !applied.includes('core/0001_app_role')) return;
    gateway.log.info('new database: loading demo data');
    await seedPlugins(gateway.runtime, gateway.composition.plugins, 'demo');
  };
  if (gateway.migrated.length > 0) await seedIfNew(gateway.migrated);
  else void gateway.migrations.then(seedIfNew).catch((err: unknown) => gateway.log.error({ err }, 'demo seed failed'));
  const address = await gateway.listen(env.PORT, env.HOST);
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  // The operators' listener (/metrics, detailed /readyz) only when ADMIN_PORT is set: nothing by default.
  const admin = env.ADMIN_PORT === undefined ? undefined : await gateway.listenAdmin(env.ADMIN_PORT, env.ADMIN_HOST);
  if (admin) console.log(`Operator endpoints (/metrics, /readyz): http://${env.ADMIN_HOST}:${admin.port}`);
  console.log(await banner(gateway, env, `http://${host}:${address.port}`));

  const shutdown = (signal: string) => {
    gateway.log.info({ signal }, 'shutting down');
    // In-flight requests get SHUTDOWN_GRACE_MS; teardown after that must not hold the process forever.
    setTimeout(() => {
      gateway.log.error('shutdown did not finish in time');
      process.exit(1);
    }, env.SHUTDOWN_GRACE_MS + 5000).unref();
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        gateway.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  // Re-reads tenants/*.yaml (in development, generating secrets new files name); a bad new file keeps
  // that tenant's last good configuration, and the log and /readyz say why.
  process.on('SIGHUP', () => {
    bootEnv();
    gateway.reloadTenants();
  });
  process.on('unhandledRejection', (reason) => {
    gateway.metrics.unhandledRejections.inc();
    gateway.log.error({ err: reason }, 'unhandled rejection');
  });
}

export const serveCommand = new Command('serve')
  .description('migrate, seed a new development database with demo data, and serve the gateway')
  .action(() => runCommand(serve));
