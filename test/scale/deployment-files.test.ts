import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadEnv } from '../../src/config/env';
import { variablesNamedIn } from '../../src/config/dev-secrets';
import { secretWeakness } from '../../src/config/secret-strength';
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
const composeText = read('docker-compose.yml');
/** Values for the variables compose requires, strong enough for production; a variable is given as `${NAME...}`. */
const REQUIRED = /\$\{(\w+):\?[^}]*\}/g;
const requiredNames = [...new Set([...composeText.matchAll(REQUIRED)].map((m) => m[1]))].sort();
const composeVars = Object.fromEntries(requiredNames.map((name) => [name, randomBytes(24).toString('hex')]));
/** The file as compose reads it with those variables set (`${NAME:?message}`, `${NAME:-default}`). */
const interpolated = composeText.replace(/\$\{(\w+)(?::?[-?]([^}]*))?\}/g, (whole, name: string, fallback = '') =>
  whole.includes(':?') ? composeVars[name] : (composeVars[name] ?? (whole.includes(':-') ? fallback : '')),
);
const compose = parse(interpolated, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
// An empty interpolation is an empty string to compose, a null to YAML.
for (const service of Object.values(services)) {
  if (service.environment) {
    service.environment = Object.fromEntries(Object.entries(service.environment).map(([k, v]) => [k, v ?? '']));
  }
}

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

  it('requires every secret instead of defaulting it, so a replica never starts on a placeholder', () => {
    const secrets = [...variablesNamedIn(join(root, 'tenants')), 'POSTGRES_PASSWORD'];
    expect(requiredNames).toEqual(expect.arrayContaining(secrets));
    // No secret has a default: `${NAME:-value}` or `${NAME-value}` with anything but an empty value.
    const defaulted = [...composeText.matchAll(/\$\{(\w+):?-([^}]*)\}/g)].filter(([, , fallback]) => fallback);
    expect(defaulted.map(([whole]) => whole)).toEqual([]);
    const environment = services['gateway-1'].environment!;
    for (const name of variablesNamedIn(join(root, 'tenants'))) {
      expect({ name, weakness: secretWeakness(environment[name]) }).toEqual({ name, weakness: null });
    }
  });

  it('balances across both replicas (deploy/nginx.conf)', () => {
    const nginx = read('deploy/nginx.conf');
    expect(nginx).toMatch(/server gateway-1:3000/);
    expect(nginx).toMatch(/server gateway-2:3000/);
    expect(nginx).toMatch(/listen 8080;/);
  });

  it("proxies neither /metrics nor the replicas' operator listener (ADMIN_PORT)", () => {
    const nginx = read('deploy/nginx.conf');
    const adminPort = services['gateway-1'].environment!.ADMIN_PORT;
    expect(adminPort).toMatch(/^\d+$/);
    expect(nginx).not.toContain(`:${adminPort}`);
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
    expect(services['gateway-1'].environment!.ADMIN_HOST ?? '127.0.0.1').toBe('127.0.0.1');
  });

  itUnless(composeMissing)('is valid for docker compose config', () => {
    const [command, ...args] = composeCommand!;
    const file = ['-f', join(root, 'docker-compose.yml'), 'config', '-q'];
    execFileSync(command, [...args, ...file], { stdio: 'pipe', env: { ...process.env, ...composeVars } });
    // Without the secrets compose refuses to start, naming the variable.
    const unset = Object.fromEntries(Object.entries(process.env).filter(([name]) => !requiredNames.includes(name)));
    expect(() => execFileSync(command, [...args, ...file], { stdio: 'pipe', env: unset })).toThrow(
      /POSTGRES_PASSWORD|_JWT_SECRET|_STOREFRONT_TOKEN/,
    );
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const pkg = JSON.parse(read('package.json')) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };

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

  /** The instructions of the stage named `name` (`FROM … AS name` up to the next FROM). */
  const stage = (name: string) => {
    const found = dockerfile.split(/^(?=FROM )/m).find((text) => new RegExp(`^FROM \\S+ AS ${name}$`, 'm').test(text));
    if (!found) throw new Error(`no stage ${name}`);
    return found;
  };

  it('type-checks the whole tree, then compiles it with npm run build (tsconfig.build.json)', () => {
    const build = stage('build');
    const check = build.indexOf('RUN npx tsc --noEmit -p tsconfig.json');
    expect(check).toBeGreaterThan(0);
    expect(build.indexOf('RUN npm run build')).toBeGreaterThan(check);
    expect(pkg.scripts.build).toMatch(/tsc -p tsconfig\.build\.json$/);
  });

  it('runs node on the compiled output, without tsx or TypeScript sources in the image', () => {
    const runtime = stage('runtime');
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    for (const dir of ['schema', 'tenants']) expect(runtime).toContain(`COPY ${dir} ./${dir}`);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "dist\/src\/cli\/main\.js"\]$/m);
    expect(runtime).not.toMatch(/tsx|COPY (src|connectors|resolvers) /);
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
  });

  it('.dockerignore keeps local state and a local build out', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', '.data', '.git', '.env']) expect(ignored).toContain(entry);
  });
});
