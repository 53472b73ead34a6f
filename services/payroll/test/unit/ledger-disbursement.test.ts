import { judgeReport, disburse, type PayableLine } from '../../src/domain/disbursement';
import { balances, fundingReceived, lineFailed, linePaid, LEDGER_ACCOUNTS } from '../../src/domain/ledger';
import type { WageSheet } from '../../src/domain/wage-sheet';
import { applyReceipt, oldestUnpaidDue, scheduleInstalments } from '../../src/domain/funding';

const at = new Date('2026-11-20T02:00:00Z');
const sheet = { id: '00000000-0000-4000-8000-000000000001', projectId: '00000000-0000-4000-8000-000000000002', period: '2026-10' } as WageSheet;
const card = (bankCode: string) => ({ holderName: '张三', bankCode, cardNumber: '6222021234567890128' });
const payable = (n: number, bankCode: string, netFen: bigint): PayableLine => ({
  wageLineId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  workerId: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
  netFen,
  card: card(bankCode),
});
const payer = { bankCode: 'CCB', accountNumber: '13050161520800000123' };

describe('ledger', () => {
  it('derives balances from transfers that always sum to zero', () => {
    const transfers = [fundingReceived('p', 'f1', 1_000n, at), linePaid('p', 'l1', 300n, at), lineFailed('p', 'l2', 200n, at)];
    const result = balances(transfers);
    expect(result.get(LEDGER_ACCOUNTS.clientFunding)).toBe(-1_000n);
    expect([...result.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
    expect(() => fundingReceived('p', 'f', 0n, at)).toThrow();
  });
});

describe('disbursement', () => {
  it('makes one batch per card bank, reserves its total, and one payment instruction per line', () => {
    const lines = [payable(1, 'ICBC', 30_000n), payable(2, 'ICBC', 20_000n), payable(3, 'ABC', 10_000n), payable(4, 'ABC', 0n)];
    const result = disburse(sheet, lines, payer, 60_000n, at);
    expect(result.batches.map((b) => [b.bankCode, b.expectedCount, b.expectedTotalFen])).toEqual([
      ['ICBC', 2, 50_000n],
      ['ABC', 1, 10_000n],
    ]);
    expect(result.transfers.map((t) => [t.debit, t.credit, t.amountFen])).toEqual([
      ['PAYMENTS_IN_FLIGHT', 'WAGE_ACCOUNT', 50_000n],
      ['PAYMENTS_IN_FLIGHT', 'WAGE_ACCOUNT', 10_000n],
    ]);
    expect(result.events).toHaveLength(3);
    // Each bank's instructions go to its own topic, which that bank alone reads.
    expect(result.events.map((event) => event.topic)).toEqual([
      'yikatong.payroll.disbursements.icbc',
      'yikatong.payroll.disbursements.icbc',
      'yikatong.payroll.disbursements.abc',
    ]);
    expect(JSON.parse(JSON.stringify(result.events[0]!.envelope)).data).toMatchObject({
      bankCode: 'ICBC',
      amountFen: '30000',
      payerAccountNumber: payer.accountNumber,
    });
  });

  it('refuses when the account cannot cover the sheet, a card is unknown or at a bank not connected', () => {
    expect(() => disburse(sheet, [payable(1, 'ICBC', 30_000n)], payer, 29_999n, at)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_FUNDS' }));
    expect(() => disburse(sheet, [{ ...payable(1, 'ICBC', 1n), card: null }], payer, 10n, at)).toThrow(expect.objectContaining({ code: 'WAGE_CARD_UNKNOWN' }));
    expect(() => disburse(sheet, [payable(1, 'ICBC', 1n), payable(2, 'HSBC', 1n)], payer, 10n, at)).toThrow(
      expect.objectContaining({ code: 'BANK_NOT_CONNECTED' }),
    );
  });

  it('settles a pending line once; a repeat is acknowledged, a contradiction refused', () => {
    expect(judgeReport('PENDING', 'PAID')).toBe('SETTLED');
    expect(judgeReport('PAID', 'PAID')).toBe('ALREADY_SETTLED');
    expect(judgeReport('FAILED', 'PAID')).toBe('CONFLICT');
    expect(judgeReport(null, 'FAILED')).toBe('NOT_FOUND');
  });
});

describe('funding instalments', () => {
  it('schedules distinct positive instalments and pays the oldest first', () => {
    const schedule = scheduleInstalments(
      'p',
      [],
      [
        { dueOn: '2026-10-31', amountFen: 100n },
        { dueOn: '2026-11-30', amountFen: 100n },
      ],
    );
    expect(() => scheduleInstalments('p', schedule, [{ dueOn: '2026-10-31', amountFen: 5n }])).toThrow(expect.objectContaining({ code: 'INSTALMENT_EXISTS' }));
    expect(() => scheduleInstalments('p', [], [{ dueOn: '2026-10-31', amountFen: 0n }])).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    const paid = applyReceipt(schedule, 150n);
    expect(paid.map((i) => i.paidFen)).toEqual([100n, 50n]);
    expect(oldestUnpaidDue([...paid])).toBe('2026-11-30');
    expect(oldestUnpaidDue(applyReceipt(schedule, 500n))).toBeNull();
  });
});
