import { instantPlusDays, principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { createHarness } from '../support/harness';

// The deposit is due 20 days after the award, the wage account 30: the clock must wake for each in turn.
const { config, bus, clock, db, execute, service } = createHarness({ WAGE_ACCOUNT_DEADLINE_DAYS: '30', DEPOSIT_DEADLINE_DAYS: '20' });
const GC = '91350100M000100Y43';
const contractor: Principal = principalFromClaims({ sub: 'gc-admin', kind: 'ENTERPRISE', uscc: GC, scope: SCOPES.projectRegister });
const bureau: Principal = principalFromClaims({
  sub: 'bureau-1',
  kind: 'PORTAL',
  dept: 'HOUSING_CONSTRUCTION',
  regions: ['130500'],
  scope: SCOPES.projectReview,
});

let projectId: string;
let awardedAt: Date;
const blocks = async () => (await db.eligibilityBlock.findMany({ where: { uscc: GC }, orderBy: { rule: 'asc' } })).map((block) => block.rule);
const dueAt = async () => (await db.project.findUniqueOrThrow({ where: { id: projectId } })).obligationsDueAt;

beforeAll(async () => {
  await testing.requirePostgres(config, 'enterprise');
  await db.$executeRawUnsafe(
    'TRUNCATE project_step, project_safeguard, project_enrolment, tender, bid, project_participant, project, eligibility_block, eligibility_change, enterprise, outbox_event CASCADE',
  );
  await db.enterprise.create({
    data: {
      uscc: GC,
      name: '总包企业',
      type: 'GENERAL_CONTRACTOR',
      regionCode: '130502',
      legalRepresentative: '张三',
      registeredAt: clock.now(),
      registeredBy: 'test',
    },
  });
  const registered = await execute(
    `mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }`,
    {
      input: {
        name: '邢台东站改造',
        regionCode: '130502',
        client: '邢台市城投',
        generalContractorUscc: GC,
        contractValue: '5000000000',
        labourCostSharePercent: 25,
        startDate: clock.today(),
      },
    },
    contractor,
  );
  expect(registered.errors).toBeUndefined();
  projectId = registered.data!.registerProject.id;
  const step = await execute(
    `mutation ($input: RequestProjectStepInput!) { requestProjectStep(input: $input) { id } }`,
    { input: { projectId, to: 'AWARDED', details: { noticeNumber: '冀招2026-077' } } },
    contractor,
  );
  const reviewed = await execute(
    `mutation ($input: ReviewProjectStepInput!) { reviewProjectStep(input: $input) { reviewedAt } }`,
    { input: { stepId: step.data!.requestProjectStep.id, approve: true } },
    bureau,
  );
  awardedAt = new Date(reviewed.data!.reviewProjectStep.reviewedAt);
  expect(awardedAt).toEqual(clock.now());
});

afterAll(async () => {
  await bus.close();
  await db.$disconnect();
});

describe('the deadline clock wakes only for projects whose deadline has come', () => {
  it('sets the next due time when the award is approved: the earliest unmet deadline', async () => {
    expect(await dueAt()).toEqual(instantPlusDays(awardedAt, 20));
    await service.sweeper.tick(clock.now()); // a process's first pass judges every active project
    expect(await blocks()).toEqual([]);
    expect(await dueAt()).toEqual(instantPlusDays(awardedAt, 20));
  });

  it('leaves a project alone until it is due', async () => {
    await db.project.update({ where: { id: projectId }, data: { obligationsDueAt: null } });
    clock.set(instantPlusDays(awardedAt, 21));
    await service.sweeper.tick(clock.now());
    expect(await blocks()).toEqual([]);
    await db.project.update({ where: { id: projectId }, data: { obligationsDueAt: instantPlusDays(awardedAt, 20) } });
  });

  it('blocks each obligation at its own deadline and then has nothing left to wake for', async () => {
    await service.sweeper.tick(clock.now());
    expect(await blocks()).toEqual(['DEPOSIT_MISSING']);
    expect(await dueAt()).toEqual(instantPlusDays(awardedAt, 30));
    clock.set(instantPlusDays(awardedAt, 31));
    await service.sweeper.tick(clock.now());
    expect(await blocks()).toEqual(['DEPOSIT_MISSING', 'WAGE_ACCOUNT_MISSING']);
    expect(await dueAt()).toBeNull();
  });
});
