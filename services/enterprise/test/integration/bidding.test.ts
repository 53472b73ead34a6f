import { randomUUID } from 'node:crypto';
import { cardIssuedV1, complaintVerifiedV1, enrolmentStartedV1 } from '@yikatong/contracts';
import {
  addDays,
  callUnary,
  chinaMidnight,
  createLogger,
  databaseUrlFor,
  dateOfDay,
  grpc,
  instantPlusDays,
  mintToken,
  principalFromClaims,
  SCOPES,
  serviceCallerToken,
  startGrpcServer,
  type Principal,
} from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { startEnterpriseConsumers } from '../../src/events/consumers';
import { BiddingEligibilityService, biddingEligibilityImplementation } from '../../src/grpc/eligibility-server';
import { VerdictCache } from '../../src/store/verdict-cache';
import { payrollFacts, publishFact } from '../support/facts';
import { createHarness } from '../support/harness';

const { config, bus, clock, db, execute, service } = createHarness();
const logger = createLogger('bidding-test', 'warn');
const GC = '91350100M000100Y43';
const RIVAL = '91110000600037341L';
const enterpriseOf = (uscc: string, scope = ''): Principal => principalFromClaims({ sub: `admin-${uscc.slice(-4)}`, kind: 'ENTERPRISE', uscc, scope });
const bureau = (scope: string, regions = ['130500'], dept = 'HOUSING_CONSTRUCTION'): Principal =>
  principalFromClaims({ sub: 'bureau-1', kind: 'PORTAL', dept, regions, scope });
const analytics = principalFromClaims({ sub: 'dash', kind: 'ANALYTICS', regions: ['130500'] });
/** The China day `offsetDays` from the clock's today. */
const daysFromToday = (offsetDays: number) => addDays(clock.today(), offsetDays);

const QUALIFY = `mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { id category grade validUntil valid expiresInDays } }`;
const OPEN = `mutation ($input: OpenTenderInput!) { openTender(input: $input) { id status requirements { category minGrade } } }`;
const BID = `mutation ($input: SubmitBidInput!) { submitBid(input: $input) { id uscc price } }`;
const AWARD = `mutation ($input: AwardTenderInput!) { awardTender(input: $input) { status winningBid { uscc } } }`;
const TENDER = `query ($id: ID!) { tender(id: $id) { title status bids { uscc price } } }`;
const CREDIT = `mutation ($input: RecordCreditInput!) { recordCredit(input: $input) { kind category source } }`;
const ENTERPRISE = `query ($uscc: ID!) { enterprise(uscc: $uscc) {
  biddingEligibility { eligible reasons { code } }
  creditRecords { kind category source }
  depositRateInputs { cleanYears arrearsInLastTwoYears listed }
  responsiblePersons { personId person { id } }
  arrearsWarnings(open: true) { colour }
  eligibilityHistory(first: 2) { nodes { eligible reasonCodes cause } pageInfo { hasNextPage endCursor } }
} }`;
const STATISTICS = `query ($regionCode: String!) { enterpriseStatistics(regionCode: $regionCode) { enterprises eligible ineligible byReason { key count } byType { key count } projectsByStage { key count } } }`;

const payroll = payrollFacts(bus, clock);
const requirement = { category: '建筑工程施工总承包', minGrade: 'SECOND' };
const qualification = (uscc: string, grade: string, validUntil: string) => ({
  uscc,
  category: requirement.category,
  grade,
  certificateNumber: `D2130${uscc.slice(-5)}`,
  issuedBy: '河北省住房和城乡建设厅',
  validUntil,
});
let projectId: string;
let tenderId: string;
let consumers: { close(): Promise<void> };

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.$executeRawUnsafe(`TRUNCATE qualification, credit_record, responsible_person, project_step, project_safeguard, project_enrolment, arrears_warning, tender, bid,
    project_participant, project, blacklist_listing, eligibility_block, eligibility_change, external_fact_version, enterprise, outbox_event, processed_event CASCADE`);
  await db.enterprise.createMany({
    data: [GC, RIVAL].map((uscc) => ({
      uscc,
      name: `企业${uscc.slice(-4)}`,
      type: 'GENERAL_CONTRACTOR' as const,
      regionCode: '130502',
      legalRepresentative: '张三',
      registeredAt: clock.now(),
      registeredBy: 'test',
    })),
  });
  projectId = randomUUID();
  await db.project.create({
    data: {
      id: projectId,
      name: '邢台学院新校区',
      regionCode: '130502',
      client: '邢台学院',
      generalContractorUscc: GC,
      contractValueFen: 12_000_000_000n,
      labourCostShareBp: 2500,
      startDate: dateOfDay(clock.today()),
      stage: 'BIDDING',
      registeredBy: 'test',
      registeredAt: clock.now(),
    },
  });
  consumers = await startEnterpriseConsumers(bus, db, logger, () => undefined, service.deps.obligationPolicy);
});

