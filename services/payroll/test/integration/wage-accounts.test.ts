import { randomUUID } from 'node:crypto';
import { projectRegisteredV1, projectStageChangedV1 } from '@yikatong/contracts';
import { principalFromClaims, SCOPES, type Principal } from '@yikatong/platform';
import { createPayrollHarness, GC } from '../support/harness';

const harness = createPayrollHarness();
const db = harness.db;
const contractor = (uscc = GC, scope: string = SCOPES.projectRegister): Principal => principalFromClaims({ sub: 'gc-admin', kind: 'ENTERPRISE', uscc, scope });
const ccb = principalFromClaims({ sub: 'ccb-xingtai', kind: 'BANK', bank: 'CCB' });
const execute = (query: string, variables: Record<string, unknown>, principal: Principal | null) => harness.execute(query, variables, principal);

const REQUEST = `mutation ($input: RequestWageAccountInput!) { requestWageAccount(input: $input) { id status bankCode } }`;
const CONFIRM = `mutation ($input: ConfirmWageAccountOpenedInput!) { confirmWageAccountOpened(input: $input) { status accountNumber openedAt } }`;
const ACCOUNTS = `query ($projectId: ID!) { wageAccounts(projectId: $projectId) { status bankName } }`;
const projectId = randomUUID();
const counts = async () => ({ accounts: await db.wageAccount.count(), outbox: await db.outboxEvent.count() });

beforeAll(async () => {
  await harness.start();
  await harness.deliver(projectRegisteredV1, projectId, {
    projectId,
    name: '新校区',
    regionCode: '130502',
    generalContractorUscc: GC,
    registeredAt: harness.clock.now().toISOString(),
  });
  const awarded = {
    projectId,
    generalContractorUscc: GC,
    regionCode: '130502',
    from: 'BIDDING' as const,
    to: 'AWARDED' as const,
    approvedBy: 'bureau-1',
    changedAt: harness.clock.advance({ ms: 1 }).toISOString(),
  };
  await harness.deliver(projectStageChangedV1, projectId, awarded);
  await harness.deliver(projectStageChangedV1, projectId, awarded);
  expect((await db.payrollProject.findUnique({ where: { projectId } }))?.stage).toBe('AWARDED');
});

afterAll(() => harness.stop());

describe('dedicated wage accounts', () => {
  it('refuses anyone but the general contractor or a portal of the region, and unknown projects, writing nothing', async () => {
    const before = await counts();
    const input = { projectId, bankCode: 'ccb', bankName: '中国建设银行邢台分行' };
    expect((await execute(REQUEST, { input }, contractor('91110000600037341L'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(REQUEST, { input }, contractor(GC, ''))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await execute(
          REQUEST,
          { input },
          principalFromClaims({ sub: 'p', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130100'], scope: SCOPES.projectRegister }),
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await execute(REQUEST, { input: { ...input, projectId: randomUUID() } }, contractor())).errors?.[0]?.extensions).toMatchObject({
      code: 'PROJECT_NOT_FOUND',
      field: 'projectId',
    });
    expect((await execute(REQUEST, { input: { ...input, bankCode: 'HSBC' } }, contractor())).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'bankCode',
    });
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
    expect((await execute(CONFIRM, { input: { accountId, accountNumber: '12' } }, ccb)).errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_ACCOUNT_NUMBER',
      field: 'accountNumber',
    });
    const confirmed = await execute(CONFIRM, { input: { accountId, accountNumber: '13050161520800000123' } }, ccb);
    expect(confirmed.data!.confirmWageAccountOpened).toMatchObject({ status: 'ACTIVE', accountNumber: '13050161520800000123' });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.payroll.wage-account.opened.v1' } });
    expect(event).toMatchObject({ topic: 'yikatong.payroll.accounts', key: projectId });
    expect(event.payload).toMatchObject({ data: { accountId, projectId, generalContractorUscc: GC } });
  });

  it('shows the account to the contractor, the bank and the region, not to others', async () => {
    expect((await execute(ACCOUNTS, { projectId }, contractor())).data!.wageAccounts).toEqual([{ status: 'ACTIVE', bankName: '中国建设银行邢台分行' }]);
    expect((await execute(ACCOUNTS, { projectId }, ccb)).data!.wageAccounts).toHaveLength(1);
    expect(
      (await execute(ACCOUNTS, { projectId }, principalFromClaims({ sub: 'p', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: ['130500'] }))).data!
        .wageAccounts,
    ).toHaveLength(1);
    expect((await execute(ACCOUNTS, { projectId }, principalFromClaims({ sub: 'icbc', kind: 'BANK', bank: 'ICBC' }))).data!.wageAccounts).toEqual([]);
    expect((await execute(ACCOUNTS, { projectId }, principalFromClaims({ sub: randomUUID(), kind: 'WORKER' }))).data!.wageAccounts).toEqual([]);
  });

  it('closing hands the balance left to the general contractor by a BALANCE_RETURN transfer; nothing is received after', async () => {
    const [account] = await db.wageAccount.findMany({ where: { projectId } });
    const FUND = `mutation ($input: RecordFundingInput!) { recordFundingReceived(input: $input) { id } }`;
    expect((await execute(FUND, { input: { accountId: account!.id, amount: '123456', bankReference: 'CCB-CLOSE-1' } }, ccb)).errors).toBeUndefined();
    const approver = contractor(GC, SCOPES.wagesApprove);
    const CLOSE = `mutation ($id: ID!) { closeWageAccount(accountId: $id) { status balanceReturned } }`;
    expect(
      (await execute(`mutation ($id: ID!) { startWageAccountClosing(accountId: $id) { status balanceReturned } }`, { id: account!.id }, approver)).data,
    ).toEqual({ startWageAccountClosing: { status: 'CLOSING', balanceReturned: null } });
    harness.clock.advance({ days: 30 });
    expect((await execute(CLOSE, { id: account!.id }, approver)).data).toEqual({ closeWageAccount: { status: 'CLOSED', balanceReturned: '123456' } });

    const LEDGER = `query ($id: ID!) { projectLedger(projectId: $id) { balances { account balance } transfers(first: 10) { nodes { debit credit cause amount } } } }`;
    const ledger = (await execute(LEDGER, { id: projectId }, approver)).data!.projectLedger;
    expect(Object.fromEntries(ledger.balances.map((b: { account: string; balance: string }) => [b.account, b.balance]))).toMatchObject({
      WAGE_ACCOUNT: '0',
      BALANCE_RETURNED: '123456',
      CLIENT_FUNDING: '-123456',
    });
    expect(ledger.transfers.nodes.at(-1)).toEqual({ debit: 'BALANCE_RETURNED', credit: 'WAGE_ACCOUNT', cause: 'BALANCE_RETURN', amount: '123456' });
    expect((await execute(ACCOUNTS, { projectId }, contractor())).data!.wageAccounts).toEqual([{ status: 'CLOSED', bankName: '中国建设银行邢台分行' }]);

    const before = await db.ledgerTransfer.count();
    const late = await execute(FUND, { input: { accountId: account!.id, amount: '1000', bankReference: 'CCB-CLOSE-2' } }, ccb);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'WAGE_ACCOUNT_NOT_ACTIVE', field: 'accountId' });
    expect(await db.ledgerTransfer.count()).toBe(before);
  });
});
