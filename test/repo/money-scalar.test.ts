import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { MONEY_DESCRIPTION } from '../../packages/platform/src/schema';

/**
 * Each subgraph declares `scalar Money`, and the gateway's supergraph composes them: every one
 * tells clients exactly what the platform's scalar takes (whole fen as a string, within the
 * maximum, never a JSON number), so the documentation cannot drift from the parser.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const schemas = [
  ...readdirSync(path.join(ROOT, 'services')).map((service) => path.join('services', service, 'schema.graphql')),
  path.join('gateway', 'supergraph.graphql'),
];

const moneyDescription = (file: string) =>
  parse(readFileSync(path.join(ROOT, file), 'utf8')).definitions.flatMap((definition) =>
    definition.kind === Kind.SCALAR_TYPE_DEFINITION && definition.name.value === 'Money' ? [definition.description?.value] : [],
  );

it.each(schemas)('%s describes Money as the platform scalar parses it', (file) => {
  expect(moneyDescription(file)).toEqual([MONEY_DESCRIPTION]);
});
