import type { CodegenConfig } from '@graphql-codegen/cli';

// Operations are typed against the composed graph the gateway serves, nothing else.
const config: CodegenConfig = {
  schema: '../gateway/supergraph.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string', Money: 'string', BigInt: 'string' } },
    },
  },
};
export default config;
