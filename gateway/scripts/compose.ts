// Composes the four subgraph schemas into gateway/supergraph.graphql at build time.
// `--check` fails when composition fails or the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, SUPERGRAPH_PATH } from '../src/supergraph';

const check = process.argv.includes('--check');
const supergraph = composeSupergraph();
const current = readFileSync(SUPERGRAPH_PATH, { flag: 'a+' }).toString();
if (check) {
  if (current !== supergraph) {
    console.error(`${path.relative(process.cwd(), SUPERGRAPH_PATH)} is stale; run npm run compose -w @yikatong/gateway`);
    process.exit(1);
  }
  console.log('supergraph is up to date');
} else if (current !== supergraph) {
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log('supergraph written');
} else {
  console.log('supergraph unchanged');
}
