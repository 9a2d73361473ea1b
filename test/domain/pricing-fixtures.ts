import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of a fixture tenants folder with extra YAML appended to some tenants' files (`alpha.yaml`). */
export function appendSettings(dir: string, extra: Record<string, string>): string {
  const copy = mkdtempSync(join(tmpdir(), 'rg-tenants-'));
  cpSync(dir, copy, { recursive: true });
  for (const [tenant, yaml] of Object.entries(extra)) appendFileSync(join(copy, `${tenant}.yaml`), `\n${yaml}`);
  return copy;
}
