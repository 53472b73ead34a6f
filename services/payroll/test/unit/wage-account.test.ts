import * as testing from '@yikatong/platform/testing';
import { close, confirmOpened, requestAccount, startClosing } from '../../src/domain/wage-account';

const project = { projectId: '0b6f0c52-2a43-4a39-9d27-7d1c53b1d0a1', generalContractorUscc: '91350100M000100Y43', stage: 'AWARDED' };
const bank = { bankCode: 'CCB', bankName: '中国建设银行邢台分行' };
const at = new Date('2026-12-01T02:00:00Z');
const DAY = 86_400_000;

describe('dedicated wage account lifecycle', () => {
  const requested = requestAccount(project, null, bank, at);

  it('opens at a bank, one per project, and announces it when the bank confirms the number', () => {
    expect(requested).toMatchObject({ status: 'OPENING', accountNumber: null });
    expect(testing.appErrorOf(() => requestAccount(project, requested, bank, at)).code).toBe('WAGE_ACCOUNT_EXISTS');
    expect(testing.appErrorOf(() => requestAccount({ ...project, stage: 'CLOSED' }, null, bank, at)).code).toBe('PROJECT_FINISHED');
    expect(testing.appErrorOf(() => confirmOpened(requested, '12ab', at)).code).toBe('INVALID_ACCOUNT_NUMBER');
    const { account, events } = confirmOpened(requested, '13050161520800000123', at);
    expect(account).toMatchObject({ status: 'ACTIVE', openedAt: at });
    expect(events[0]!.envelope).toMatchObject({
      type: 'cn.yikatong.payroll.wage-account.opened.v1',
      subject: project.projectId,
      data: { accountId: account.id, bankName: bank.bankName },
    });
    expect(testing.appErrorOf(() => confirmOpened(account, '13050161520800000123', at)).code).toBe('WAGE_ACCOUNT_NOT_OPENING');
  });

  it('closes only after a 30-day public notice and never while arrears are open', () => {
    const { account } = confirmOpened(requested, '13050161520800000123', at);
    expect(testing.appErrorOf(() => startClosing(account, 1, { noticeDays: 30 }, at)).code).toBe('ARREARS_OPEN');
    const closing = startClosing(account, 0, { noticeDays: 30 }, at);
    expect(closing).toMatchObject({ status: 'CLOSING', noticeUntil: new Date(at.getTime() + 30 * DAY) });
    expect(testing.appErrorOf(() => close(closing, 0, 0n, new Date(at.getTime() + 29 * DAY))).code).toBe('NOTICE_PERIOD_RUNNING');
    expect(testing.appErrorOf(() => close(closing, 2, 0n, new Date(at.getTime() + 30 * DAY))).code).toBe('ARREARS_OPEN');
    const closed = close(closing, 0, 0n, new Date(at.getTime() + 30 * DAY));
    expect(closed).toEqual({ account: expect.objectContaining({ status: 'CLOSED' }), transfers: [] });
    expect(requestAccount(project, closed.account, bank, at).status).toBe('OPENING');
  });

  it('hands the balance left at closing to the general contractor, by one transfer caused by the account', () => {
    const closing = startClosing(confirmOpened(requested, '13050161520800000123', at).account, 0, { noticeDays: 30 }, at);
    const closedAt = new Date(at.getTime() + 30 * DAY);
    expect(close(closing, 0, 123_456n, closedAt).transfers).toEqual([
      {
        projectId: project.projectId,
        debit: 'BALANCE_RETURNED',
        credit: 'WAGE_ACCOUNT',
        amountFen: 123_456n,
        cause: 'BALANCE_RETURN',
        causeId: closing.id,
        at: closedAt,
      },
    ]);
  });
});
