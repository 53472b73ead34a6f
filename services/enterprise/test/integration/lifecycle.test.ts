import { randomUUID } from 'node:crypto';
import { createLogger, principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { startEnterpriseConsumers } from '../../src/events/consumers';
import { identityFacts, payrollFacts, welfareFacts } from '../support/facts';
import { createHarness } from '../support/harness';

// Deadlines of zero days: an obligation is overdue as soon as its clock starts, so the sweeps need not move the clock.
const { config, bus, clock, db, execute, service } = createHarness({ WAGE_ACCOUNT_DEADLINE_DAYS: '0', DEPOSIT_DEADLINE_DAYS: '0', REAL_NAME_GRACE_DAYS: '0' });
const GC = '91350100M000100Y43';
const OTHER = '91110000600037341L';
const enterpriseOf = (uscc: string): Principal =>
  principalFromClaims({ sub: `admin-${uscc.slice(-4)}`, kind: 'ENTERPRISE', uscc, scope: SCOPES.projectRegister });
const reviewer = (sub = 'bureau-1', regions = ['130500'], dept = 'HOUSING_CONSTRUCTION'): Principal =>
  principalFromClaims({ sub, kind: 'PORTAL', dept, regions, scope: SCOPES.projectReview });
const hrssReviewer = () => reviewer('rsj-1', ['130500'], 'HRSS');

const REGISTER = `mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`;
const REQUEST = `mutation ($input: RequestProjectStepInput!) { requestProjectStep(input: $input) { id status from to requestedBy } }`;
const REVIEW = `mutation ($input: ReviewProjectStepInput!) { reviewProjectStep(input: $input) { id status reviewedBy reviewComment } }`;
const PROJECT = `query ($id: ID!) { project(id: $id) { stage steps { from to status reviewingDepartment requestedBy reviewedBy details { noticeNumber permitNumber startedOn } } safeguards { kind source } } }`;
const VERDICT = `query ($uscc: ID!) { enterprise(uscc: $uscc) { biddingEligibility { eligible reasons { code message source } } } }`;

let projectId: string;
let consumers: { close(): Promise<void> };
const payroll = payrollFacts(bus, clock);
const welfare = welfareFacts(bus, clock);
const identity = identityFacts(bus, clock);

const stage = async () => ((await execute(PROJECT, { id: projectId }, reviewer())).data!.project as { stage: string }).stage;
const reasons = async () =>
  ((await execute(VERDICT, { uscc: GC }, reviewer())).data!.enterprise.biddingEligibility.reasons as Array<{ code: string }>).map((reason) => reason.code);
const counts = async () => ({ steps: await db.projectStep.count(), outbox: await db.outboxEvent.count() });

/** An hour later, enters the step as the general contractor and has the owning department approve it. */
async function advance(to: string, details: Record<string, string> = {}, by = reviewer()) {
  clock.advance({ hours: 1 });
  const requested = await execute(REQUEST, { input: { projectId, to, details } }, enterpriseOf(GC));
  expect(requested.errors).toBeUndefined();
  const reviewed = await execute(REVIEW, { input: { stepId: requested.data!.requestProjectStep.id, approve: true } }, by);
  expect(reviewed.errors).toBeUndefined();
}

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.$executeRawUnsafe(`TRUNCATE project_step, project_safeguard, project_enrolment, arrears_warning, tender, bid, project_participant, project,
    eligibility_block, eligibility_change, external_fact_version, enterprise, outbox_event, processed_event CASCADE`);
  await db.enterprise.createMany({
    data: [GC, OTHER].map((uscc) => ({
      uscc,
      name: `企业${uscc.slice(-4)}`,
      type: 'GENERAL_CONTRACTOR' as const,
      regionCode: '130502',
      legalRepresentative: '张三',
      registeredAt: clock.now(),
      registeredBy: 'test',
    })),
  });
  const { data } = await execute(
    REGISTER,
    {
      input: {
        name: '邢台学院新校区',
        regionCode: '130502',
        client: '邢台学院',
        generalContractorUscc: GC,
        contractValue: '12000000000',
        labourCostSharePercent: 25,
        startDate: clock.today(),
      },
    },
    enterpriseOf(GC),
  );
  projectId = data!.registerProject.id;
  consumers = await startEnterpriseConsumers(bus, db, createLogger('lifecycle-test', 'warn'), () => undefined, service.deps.obligationPolicy);
});

