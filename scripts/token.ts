// Mints a development token (signed with JWT_SECRET, default the development secret), as the
// development identity provider would. SERVICE is not among the kinds: our own processes mint
// those with the service secret; a trading platform gets TRADING_PLATFORM.
// npm run token -- --kind PORTAL --sub clerk-001 --dept HOUSING_CONSTRUCTION --regions 130500 --scope "card:freeze enterprise:register"
// npm run token -- --kind TRADING_PLATFORM --sub trading-platform --scope eligibility:check
import { parseArgs } from 'node:util';
import { loadPlatformConfig, mintToken, parseClaims, USER_PRINCIPAL_KINDS, type TokenClaims } from '@yikatong/platform';

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

/** The claims the options describe, checked as the services will check them (each kind carries its claims). */
function claimsFromOptions(): TokenClaims {
  const claims = parseClaims({
    sub: values.sub,
    kind: values.kind,
    dept: values.dept,
    regions: values
      .regions!.split(',')
      .map((region) => region.trim())
      .filter(Boolean),
    bank: values.bank,
    uscc: values.uscc,
    centre: values.centre,
    scope: values.scope,
  });
  if (claims.kind === 'SERVICE') throw new Error(`--kind must be one of ${USER_PRINCIPAL_KINDS.join(', ')}`);
  return claims;
}

async function main() {
  const token = await mintToken(loadPlatformConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' }), claimsFromOptions(), values.ttl);
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
