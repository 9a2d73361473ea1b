import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../../examples/storefront/codegen';
import { projectRoot } from '../../src/sdk';

const root = projectRoot();

describe('storefront example', () => {
  it('has generated files matching its documents and schema/schema.graphql (else run `npm run codegen:storefront`)', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    expect(outputs.map((o: { filename: string }) => o.filename).sort()).toEqual(
      ['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json'].map(
        (f) => `examples/storefront/src/generated/${f}`,
      ),
    );
    for (const output of outputs) {
      expect({ file: output.filename, content: output.content }).toEqual({
        file: output.filename,
        content: readFileSync(join(root, output.filename), 'utf8'),
      });
    }
  });
});
