import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const SUBGRAPHS = ['identity', 'enterprise', 'payroll', 'welfare'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');
const servicesDir = path.join(__dirname, '..', '..', 'services');

/** Composes the subgraph SDL files; throws with every composition error listed. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      // The URL is a placeholder: the gateway maps each subgraph to its configured address at start.
      url: `http://${name}.subgraph.invalid/graphql`,
      typeDefs: parse(readFileSync(path.join(servicesDir, name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`supergraph composition failed:\n${(result.errors ?? []).map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
