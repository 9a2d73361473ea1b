import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { parse } from 'yaml';
import { codegenConfig, composedSdl } from '../../src/cli/schema';
import { projectRoot } from '../../src/sdk';

const root = projectRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const STALE = 'is stale: run `npm run codegen` and commit the result';

describe('generated files', () => {
  it(`schema/schema.graphql matches the composed plugins (else it ${STALE})`, () => {
    expect(composedSdl()).toBe(read('schema/schema.graphql'));
  });

  it(`codegen.yml's mappers are the manifests' (else it ${STALE})`, () => {
    expect(codegenConfig()).toBe(read('codegen.yml'));
  });

  it(`src/generated matches codegen.yml's output (else it ${STALE})`, async () => {
    const config = parse(read('codegen.yml'));
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect({ file: output.filename, content: output.content }).toEqual({
        file: output.filename,
        content: read(output.filename),
      });
    }
  });
});
