import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as testing from '@yikatong/platform/testing';
import { CLOSED_CARDS_FILE, FileCoreBanking, type PaymentInstruction } from '../src/core-banking';

const instruction = (n: number, cardNumber = '6222021234567890128'): PaymentInstruction => ({
  lineId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  batchId: '00000000-0000-4000-8000-100000000000',
  sheetId: '00000000-0000-4000-8000-200000000000',
  projectId: '00000000-0000-4000-8000-300000000000',
  period: '2026-11',
  workerId: '00000000-0000-4000-8000-400000000000',
  holderName: '张三',
  bankCode: 'ICBC',
  cardNumber,
  amountFen: '560000',
  payerBankCode: 'CCB',
  payerAccountNumber: '13050161520800000123',
  requestedAt: '2026-12-01T02:00:00.000Z',
});

it('pays a line once: asked again, even after a restart, it answers the first outcome', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'core-banking-'));
  const clock = testing.testClock();
  const bank = new FileCoreBanking(dir, 'ICBC', clock);
  const first = await bank.pay(instruction(1));
  expect(first).toMatchObject({ outcome: 'PAID', bankReference: 'ICBC-00000001', settledAt: clock.now().toISOString() });
  clock.advance({ minutes: 1 });
  expect(await bank.pay(instruction(1))).toEqual(first);
  await bank.close();

  const reopened = new FileCoreBanking(dir, 'ICBC', clock);
  expect(await reopened.pay(instruction(1))).toEqual(first);
  expect((await reopened.pay(instruction(2))).lineId).toBe(instruction(2).lineId);
  await reopened.close();
  expect(readFileSync(path.join(dir, 'payments.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
});

it('forgets a payment whose journal line a crash cut short, and makes it then', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'core-banking-'));
  const bank = new FileCoreBanking(dir, 'ICBC', testing.testClock());
  await bank.pay(instruction(1));
  await bank.close();
  appendFileSync(path.join(dir, 'payments.jsonl'), `{"lineId":"${instruction(2).lineId}","outco`);
  const reopened = new FileCoreBanking(dir, 'ICBC', testing.testClock());
  expect([...reopened.paid.keys()]).toEqual([instruction(1).lineId]);
  expect(await reopened.pay(instruction(2))).toMatchObject({ outcome: 'PAID' });
  await reopened.close();
});

it('fails a card of a closed account, with the reason', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'core-banking-'));
  writeFileSync(path.join(dir, CLOSED_CARDS_FILE), '6222020000000000001\n');
  const bank = new FileCoreBanking(dir, 'ICBC', testing.testClock());
  expect(await bank.pay(instruction(1, '6222020000000000001'))).toMatchObject({ outcome: 'FAILED', failureReason: expect.stringContaining('closed') });
  await bank.close();
});