afterAll(async () => {
  await consumers.close();
  await bus.close();
  await db.$disconnect();
});

describe('qualifications', () => {
  it('are recorded by the bureau of the region only, valid and with days to expiry', async () => {
    expect(
      (await execute(QUALIFY, { input: qualification(GC, 'FIRST', daysFromToday(30)) }, enterpriseOf(GC, SCOPES.enterpriseRegister))).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await execute(QUALIFY, { input: qualification(GC, 'FIRST', daysFromToday(30)) }, bureau(SCOPES.enterpriseRegister, ['130100']))).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const result = await execute(QUALIFY, { input: qualification(GC, 'FIRST', daysFromToday(30)) }, bureau(SCOPES.enterpriseRegister));
    expect(result.data!.recordQualification).toMatchObject({ grade: 'FIRST', validUntil: daysFromToday(30), valid: true, expiresInDays: 30 });
  });

  it('remind once before expiry, and block bidding when the last one lapses until it is renewed', async () => {
    await service.sweeper.tick(clock.now());
    await service.sweeper.tick(clock.now());
    expect(await db.outboxEvent.count({ where: { type: 'cn.yikatong.enterprise.qualification.expiring.v1', key: GC } })).toBe(1);
    // Valid for 30 more days: to the end of day 30 it still is; from 00:00 China time on day 31 the last certificate has lapsed.
    clock.set(chinaMidnight(daysFromToday(31)));
    clock.advance({ ms: -1 });
    await service.sweeper.tick(clock.now());
    expect(await db.eligibilityBlock.count({ where: { uscc: GC } })).toBe(0);
    clock.advance({ ms: 1 });
    await service.sweeper.tick(clock.now());
    expect(await db.eligibilityBlock.findMany({ where: { uscc: GC }, select: { rule: true, since: true } })).toEqual([
      { rule: 'QUALIFICATION_EXPIRED', since: clock.now() },
    ]);
    clock.advance({ minutes: 1 });
    const renewed = await execute(QUALIFY, { input: qualification(GC, 'FIRST', daysFromToday(1000)) }, bureau(SCOPES.enterpriseRegister));
    expect(renewed.errors).toBeUndefined();
    expect(await db.eligibilityBlock.count({ where: { uscc: GC } })).toBe(0);
    const changes = await db.outboxEvent.findMany({ where: { type: 'cn.yikatong.enterprise.eligibility.changed.v1', key: GC }, orderBy: { seq: 'asc' } });
    expect(changes.map((event) => (event.payload as { data: { eligible: boolean; cause: string } }).data)).toEqual([
      expect.objectContaining({ eligible: false, cause: 'clock:QUALIFICATION_EXPIRED' }),
      expect.objectContaining({ eligible: true, cause: expect.stringMatching(/^enterprise:qualification-recorded#/) }),
    ]);
  });
});

describe('tenders and bids', () => {
  it('a tender is opened by the bureau on a project in bidding', async () => {
    const closesAt = instantPlusDays(clock.now(), 20).toISOString();
    expect(
      (await execute(OPEN, { input: { projectId, title: '主体工程', requirements: [requirement], closesAt } }, enterpriseOf(GC))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const byHrss = await execute(
      OPEN,
      { input: { projectId, title: '主体工程', requirements: [requirement], closesAt } },
      bureau(SCOPES.projectReview, ['130500'], 'HRSS'),
    );
    expect(byHrss.errors?.[0]?.extensions?.code).toBe('WRONG_DEPARTMENT');
    const opened = await execute(OPEN, { input: { projectId, title: '主体工程施工', requirements: [requirement], closesAt } }, bureau(SCOPES.projectReview));
    expect(opened.data!.openTender).toMatchObject({ status: 'OPEN', requirements: [requirement] });
    tenderId = opened.data!.openTender.id;
  });

  it('refuses an unqualified bidder and a bidder with a red arrears warning, with the reasons, and records nothing', async () => {
    const unqualified = await execute(BID, { input: { tenderId, price: '9900000000' } }, enterpriseOf(RIVAL));
    expect(unqualified.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['QUALIFICATION_NOT_MATCHING'] });
    const warning = { warningId: randomUUID(), projectId, uscc: GC, version: 1 };
    clock.advance({ minutes: 1 });
    await payroll.warning('raised', warning, 2);
    await testing.eventually(async () => ((await db.eligibilityBlock.count({ where: { uscc: GC } })) === 1 ? true : undefined), 5_000, 'the red warning block');
    const warned = await execute(BID, { input: { tenderId, price: '9900000000' } }, enterpriseOf(GC));
    expect(warned.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ELIGIBLE', reasons: ['RED_ARREARS_WARNING'] });
    expect(warned.errors?.[0]?.message).toContain('Red arrears warning');
    expect(await db.bid.count()).toBe(0);
    clock.advance({ minutes: 1 });
    await payroll.warning('cleared', { ...warning, version: 2 });
    await testing.eventually(
      async () => ((await db.eligibilityBlock.count({ where: { uscc: GC } })) === 0 ? true : undefined),
      5_000,
      'the red warning to clear',
    );
  });

  it('accepts an eligible, qualified bid once; bids are sealed from rivals; the bureau awards', async () => {
    const bid = await execute(BID, { input: { tenderId, price: '9900000000' } }, enterpriseOf(GC));
    expect(bid.data!.submitBid).toMatchObject({ uscc: GC, price: '9900000000' });
    expect((await execute(BID, { input: { tenderId, price: '9800000000' } }, enterpriseOf(GC))).errors?.[0]?.extensions?.code).toBe('ALREADY_BID');
    expect((await execute(TENDER, { id: tenderId }, enterpriseOf(RIVAL))).data!.tender.bids).toEqual([]);
    expect((await execute(TENDER, { id: tenderId }, bureau(SCOPES.projectReview))).data!.tender.bids).toEqual([{ uscc: GC, price: '9900000000' }]);
    const awarded = await execute(AWARD, { input: { tenderId, bidId: bid.data!.submitBid.id } }, bureau(SCOPES.projectReview));
    expect(awarded.data!.awardTender).toEqual({ status: 'AWARDED', winningBid: { uscc: GC } });
  });

  it('gRPC with a tender adds the qualification match to the same verdict', async () => {
    const verdicts = new VerdictCache(db, databaseUrlFor(config, 'enterprise'), logger, false);
    const server = await startGrpcServer(
      0,
      [{ definition: BiddingEligibilityService.service, implementation: biddingEligibilityImplementation(db, verdicts, clock, config, logger) }],
      grpc.ServerCredentials.createInsecure(),
    );
    const client = new BiddingEligibilityService(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
    try {
      const token = await mintToken(config, { sub: 'platform', kind: 'TRADING_PLATFORM', scope: SCOPES.eligibilityCheck });
      const check = (uscc: string, tender = '') =>
        callUnary<{ eligible: boolean; reasons: Array<{ code: string }> }>(client, 'CheckBiddingEligibility', { uscc, tenderId: tender }, { token });
      expect(await check(RIVAL)).toMatchObject({ eligible: true });
      expect(await check(RIVAL, tenderId)).toMatchObject({ eligible: false, reasons: [{ code: 'QUALIFICATION_NOT_MATCHING' }] });
      expect(await check(GC, tenderId)).toMatchObject({ eligible: true, reasons: [] });
      await expect(check(GC, 'nope')).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
      const payroll = await serviceCallerToken(config, 'payroll')();
      const inputs = await callUnary<{ cleanYears: number; arrearsInLastTwoYears: boolean }>(client, 'GetDepositRateInputs', { uscc: GC }, { token: payroll });
      expect(inputs).toMatchObject({ cleanYears: 0, arrearsInLastTwoYears: true });
      // A trading platform checks eligibility and nothing else; the deposit inputs are payroll's.
      await expect(callUnary(client, 'GetDepositRateInputs', { uscc: GC }, { token })).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
      await expect(
        callUnary(
          client,
          'GetDepositRateInputs',
          { uscc: GC },
          { token: await mintToken(config, { sub: 'x', kind: 'BANK', bank: 'CCB', scope: SCOPES.eligibilityCheck }) },
        ),
      ).rejects.toMatchObject({ code: grpc.status.PERMISSION_DENIED });
      await expect(callUnary(client, 'CheckBiddingEligibility', { uscc: GC, tenderId: '' }, { token: payroll })).rejects.toMatchObject({
        code: grpc.status.PERMISSION_DENIED,
      });
    } finally {
      client.close();
      await server.close();
    }
  });
});

describe('credit, responsible persons, history and statistics', () => {
  it('records credit from the bureau and from verified complaints (once), feeding the deposit-rate inputs', async () => {
    expect(
      (await execute(CREDIT, { input: { uscc: RIVAL, kind: 'GOOD', category: 'AWARD', description: '省级安全文明工地' } }, bureau(''))).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const good = await execute(
      CREDIT,
      { input: { uscc: RIVAL, kind: 'GOOD', category: 'AWARD', description: '省级安全文明工地' } },
      bureau(SCOPES.creditRecord),
    );
    expect(good.data!.recordCredit).toEqual({ kind: 'GOOD', category: 'AWARD', source: 'portal:bureau-1' });
    clock.advance({ minutes: 1 });
    await publishFact(
      bus,
      clock,
      complaintVerifiedV1,
      RIVAL,
      {
        complaintId: randomUUID(),
        uscc: RIVAL,
        projectId,
        category: 'WAGE_ARREARS',
        summary: '拖欠3名工人上月工资',
        workersAffected: 3,
        amountOwedFen: '2700000',
        verifiedBy: 'inspector-7',
        verifiedAt: clock.now().toISOString(),
      },
      2,
    );
    await testing.eventually(
      async () => ((await db.creditRecord.count({ where: { uscc: RIVAL } })) === 2 ? true : undefined),
      5_000,
      'the complaint credit record',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rival = (await execute(ENTERPRISE, { uscc: RIVAL }, bureau(''))).data!.enterprise;
    expect(rival.creditRecords).toEqual([
      expect.objectContaining({
        kind: 'BAD',
        category: 'WAGE_ARREARS',
        source: expect.stringMatching(/^welfare:cn\.yikatong\.welfare\.complaint\.verified\.v1#/),
      }),
      expect.objectContaining({ kind: 'GOOD' }),
    ]);
    expect(rival.depositRateInputs).toEqual({ cleanYears: 0, arrearsInLastTwoYears: true, listed: false });
  });

  it('records a registration past the real-name deadline as a bad record for the employer, once; one in time records nothing', async () => {
    const enrolment = (registeredLateByDays: number) => ({
      enrolmentId: randomUUID(),
      workerId: randomUUID(),
      projectId,
      employerUscc: RIVAL,
      regionCode: '130502',
      tradeCode: '6-29-01-01',
      contractType: 'LABOUR_CONTRACT' as const,
      rateKind: 'DAILY' as const,
      rateFen: 30_000,
      employmentKind: 'FULL_TIME' as const,
      team: null,
      startDate: daysFromToday(-10),
      endDate: null,
      registeredLateByDays,
    });
    await publishFact(bus, clock, enrolmentStartedV1, randomUUID(), enrolment(0));
    const late = enrolment(5);
    await publishFact(bus, clock, enrolmentStartedV1, late.enrolmentId, late, 2);
    await testing.eventually(
      async () => ((await db.projectEnrolment.count({ where: { employerUscc: RIVAL } })) === 2 ? true : undefined),
      5_000,
      'both enrolments',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const records = await db.creditRecord.findMany({ where: { uscc: RIVAL, category: 'REAL_NAME_VIOLATION' } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'BAD',
      recordedBy: 'identity',
      source: expect.stringMatching(/^identity:cn\.yikatong\.identity\.enrolment\.started\.v1#/),
    });
    expect(records[0]!.description).toContain(`${late.enrolmentId}`);
    expect(records[0]!.description).toContain('registered 5 days after the real-name registration deadline');
  });

  it('learns responsible persons from identity and resolves them as identity people', async () => {
    const personId = randomUUID();
    await publishFact(bus, clock, cardIssuedV1, randomUUID(), {
      cardId: randomUUID(),
      cardNumber: 'YK0000000000000018',
      holderKind: 'RESPONSIBLE_PERSON',
      enterpriseUscc: GC,
      personId,
      regionCode: '130502',
      version: 1,
      issuedAt: clock.now().toISOString(),
    });
    await testing.eventually(async () => ((await db.responsiblePerson.count()) === 1 ? true : undefined));
    expect((await execute(ENTERPRISE, { uscc: GC }, enterpriseOf(GC))).data!.enterprise.responsiblePersons).toEqual([{ personId, person: { id: personId } }]);
  });

  it('keeps the history of verdict changes, newest first, paginated', async () => {
    const gc = (await execute(ENTERPRISE, { uscc: GC }, enterpriseOf(GC))).data!.enterprise;
    expect(gc.eligibilityHistory.nodes).toEqual([
      { eligible: true, reasonCodes: [], cause: expect.stringMatching(/^payroll:cn\.yikatong\.payroll\.arrears-warning\.cleared\.v1#/) },
      { eligible: false, reasonCodes: ['RED_ARREARS_WARNING'], cause: expect.stringMatching(/^payroll:cn\.yikatong\.payroll\.arrears-warning\.raised\.v1#/) },
    ]);
    expect(gc.eligibilityHistory.pageInfo.hasNextPage).toBe(true);
    const next = await execute(
      `query ($uscc: ID!, $after: String) { enterprise(uscc: $uscc) { eligibilityHistory(first: 5, after: $after) { nodes { cause } pageInfo { hasNextPage } } } }`,
      { uscc: GC, after: gc.eligibilityHistory.pageInfo.endCursor },
      enterpriseOf(GC),
    );
    const rest = next.data!.enterprise.eligibilityHistory;
    expect(rest.nodes.map((node: { cause: string }) => node.cause.split('#')[0])).toEqual(['enterprise:qualification-recorded', 'clock:QUALIFICATION_EXPIRED']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('gives dashboards counts by eligibility, reason, type and stage, in their region only', async () => {
    await payroll.warning('raised', { warningId: randomUUID(), projectId, uscc: RIVAL, version: 1 });
    await testing.eventually(async () => ((await db.eligibilityBlock.count({ where: { uscc: RIVAL } })) === 1 ? true : undefined));
    const stats = await execute(STATISTICS, { regionCode: '130500' }, analytics);
    expect(stats.data!.enterpriseStatistics).toEqual({
      enterprises: 2,
      eligible: 1,
      ineligible: 1,
      byReason: [{ key: 'RED_ARREARS_WARNING', count: 1 }],
      byType: [{ key: 'GENERAL_CONTRACTOR', count: 2 }],
      projectsByStage: [{ key: 'BIDDING', count: 1 }],
    });
    expect((await execute(STATISTICS, { regionCode: '130100' }, analytics)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(STATISTICS, { regionCode: '130500' }, enterpriseOf(GC))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await execute(`query { enterprises(regionCode: "130500", eligible: false) { nodes { uscc } } }`, {}, bureau(''));
    expect(listed.data!.enterprises.nodes).toEqual([{ uscc: RIVAL }]);
  });

  it('finds enterprises by part of the name, and refuses an empty or overlong search with the field named', async () => {
    const SEARCH = `query ($name: String) { enterprises(regionCode: "130500", nameContains: $name) { nodes { uscc name } } }`;
    const all = (await execute(`query { enterprises(regionCode: "130500") { nodes { uscc name } } }`, {}, bureau(''))).data!.enterprises.nodes;
    const [first] = all as Array<{ uscc: string; name: string }>;
    const part = first!.name.slice(1, 4);
    const found = await execute(SEARCH, { name: ` ${part} ` }, bureau(''));
    expect(found.data!.enterprises.nodes).toEqual(all.filter((node: { name: string }) => node.name.includes(part)));
    expect(found.data!.enterprises.nodes).toContainEqual(first);
    expect((await execute(SEARCH, { name: '不存在的企业名称' }, bureau(''))).data!.enterprises.nodes).toEqual([]);
    for (const name of ['  ', '名'.repeat(51)]) {
      const refused = await execute(SEARCH, { name }, bureau(''));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'nameContains' });
    }
  });
});
