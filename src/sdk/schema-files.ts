import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';

/** The SDL files of schema/<name>/, concatenated in file-name order. */
export function schemaFragment(name: string, root = projectRoot()): string {
  const dir = join(root, 'schema', name);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('\n');
}
