import { Command } from 'commander';
import { mintAdminToken } from '../auth/mint-token';
import { mintOperatorToken, operatorEntry } from '../auth/operator';
import { bootEnv, runCommand } from './boot';
import { loadRegistry } from './registry';

/** A platform operator's token, signed with OPERATOR_JWT_SECRET: no tenant, role `operator`. */
async function operatorToken(opts: { subject: string; ttl: string }): Promise<string> {
  const secret = bootEnv().OPERATOR_JWT_SECRET;
  if (!secret) throw new Error('OPERATOR_JWT_SECRET is not set');
  operatorEntry(secret); // the same length check as the server's
  return mintOperatorToken(secret, { subject: opts.subject, ttlSeconds: Number(opts.ttl) });
}

export const tokenCommand = new Command('token')
  .description("mint a development admin JWT signed with the tenant's HS256 key, or a platform operator's")
  .option('--tenant <id>', 'tenant id')
  .option('--operator', 'a platform operator token (OPERATOR_JWT_SECRET) instead of a tenant admin token')
  .option('--role <role>', 'staff or admin', 'admin')
  .option('--scopes <list>', "comma-separated scopes (default: all the active plugins' scopes)")
  .option('--subject <sub>', 'the subject claim', 'dev-user')
  .option('--ttl <seconds>', 'lifetime in seconds', '3600')
  .action(
    (opts: { tenant?: string; operator?: boolean; role: string; scopes?: string; subject: string; ttl: string }) =>
      runCommand(async () => {
        if (opts.operator) return console.log(await operatorToken(opts));
        if (!opts.tenant) throw new Error('--tenant <id> or --operator is required');
        if (!['staff', 'admin'].includes(opts.role)) throw new Error('--role must be staff or admin');
        const registry = loadRegistry(bootEnv());
        const entry = registry.get(opts.tenant);
        if (!entry) {
          const problems = registry.status().find((t) => t.id === opts.tenant)?.problems ?? ['no such tenant file'];
          throw new Error(`no valid tenant "${opts.tenant}":\n  ${problems.join('\n  ')}`);
        }
        const known = registry.adminScopes;
        const scopes = (opts.scopes ?? [...known].join(','))
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = scopes.filter((s) => !known.has(s));
        if (unknown.length) throw new Error(`unknown scope(s): ${unknown.join(', ')}`);
        console.log(
          await mintAdminToken(entry, {
            subject: opts.subject,
            roles: [opts.role],
            scopes,
            ttlSeconds: Number(opts.ttl),
          }),
        );
      }),
  );
