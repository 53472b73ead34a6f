import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { arrearsWarningClearedV1, arrearsWarningRaisedV1, createEvent, TOPICS, TRADING_PLATFORM_KAFKA_USER, type EventDataInput } from '@yikatong/contracts';
import { addDays, addMonthsToDay, instantPlusDays, SCOPES } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { DECISION, FREEZE, REGISTER, UNFREEZE, usccFor, waitForEnterpriseCard, waitForReasons } from '../support/flows';
import { freshDatabases, graphqlClient, startSystem, tokenFor, withDatabase, type RunningSystem } from '../support/system';

/**
 * Bidding eligibility fed by two services over real Kafka: a red arrears warning (published as
 * payroll publishes it) and a frozen real-name card (frozen through the gateway; identity
 * publishes it) each make the enterprise ineligible; clearing both restores it, whatever the
 * order, and duplicated or overtaken events change nothing.
 */
const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'yke2e' });
let system: RunningSystem;
let portal: ReturnType<typeof graphqlClient>;
let producer: Producer;
let observer: Consumer;
const eligibilityEvents: Array<{ uscc: string; eligible: boolean; codes: string[] }> = [];
// The broker outlives a run (its topics keep earlier runs' events for the same USCCs, at other pinned
// business times): only messages this run's services wrote count, by the broker's own timestamps.
const runStartedMs = Date.now();

beforeAll(async () => {
  // Plays payroll with payroll's own Kafka user, and watches verdicts as a trading platform does.
  const asPayroll = await testing.requireKafka(config, 'payroll');
  const asTradingPlatform = await testing.requireKafka(config, TRADING_PLATFORM_KAFKA_USER);
  await freshDatabases(config);
  system = await startSystem(config);
  portal = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, {
      sub: 'clerk-001',
      kind: 'PORTAL',
      dept: 'HOUSING_CONSTRUCTION',
      regions: ['130500'],
      scope: `${SCOPES.cardFreeze} ${SCOPES.enterpriseRegister}`,
    }),
  );
  producer = new Kafka({ clientId: 'e2e-payroll', ...asPayroll, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  // Trading platforms and banks follow the eligibility topic: so does this observer.
  observer = new Kafka({ clientId: 'e2e-trading-platform', ...asTradingPlatform, logLevel: logLevel.NOTHING }).consumer({
    groupId: `${TRADING_PLATFORM_KAFKA_USER}.e2e-${randomUUID()}`,
  });
  await observer.connect();
  await observer.subscribe({ topic: TOPICS.enterpriseEligibility, fromBeginning: true });
  await observer.run({
    eachMessage: async ({ message }) => {
      if (Number(message.timestamp) < runStartedMs) return;
      const { data } = JSON.parse(message.value!.toString()) as { data: { uscc: string; eligible: boolean; reasons: Array<{ code: string }> } };
      eligibilityEvents.push({ uscc: data.uscc, eligible: data.eligible, codes: data.reasons.map((reason) => reason.code).sort() });
    },
  });
}, 180_000);

afterAll(async () => {
  await observer?.disconnect();
  await producer?.disconnect();
  await system?.stop();
});

type Warning = { warningId: string; projectId: string; uscc: string; version: number };

/** Publishes a warning fact the way payroll's outbox relay does: CloudEvents JSON keyed by the enterprise; `times` > 1 duplicates it. */
async function warningFact(state: 'raised' | 'cleared', warning: Warning, times = 1) {
  const base = { ...warning, colour: 'RED' as const };
  const event =
    state === 'raised'
      ? createEvent(
          arrearsWarningRaisedV1,
          '/yikatong/payroll',
          warning.uscc,
          {
            ...base,
            ruleCode: 'UNPAID_MONTH',
            message: '2026-09 wages unpaid a month after due',
            raisedAt: system.clock.now().toISOString(),
          } satisfies EventDataInput<typeof arrearsWarningRaisedV1>,
          system.clock.now(),
        )
      : createEvent(
          arrearsWarningClearedV1,
          '/yikatong/payroll',
          warning.uscc,
          { ...base, reason: 'wages paid in full', clearedAt: system.clock.now().toISOString() },
          system.clock.now(),
        );
  const message = { key: warning.uscc, value: JSON.stringify(event) };
  await producer.send({ topic: TOPICS.payrollWarnings, messages: Array.from({ length: times }, () => message) });
}