afterAll(async () => {
  await consumers.close();
  await bus.close();
  await db.$disconnect();
});

describe('the closed-loop project lifecycle', () => {
  it('is entered by the responsible party only', async () => {
    for (const principal of [enterpriseOf(OTHER), reviewer(), principalFromClaims({ sub: randomUUID(), kind: 'WORKER' })]) {
      const result = await execute(REQUEST, { input: { projectId, to: 'AWARDED', details: { noticeNumber: 'N1' } } }, principal);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('awards after review by someone else of the owning department, recording who and when', async () => {
    const requested = await execute(REQUEST, { input: { projectId, to: 'AWARDED', details: { noticeNumber: '冀招2026-001' } } }, enterpriseOf(GC));
    expect(requested.data!.requestProjectStep).toMatchObject({ status: 'PENDING', from: 'BIDDING', to: 'AWARDED', requestedBy: 'admin-0Y43' });
    const stepId = requested.data!.requestProjectStep.id;
    const second = await execute(REQUEST, { input: { projectId, to: 'AWARDED', details: { noticeNumber: 'N2' } } }, enterpriseOf(GC));
    expect(second.errors?.[0]?.extensions?.code).toBe('STEP_PENDING');
    expect((await execute(REVIEW, { input: { stepId, approve: true } }, reviewer('b', ['130100']))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await execute(
          REVIEW,
          { input: { stepId, approve: true } },
          principalFromClaims({ sub: 'p', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }),
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await stage()).toBe('BIDDING');
    const approved = await execute(REVIEW, { input: { stepId, approve: true } }, reviewer());
    expect(approved.data!.reviewProjectStep).toMatchObject({ status: 'APPROVED', reviewedBy: 'bureau-1' });
    expect(await stage()).toBe('AWARDED');
    const event = await db.outboxEvent.findFirstOrThrow({ where: { key: projectId, type: 'cn.yikatong.enterprise.project.stage-changed.v1' } });
    expect(event.payload).toMatchObject({ data: { from: 'BIDDING', to: 'AWARDED', approvedBy: 'bureau-1' } });
  });

  it('refuses the permit naming everything missing, and writes nothing', async () => {
    const before = await counts();
    const result = await execute(REQUEST, { input: { projectId, to: 'PERMITTED', details: { permitNumber: '130502202612010101' } } }, enterpriseOf(GC));
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'WAGE_ACCOUNT_NOT_OPENED',
      reasons: ['WAGE_ACCOUNT_NOT_OPENED', 'DEPOSIT_NOT_PLACED', 'INJURY_INSURANCE_NOT_BOUGHT'],
    });
    expect(await counts()).toEqual(before);
  });

  it('blocks the contractor from bidding when the wage account and deposit are overdue, until payroll reports them', async () => {
    await service.sweeper.tick(clock.now());
    expect(await reasons()).toEqual(['DEPOSIT_MISSING', 'WAGE_ACCOUNT_MISSING']);
    clock.advance({ hours: 1 });
    await payroll.wageAccountOpened(projectId, GC);
    await testing.eventually(async () => ((await reasons()).length === 1 ? true : undefined), 5_000, 'the wage account block to lift');
    expect(await reasons()).toEqual(['DEPOSIT_MISSING']);
    const history = await db.eligibilityChange.findMany({ where: { uscc: GC }, orderBy: { at: 'asc' } });
    // The award's approval started the clock; the blocks came with it, the wage account lifted one.
    expect(history.map((change) => change.cause.split('#')[0])).toEqual([
      'enterprise:cn.yikatong.enterprise.project.stage-changed.v1',
      'payroll:cn.yikatong.payroll.wage-account.opened.v1',
    ]);
    expect(history.map((change) => change.reasonCodes)).toEqual([['DEPOSIT_MISSING', 'WAGE_ACCOUNT_MISSING'], ['DEPOSIT_MISSING']]);
  });

  it('grants the permit once payroll and welfare have reported, in any order', async () => {
    await welfare.insuranceBought(projectId);
    await payroll.depositPlaced(projectId, GC);
    await testing.eventually(async () => ((await db.projectSafeguard.count({ where: { projectId } })) === 3 ? true : undefined), 5_000, 'three safeguards');
    expect(await reasons()).toEqual([]);
    await advance('PERMITTED', { permitNumber: '130502202612010101' });
    const project = (await execute(PROJECT, { id: projectId }, reviewer())).data!.project;
    expect(project.safeguards.map((safeguard: { kind: string }) => safeguard.kind).sort()).toEqual(['DEPOSIT', 'INJURY_INSURANCE', 'WAGE_ACCOUNT']);
    expect(
      project.steps.map((step: { to: string; status: string; reviewingDepartment: string }) => `${step.to}:${step.status}:${step.reviewingDepartment}`),
    ).toEqual(['AWARDED:APPROVED:HOUSING_CONSTRUCTION', 'PERMITTED:APPROVED:HOUSING_CONSTRUCTION']);
  });

  it('wants real-name enrolment a grace period into construction', async () => {
    await advance('CONSTRUCTION', { startedOn: clock.today() });
    await service.sweeper.tick(clock.now());
    expect(await reasons()).toEqual(['REAL_NAME_ENROLMENT_MISSING']);
    await identity.enrolled(projectId, GC);
    await testing.eventually(async () => ((await reasons()).length === 0 ? true : undefined), 5_000, 'the real-name block to lift');
  });

  it('rejects with a comment, and closes only when no arrears warning is open', async () => {
    await advance('COMPLETED', { acceptedOn: clock.today() });
    const warning = { warningId: randomUUID(), projectId, uscc: GC, colour: 'YELLOW' as const, version: 1 };
    await payroll.warning('raised', warning);
    await testing.eventually(async () => ((await db.arrearsWarning.count()) === 1 ? true : undefined));
    const closing = await execute(REQUEST, { input: { projectId, to: 'CLOSED' } }, enterpriseOf(GC));
    expect(closing.errors?.[0]?.extensions?.code).toBe('ARREARS_WARNING_OPEN');
    await payroll.warning('cleared', { ...warning, version: 2 });
    await testing.eventually(async () => ((await db.arrearsWarning.count({ where: { clearedAt: null } })) === 0 ? true : undefined));
    const requested = await execute(REQUEST, { input: { projectId, to: 'CLOSED' } }, enterpriseOf(GC));
    const stepId = requested.data!.requestProjectStep.id;
    const byHousing = await execute(REVIEW, { input: { stepId, approve: true } }, reviewer());
    expect(byHousing.errors?.[0]?.extensions?.code).toBe('WRONG_DEPARTMENT');
    expect((await execute(REVIEW, { input: { stepId, approve: false } }, hrssReviewer())).errors?.[0]?.extensions?.code).toBe('COMMENT_REQUIRED');
    const rejected = await execute(REVIEW, { input: { stepId, approve: false, comment: '工资结清公示未满30日' } }, hrssReviewer());
    expect(rejected.data!.reviewProjectStep).toMatchObject({ status: 'REJECTED', reviewComment: '工资结清公示未满30日' });
    expect(await stage()).toBe('COMPLETED');
    await advance('CLOSED', {}, hrssReviewer());
    expect(await stage()).toBe('CLOSED');
    const again = await execute(REQUEST, { input: { projectId, to: 'BIDDING' } }, enterpriseOf(GC));
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });
});
