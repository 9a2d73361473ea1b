import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the storefront example, from the gateway's committed schema. Run from the
 * repository root: `npm run codegen:storefront`. Document ids are `sha256:<hex>`, the form GraphQL over
 * HTTP persisted documents use; generated/persisted-documents.json is the manifest a shop registers.
 */
const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/schema.graphql',
  documents: ['examples/storefront/src/**/*.ts', '!examples/storefront/src/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'examples/storefront/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          hashAlgorithm: (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`,
        },
      },
      config: {
        useTypeImports: true,
        // Only the types the documents use: a schema change elsewhere leaves the example as it is.
        onlyOperationTypes: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Decimal: 'string', CurrencyCode: 'string', URL: 'string' },
      },
    },
  },
};

export default config;
