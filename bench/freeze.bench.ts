// npm run bench:freeze — latency from a freeze mutation to the enterprise showing ineligible,
// through the gateway, on real Kafka and PostgreSQL with every service in its own process.
// FREEZES (default 200) freezes, each followed by an unfreeze that is awaited the same way.
import os from 'node:os';
import { SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { DECISION, FREEZE, REGISTER, UNFREEZE, usccFor, waitForEligibility, waitForEnterpriseCard } from '../test/support/flows';
import { freshDatabases, graphqlClient, startSystem, tokenFor } from '../test/support/system';
import { percentile } from './percentile';

const FREEZES = Number(process.env.FREEZES ?? 200);
const ENTERPRISES = 20;

async function main() {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbench' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  const system = await startSystem(config);
  try {
    const portal = graphqlClient(
      system.gatewayUrl,
      await tokenFor(config, {
        sub: 'bench',
        kind: 'PORTAL',
        dept: 'HOUSING_CONSTRUCTION',
        regions: ['130500'],
        scope: `${SCOPES.cardFreeze} ${SCOPES.enterpriseRegister}`,
      }),
    );
    const enterprises = [];
    for (let n = 0; n < ENTERPRISES; n += 1) {
      const uscc = usccFor(90_000 + n);
      await portal(REGISTER, { input: { uscc, name: `基准企业${n}`, type: 'SUBCONTRACTOR', regionCode: '130502', legalRepresentative: '赵六' } });
      enterprises.push({ uscc, card: await waitForEnterpriseCard(portal, uscc) });
    }
    const freezeLatencies: number[] = [];
    const unfreezeLatencies: number[] = [];
    for (let i = 0; i < FREEZES; i += 1) {
      const { uscc, card } = enterprises[i % ENTERPRISES]!;
      let started = performance.now();
      const frozen = await portal(FREEZE, { input: { cardNumber: card.number, ...DECISION } });
      if (frozen.errors) throw new Error(JSON.stringify(frozen.errors));
      await waitForEligibility(portal, uscc, false);
      freezeLatencies.push(performance.now() - started);
      started = performance.now();
      await portal(UNFREEZE, { input: { cardNumber: card.number, ...DECISION, reason: '已整改到位' } });
      await waitForEligibility(portal, uscc, true);
      unfreezeLatencies.push(performance.now() - started);
    }
    const report = (name: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `${name}: n=${sorted.length} p50=${percentile(sorted, 50).toFixed(1)} ms p99=${percentile(sorted, 99).toFixed(1)} ms max=${sorted.at(-1)!.toFixed(1)} ms`,
      );
    };
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    report('freeze → ineligible (gateway)', freezeLatencies);
    report('unfreeze → eligible (gateway)', unfreezeLatencies);
  } finally {
    await system.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
