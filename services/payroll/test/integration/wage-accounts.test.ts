import { randomUUID } from 'node:crypto';
import { projectRegisteredV1, projectStageChangedV1 } from '@yikatong/contracts';
import { principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import { createPayrollHarness, GC } from '../support/harness';

const h = createPayrollHarness();
const db = h.db;
const contractor = (uscc = GC, scope: string = SCOPES.projectRegister): Principal => principalFromClaims({ sub: 'gc-admin', kind: 'ENTERPRISE', uscc, scope });
const ccb = principalFromClaims({ sub: 'ccb-xingtai', kind: 'BANK', bank: 'CCB' });
const execute = (query: string, variables: Record<string, unknown>, principal: Principal | null) => h.execute(query, variables, principal);

const REQUEST = `mutation ($input: RequestWageAccountInput!) { requestWageAccount(input: $input) { id status bankCode } }`;
const CONFIRM = `mutation ($input: ConfirmWageAccountOpenedInput!) { confirmWageAccountOpened(input: $input) { status accountNumber openedAt } }`;
const ACCOUNTS = `query ($projectId: ID!) { wageAccounts(projectId: $projectId) { status bankName } }`;
const projectId = randomUUID();
const counts = async () => ({ accounts: await db.wageAccount.count(), outbox: await db.outboxEvent.count() });

beforeAll(async () => {
  await h.start();
  await h.deliver(projectRegisteredV1, projectId, { projectId, name: '新校区', regionCode: '130502', generalContractorUscc: GC, registeredAt: h.clock.now().toISOString() });
  const awarded = { projectId, generalContractorUscc: GC, regionCode: '130502', from: 'BIDDING' as const, to: 'AWARDED' as const, approvedBy: 'bureau-1', changedAt: h.clock.advance({ ms: 1 }).toISOString() };
  await h.deliver(projectStageChangedV1, projectId, awarded);
  await h.deliver(projectStageChangedV1, projectId, awarded);
  expect((await db.payrollProject.findUnique({ where: { projectId } }))?.stage).toBe('AWARDED');
});

afterAll(() => h.stop());

describe('dedicated wage accounts', () => {
  it('refuses anyone but the general contractor or a portal of the region, and unknown projects, writing nothing', async () => {
    const before = await counts();
    const input = { projectId, bankCode: 'ccb', bankName: '中国建设银行邢台分行' };
    expect((await execute(REQUEST, { input }, contractor('91110000600037341L'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(REQUEST, { input }, contractor(GC, ''))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(REQUEST, { input }, principalFromClaims({ sub: 'p', kind: 'PORTAL', regions: ['130100'], scope: SCOPES.projectRegister }))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(REQUEST, { input: { ...input, projectId: randomUUID() } }, contractor())).errors?.[0]?.extensions).toMatchObject({ code: 'PROJECT_NOT_FOUND', field: 'projectId' });
    expect(await counts()).toEqual(before);
  });

  it('opens one account per project; only the holding bank confirms it, which publishes wage-account.opened', async () => {
    const requested = await execute(REQUEST, { input: { projectId, bankCode: 'ccb', bankName: '中国建设银行邢台分行' } }, contractor());
    expect(requested.data!.requestWageAccount).toMatchObject({ status: 'OPENING', bankCode: 'CCB' });
    const accountId = requested.data!.requestWageAccount.id;
    const second = await Promise.all([1, 2].map(() => execute(REQUEST, { input: { projectId, bankCode: 'ICBC', bankName: '工商银行' } }, contractor())));
    expect(second.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(['WAGE_ACCOUNT_EXISTS', 'WAGE_ACCOUNT_EXISTS']);

    const icbc = principalFromClaims({ sub: 'icbc', kind: 'BANK', bank: 'ICBC' });
    expect((await execute(CONFIRM, { input: { accountId, accountNumber: '13050161520800000123' } }, icbc)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(CONFIRM, { input: { accountId, accountNumber: '12' } }, ccb)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ACCOUNT_NUMBER', field: 'accountNumber' });
    const confirmed = await execute(CONFIRM, { input: { accountId, accountNumber: '13050161520800000123' } }, ccb);
    expect(confirmed.data!.confirmWageAccountOpened).toMatchObject({ status: 'ACTIVE', accountNumber: '13050161520800000123' });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.payroll.wage-account.opened.v1' } });
    expect(event).toMatchObject({ topic: 'yikatong.payroll.accounts', key: projectId });
    expect(event.payload).toMatchObject({ data: { accountId, projectId, generalContractorUscc: GC } });
  });

  it('shows the account to the contractor, the bank and the region, not to others', async () => {
    expect((await execute(ACCOUNTS, { projectId }, contractor())).data!.wageAccounts).toEqual([{ status: 'ACTIVE', bankName: '中国建设银行邢台分行' }]);
    expect((await execute(ACCOUNTS, { projectId }, ccb)).data!.wageAccounts).toHaveLength(1);
    expect((await execute(ACCOUNTS, { projectId }, principalFromClaims({ sub: 'p', kind: 'PORTAL', regions: ['130500'] }))).data!.wageAccounts).toHaveLength(1);
    expect((await execute(ACCOUNTS, { projectId }, principalFromClaims({ sub: 'icbc', kind: 'BANK', bank: 'ICBC' }))).data!.wageAccounts).toEqual([]);
    expect((await execute(ACCOUNTS, { projectId }, principalFromClaims({ sub: 'w', kind: 'WORKER' }))).data!.wageAccounts).toEqual([]);
  });
});
