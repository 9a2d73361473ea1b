/**
 * `tsx bench/seed-pricing.ts`: the carts plugin's seed alone (shipping zones, tax rates, WELCOME10)
 * for the tenants of TENANTS_DIR in DATABASE_URL; bench/database.ts runs it on a bench database seeded
 * before that seed existed, so its catalog and orders are kept.
 */
import { loadEnv } from '../src/config/env';
import { createGateway } from '../src/engine/gateway';
import { seedPlugins } from '../src/engine/seed';

async function main(): Promise<void> {
  const gateway = await createGateway({ env: loadEnv(process.env), migrate: false });
  try {
    const carts = gateway.composition.plugins.filter((p) => p.name === 'carts');
    console.log(`seeded ${(await seedPlugins(gateway.runtime, carts, 'bench')).join(', ') || 'nothing'}`);
  } finally {
    await gateway.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
