import { execFileSync } from 'node:child_process';
import { projectRoot } from '../../src/sdk';

/**
 * Whether Redis at `url` answers PING. Asked synchronously (a child process) so a suite can be
 * declared skipped, saying why, when Redis is absent.
 */
export function redisAnswers(url: string): boolean {
  const probe = `const R=require('ioredis');const r=new R(process.argv[1],{lazyConnect:true,maxRetriesPerRequest:0,connectTimeout:1000});
    r.on('error',()=>{});r.connect().then(()=>r.ping()).then((p)=>process.exit(p==='PONG'?0:1),()=>process.exit(1));`;
  try {
    execFileSync(process.execPath, ['-e', probe, url], { cwd: projectRoot(), stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Why a suite that needs Redis at `url` cannot run here, or undefined when it can. */
export const redisMissing = (url: string): string | undefined =>
  redisAnswers(url) ? undefined : `no Redis answers at ${url}`;
