import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, parse } from 'graphql';

interface ResolverTypesOptions {
  /** The service's directory (where schema.graphql and src/ live). */
  serviceDir: string;
  /** `module#Type` of the per-request context, relative to src/generated. */
  context: string;
  /** Parents that are not the Prisma row of the same name, relative to src/generated. */
  mappers?: Record<string, string>;
  /** Types whose resolvers return objects already in the schema's shape, though a table has their name. */
  shapedBySchema?: string[];
}

/**
 * Resolver types of one subgraph, generated from its schema.graphql: every object type whose name is
 * one of the service's Prisma models resolves from that row, so a resolver typed with them breaks the
 * build when the schema or the table changes under it.
 */
export function resolverTypes({ serviceDir, context, mappers = {}, shapedBySchema = [] }: ResolverTypesOptions): CodegenConfig {
  const schemaPath = join(serviceDir, 'schema.graphql');
  const objectTypes = new Set(
    parse(readFileSync(schemaPath, 'utf8'))
      .definitions.filter((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION)
      .map((definition) => definition.name.value),
  );
  const models = readdirSync(join(serviceDir, 'src/generated/prisma/models')).map((file) => file.replace(/\.ts$/, ''));
  const rowMappers = Object.fromEntries(
    models.filter((model) => objectTypes.has(model) && !shapedBySchema.includes(model)).map((model) => [model, `./prisma/models/${model}#${model}Model`]),
  );
  return {
    schema: schemaPath,
    generates: {
      [join(serviceDir, 'src/generated/resolvers.ts')]: {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          useIndexSignature: false,
          mapperTypeSuffix: 'Parent',
          contextType: context,
          mappers: { ...rowMappers, ...mappers },
          scalars: {
            DateTime: { input: 'Date', output: 'Date | string' },
            Date: { input: 'Date', output: 'Date | string' },
            Money: { input: 'bigint', output: 'bigint | number | string' },
          },
        },
      },
    },
  };
}
