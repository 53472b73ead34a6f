// Mints a development token (signed with JWT_SECRET, default the development secret).
// npm run token -- --kind PORTAL --sub clerk-001 --dept HOUSING_CONSTRUCTION --regions 130500 --scope "card:freeze enterprise:register"
import { parseArgs } from 'node:util';
import { loadPlatformConfig, mintToken, PRINCIPAL_KINDS } from '@yikatong/platform';

const { values } = parseArgs({
  options: {
    kind: { type: 'string', default: 'PORTAL' },
    sub: { type: 'string', default: 'dev-user' },
    dept: { type: 'string' },
    regions: { type: 'string', default: '' },
    bank: { type: 'string' },
    uscc: { type: 'string' },
    centre: { type: 'string' },
    scope: { type: 'string', default: '' },
    ttl: { type: 'string', default: '12h' },
  },
});

async function main() {
  if (!PRINCIPAL_KINDS.includes(values.kind as never)) throw new Error(`--kind must be one of ${PRINCIPAL_KINDS.join(', ')}`);
  const token = await mintToken(loadPlatformConfig(), {
    sub: values.sub!,
    kind: values.kind as (typeof PRINCIPAL_KINDS)[number],
    dept: values.dept as never,
    regions: values.regions!.split(',').map((region) => region.trim()).filter(Boolean),
    bank: values.bank,
    uscc: values.uscc,
    centre: values.centre,
    scope: values.scope!,
  }, values.ttl);
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