async function enterpriseWithCard(n: number) {
  const uscc = usccFor(n);
  const registered = await portal(REGISTER, {
    input: { uscc, name: `邢台第${n}建筑公司`, type: 'GENERAL_CONTRACTOR', regionCode: '130502', legalRepresentative: '李四' },
  });
  expect(registered.errors).toBeUndefined();
  const card = await waitForEnterpriseCard(portal, uscc);
  await waitForReasons(portal, uscc, []);
  return { uscc, card };
}

const freeze = async (cardNumber: string) => expect((await portal(FREEZE, { input: { cardNumber, ...DECISION } })).errors).toBeUndefined();
const unfreeze = async (cardNumber: string) =>
  expect((await portal(UNFREEZE, { input: { cardNumber, ...DECISION, reason: '已整改到位' } })).errors).toBeUndefined();

it('a red warning and a frozen card each block; clearing the warning first, then unfreezing, restores — with duplicated events', async () => {
  const { uscc, card } = await enterpriseWithCard(11);
  const warning = { warningId: randomUUID(), projectId: randomUUID(), uscc, version: 1 };

  await warningFact('raised', warning, 2);
  const red = await waitForReasons(portal, uscc, ['RED_ARREARS_WARNING']);
  expect(red.reasons[0]!.source).toMatch(/^payroll:cn\.yikatong\.payroll\.arrears-warning\.raised\.v1#/);
  // Payroll answers a warning's status for each warning it shows; this one it does not hold (the test
  // published it), so it shows none: that entry is null, and the enterprise and its verdict stay on the page.
  const page = await portal<{ enterprise: { uscc: string; arrearsWarnings: unknown[]; biddingEligibility: { eligible: boolean } } | null }>(
    'query ($u: ID!) { enterprise(uscc: $u) { uscc arrearsWarnings { colour status } biddingEligibility { eligible } } }',
    { u: uscc },
  );
  expect(page.data?.enterprise).toEqual({ uscc, arrearsWarnings: [null], biddingEligibility: { eligible: false } });
  await freeze(card.number);
  await waitForReasons(portal, uscc, ['RED_ARREARS_WARNING', 'ENTERPRISE_CARD_FROZEN']);
  await warningFact('cleared', { ...warning, version: 2 }, 2);
  await waitForReasons(portal, uscc, ['ENTERPRISE_CARD_FROZEN']);
  await unfreeze(card.number);
  await waitForReasons(portal, uscc, []);

  const history = await withDatabase(
    config,
    'enterprise',
    async (db) =>
      (await db.query('SELECT eligible, reason_codes FROM eligibility_change WHERE uscc = $1 ORDER BY at', [uscc])).rows as Array<{
        eligible: boolean;
        reason_codes: string[];
      }>,
  );
  expect(history.map((change) => [...change.reason_codes].sort().join('+') || 'eligible')).toEqual([
    'RED_ARREARS_WARNING',
    'ENTERPRISE_CARD_FROZEN+RED_ARREARS_WARNING',
    'ENTERPRISE_CARD_FROZEN',
    'eligible',
  ]);
  const published = await testing.eventually(
    async () => {
      const mine = eligibilityEvents.filter((event) => event.uscc === uscc);
      return mine.length === 4 ? mine : undefined;
    },
    20_000,
    'four eligibility-changed events on the topic',
  );
  expect(published.map((event) => event.eligible)).toEqual([false, false, false, true]);
}, 120_000);

it('the other order: freeze first, unfreeze before the warning clears; a clearance that overtakes its raise keeps it cleared', async () => {
  const { uscc, card } = await enterpriseWithCard(12);
  const warning = { warningId: randomUUID(), projectId: randomUUID(), uscc, version: 1 };

  await freeze(card.number);
  await waitForReasons(portal, uscc, ['ENTERPRISE_CARD_FROZEN']);
  await warningFact('raised', warning);
  await waitForReasons(portal, uscc, ['ENTERPRISE_CARD_FROZEN', 'RED_ARREARS_WARNING']);
  await unfreeze(card.number);
  await waitForReasons(portal, uscc, ['RED_ARREARS_WARNING']);
  await warningFact('cleared', { ...warning, version: 2 });
  await waitForReasons(portal, uscc, []);

  // A second warning whose clearance arrives before its raise (e.g. after a replay): it never blocks.
  const overtaken = { warningId: randomUUID(), projectId: warning.projectId, uscc, version: 2 };
  await warningFact('cleared', overtaken);
  await warningFact('raised', { ...overtaken, version: 1 }, 2);
  await testing.eventually(
    async () => {
      const processed = await withDatabase(
        config,
        'enterprise',
        async (db) =>
          (await db.query('SELECT count(*)::int AS n FROM arrears_warning WHERE id = $1 AND cleared_at IS NOT NULL', [overtaken.warningId])).rows[0]
            .n as number,
      );
      return processed === 1 ? true : undefined;
    },
    20_000,
    'the overtaking clearance to be applied',
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect((await waitForReasons(portal, uscc, [])).eligible).toBe(true);
}, 120_000);

it('through the gateway: a project is awarded by tender, a refused bid carries every reason, a lifecycle step is reviewed', async () => {
  const { uscc, card } = await enterpriseWithCard(13);
  const bureau = graphqlClient(
    system.gatewayUrl,
    await tokenFor(config, {
      sub: 'bureau-007',
      kind: 'PORTAL',
      dept: 'HOUSING_CONSTRUCTION',
      regions: ['130500'],
      scope: `${SCOPES.enterpriseRegister} ${SCOPES.projectRegister} ${SCOPES.projectReview}`,
    }),
  );
  const contractor = graphqlClient(system.gatewayUrl, await tokenFor(config, { sub: 'gc-admin', kind: 'ENTERPRISE', uscc, scope: SCOPES.projectRegister }));
  const project = await bureau<{ registerProject: { id: string } }>(`mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`, {
    input: {
      name: '邢台市第一中学新校区',
      regionCode: '130502',
      client: '邢台市教育局',
      generalContractorUscc: uscc,
      contractValue: '8000000000',
      labourCostSharePercent: 25,
      startDate: addDays(system.clock.today(), 30),
    },
  });
  const projectId = project.data!.registerProject.id;
  const tender = await bureau<{ openTender: { id: string } }>(`mutation ($input: OpenTenderInput!) { openTender(input: $input) { id } }`, {
    input: {
      projectId,
      title: '施工总承包',
      requirements: [{ category: '建筑工程施工总承包', minGrade: 'SECOND' }],
      closesAt: instantPlusDays(system.clock.now(), 7).toISOString(),
    },
  });
  const tenderId = tender.data!.openTender.id;
  const BID = `mutation ($input: SubmitBidInput!) { submitBid(input: $input) { id } }`;

  await freeze(card.number);
  await waitForReasons(portal, uscc, ['ENTERPRISE_CARD_FROZEN']);
  const refused = await contractor(BID, { input: { tenderId, price: '7900000000' } });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['ENTERPRISE_CARD_FROZEN', 'QUALIFICATION_NOT_MATCHING'] });

  await unfreeze(card.number);
  await waitForReasons(portal, uscc, []);
  const qualified = await bureau(`mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { id } }`, {
    input: {
      uscc,
      category: '建筑工程施工总承包',
      grade: 'FIRST',
      certificateNumber: 'D213051234',
      issuedBy: '河北省住房和城乡建设厅',
      validUntil: addMonthsToDay(system.clock.today(), 36),
    },
  });
  expect(qualified.errors).toBeUndefined();
  const bid = await contractor<{ submitBid: { id: string } }>(BID, { input: { tenderId, price: '7900000000' } });
  expect(bid.errors).toBeUndefined();
  expect(
    (await bureau(`mutation ($input: AwardTenderInput!) { awardTender(input: $input) { status } }`, { input: { tenderId, bidId: bid.data!.submitBid.id } }))
      .errors,
  ).toBeUndefined();

  const step = await contractor<{ requestProjectStep: { id: string } }>(
    `mutation ($input: RequestProjectStepInput!) { requestProjectStep(input: $input) { id } }`,
    { input: { projectId, to: 'AWARDED', details: { noticeNumber: '冀邢招2027-015' } } },
  );
  expect(step.errors).toBeUndefined();
  const reviewed = await bureau(`mutation ($input: ReviewProjectStepInput!) { reviewProjectStep(input: $input) { status } }`, {
    input: { stepId: step.data!.requestProjectStep.id, approve: true },
  });
  expect(reviewed.errors).toBeUndefined();
  const seen = await contractor<{ project: { stage: string; steps: Array<{ status: string; reviewedBy: string }>; tenders: Array<{ status: string }> } }>(
    `query ($id: ID!) { project(id: $id) { stage steps { status reviewedBy } tenders { status } } }`,
    { id: projectId },
  );
  expect(seen.data!.project).toEqual({ stage: 'AWARDED', steps: [{ status: 'APPROVED', reviewedBy: 'bureau-007' }], tenders: [{ status: 'AWARDED' }] });
}, 120_000);
