import * as testing from '@yikatong/platform/testing';
import { createHarness, testIdNumber } from '../support/harness';

/** What operators watch: health, readiness, and the outbox backlog on /metrics. */
const harness = createHarness();
beforeAll(() => harness.start());
afterAll(() => harness.stop());

const get = async (path: string) => {
  const response = await fetch(new URL(path, harness.graphqlUrl));
  return { status: response.status, text: await response.text() };
};

const gauge = (metrics: string, name: string): number => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} missing from /metrics`);
  return Number(line.split(' ')[1]);
};

it('answers health and readiness', async () => {
  expect(await get('/healthz')).toEqual({ status: 200, text: JSON.stringify({ status: 'ok', service: 'identity' }) });
  expect((await get('/readyz')).status).toBe(200);
});

it('reports events waiting in the outbox and how long the oldest has waited, and zero once the relay has sent them', async () => {
  await harness.service.relay.stop();
  try {
    await harness.registerWorker(testIdNumber(71));
    const unpublished = await harness.db.outboxEvent.count({ where: { publishedAt: null } });
    expect(unpublished).toBeGreaterThan(0);
    const metrics = (await get('/metrics')).text;
    expect(gauge(metrics, 'yikatong_identity_outbox_pending_events')).toBe(unpublished);
    expect(gauge(metrics, 'yikatong_identity_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
  } finally {
    harness.service.relay.start();
  }
  await testing.eventually(
    async () => (gauge((await get('/metrics')).text, 'yikatong_identity_outbox_pending_events') === 0 ? true : undefined),
    10_000,
    'the relay to send the backlog',
  );
  expect(gauge((await get('/metrics')).text, 'yikatong_identity_outbox_oldest_pending_seconds')).toBe(0);
});
