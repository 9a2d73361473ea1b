import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadEnv } from '../../src/config/env';
import { variablesNamedIn } from '../../src/config/dev-secrets';
import { projectRoot } from '../../src/sdk';
import { itUnless } from '../kit/skip';

const root = projectRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** The Compose command line: the docker plugin, else the standalone `docker-compose`; the checks below hold either way. */
function composeCli(): string[] | null {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    try {
      execFileSync(command[0], [...command.slice(1), 'version'], { stdio: 'pipe' });
      return command;
    } catch {
      // not installed: try the next
    }
  }
  return null;
}
const composeCommand = composeCli();
const composeMissing = composeCommand ? undefined : 'neither docker compose nor docker-compose is installed';

describe('docker-compose.yml', () => {
  it('runs Postgres, Redis, a one-shot migration, two gateway replicas and a load balancer', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway-1', 'gateway-2', 'lb', 'migrate', 'postgres', 'redis']);
    expect(services.migrate.command).toEqual(['migrate', 'up']);
  });

  it('gives every long-running service a healthcheck', () => {
    for (const name of ['postgres', 'redis', 'gateway-1', 'gateway-2', 'lb']) {
      expect({ name, test: Array.isArray(services[name].healthcheck?.test) }).toEqual({ name, test: true });
    }
  });

  it('starts replicas after healthy stores and a completed migration, and the balancer after healthy replicas', () => {
    for (const name of ['gateway-1', 'gateway-2']) {
      expect(services[name].depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      });
    }
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.lb.depends_on).toEqual({
      'gateway-1': { condition: 'service_healthy' },
      'gateway-2': { condition: 'service_healthy' },
    });
  });

  it('gives the replicas a valid environment with every secret the tenant files name', () => {
    const environment = services['gateway-1'].environment!;
    const env = loadEnv(environment);
    expect([env.NODE_ENV, env.REDIS_URL, env.DATABASE_URL?.startsWith('postgres://')]).toEqual([
      'production',
      'redis://redis:6379',
      true,
    ]);
    for (const name of variablesNamedIn(join(root, 'tenants'))) expect(Object.keys(environment)).toContain(name);
    expect(services.migrate.environment).toEqual(environment);
  });

  it('balances across both replicas (deploy/nginx.conf)', () => {
    const nginx = read('deploy/nginx.conf');
    expect(nginx).toMatch(/server gateway-1:3000/);
    expect(nginx).toMatch(/server gateway-2:3000/);
    expect(nginx).toMatch(/listen 8080;/);
  });

  itUnless(composeMissing)('is valid for docker compose config', () => {
    const [command, ...args] = composeCommand!;
    execFileSync(command, [...args, '-f', join(root, 'docker-compose.yml'), 'config', '-q'], { stdio: 'pipe' });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('is multi-stage, with production dependencies only in the final image', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/COPY --from=deps \/app\/node_modules/);
  });

  it('runs as a non-root user with a /healthz healthcheck on port 3000', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
  });

  it('copies every source folder the server imports, and .dockerignore keeps local state out', () => {
    for (const dir of ['src', 'connectors', 'resolvers', 'schema', 'tenants']) {
      expect(dockerfile).toContain(`COPY ${dir} ./${dir}`);
    }
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.data', '.git', '.env']) expect(ignored).toContain(entry);
  });
});
