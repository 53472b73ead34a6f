import { parseBankCard } from '../../src/domain/bank-card';
import { residentIdCheckCharacter } from '../../src/domain/resident-id';
import { chinaDay } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import { ageOn, periodBounds } from '../../src/domain/calendar';
import { registerWorker, sameName, type WorkerApplication, type WorkingAgePolicy } from '../../src/domain/worker';
import { changeWageCard } from '../../src/domain/wage-card';

const policy: WorkingAgePolicy = { minAge: 16, maxAgeMale: null, maxAgeFemale: null };
const application: WorkerApplication = {
  idNumber: '440524188001010014',
  name: '张三',
  phone: '138 1234 5678',
  education: 'JUNIOR_SECONDARY',
  tradeCode: 'REBAR',
  skillLevel: null,
  regionCode: '130502',
};
const by = { subject: 'clerk', enterpriseUscc: null };
const at = new Date('2026-11-25T02:00:00Z');
const register = (overrides: Partial<WorkerApplication>, rules = policy, today = '2026-11-25') =>
  registerWorker({ ...application, ...overrides }, rules, by, at, today);

describe('registering a worker', () => {
  it('derives birth date and sex, normalises the phone, issues a worker card and a PII-free event', () => {
    const { worker, card, events } = register({ idNumber: '11010519491231002X' });
    expect(worker).toMatchObject({ birthDate: '1949-12-31', sex: 'FEMALE', phone: '13812345678', idNumber: '11010519491231002X' });
    expect(card.card).toMatchObject({ holderKind: 'WORKER', personId: worker.id, status: 'ACTIVE', regionCode: '130502' });
    const data = events[0]!.envelope.data as Record<string, unknown>;
    expect(data).toEqual(expect.objectContaining({ workerId: worker.id, birthYear: 1949, sex: 'FEMALE' }));
    expect(JSON.stringify(data)).not.toContain('11010519491231002X');
  });

  it.each([
    [{ idNumber: '110105194912310021' }, 'ID_NUMBER_CHECK_CHARACTER', 'idNumber'],
    [{ idNumber: '11010519490231002X' }, 'ID_NUMBER_BIRTH_DATE', 'idNumber'],
    [{ name: 'X' }, 'INVALID_NAME', 'name'],
    [{ phone: '02112345678' }, 'INVALID_PHONE', 'phone'],
    [{ skillLevel: 7 }, 'INVALID_SKILL_LEVEL', 'skillLevel'],
  ])('refuses %j with %s', (overrides, code, field) => {
    expect(testing.appErrorOf(() => register(overrides))).toMatchObject({ code, field });
  });

  it('refuses anyone under the working age (16) and accepts them on their 16th birthday', () => {
    const first17 = '13050220101126001';
    const idNumber = first17 + residentIdCheckCharacter(first17);
    expect(testing.appErrorOf(() => register({ idNumber }, policy, '2026-11-25'))).toMatchObject({ code: 'BELOW_WORKING_AGE' });
    expect(register({ idNumber }, policy, '2026-11-26').worker.birthDate).toBe('2010-11-26');
  });

  it('applies a province site-age limit per sex when configured', () => {
    const limited = { minAge: 16, maxAgeMale: 60, maxAgeFemale: 50 };
    expect(testing.appErrorOf(() => register({ idNumber: '440524188001010014' }, limited))).toMatchObject({ code: 'ABOVE_SITE_AGE_LIMIT' });
  });
});

describe('bank cards and wage-card changes', () => {
  it('accepts 16–19 digits and only warns on a Luhn failure', () => {
    expect(parseBankCard('6222 0212 3456 7890 128')).toEqual({ cardNumber: '6222021234567890128', luhnValid: true });
    expect(parseBankCard('6222021234567890123')).toEqual({ cardNumber: '6222021234567890123', luhnValid: false });
    expect(parseBankCard('622202123456789')).toBeNull();
  });

  const worker = { id: '00000000-0000-4000-8000-000000000001', name: '张三', wageCardVersion: 2 };
  const request = { bankCode: 'ICBC', cardNumber: '6222021234567890128' };

  it('lets the worker change their own card and versions the change', () => {
    const { change, events } = changeWageCard(worker, request, { kind: 'SELF', subject: worker.id }, at);
    expect(change).toMatchObject({ version: 3, actorKind: 'SELF', serviceCentreId: null, luhnValid: true });
    expect(events[0]!.envelope.data).toMatchObject({ workerId: worker.id, cardNumber: request.cardNumber, version: 3 });
  });

  it('refuses another person, and an agent who has not confirmed the worker is present', () => {
    expect(testing.appErrorOf(() => changeWageCard(worker, request, { kind: 'SELF', subject: 'someone-else' }, at))).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      testing.appErrorOf(() => changeWageCard(worker, request, { kind: 'AGENT', subject: 'agent', serviceCentreId: 'c1', workerPresent: false }, at)),
    ).toMatchObject({ code: 'WORKER_NOT_PRESENT' });
    expect(changeWageCard(worker, request, { kind: 'AGENT', subject: 'agent', serviceCentreId: 'c1', workerPresent: true }, at).change).toMatchObject({
      actorKind: 'AGENT',
      serviceCentreId: 'c1',
    });
  });

  it('refuses a malformed card number or bank code', () => {
    expect(testing.appErrorOf(() => changeWageCard(worker, { ...request, cardNumber: '1234' }, { kind: 'SELF', subject: worker.id }, at))).toMatchObject({
      code: 'INVALID_BANK_CARD',
    });
    expect(testing.appErrorOf(() => changeWageCard(worker, { ...request, bankCode: 'icbc bank' }, { kind: 'SELF', subject: worker.id }, at))).toMatchObject({
      code: 'INVALID_BANK_CODE',
    });
  });

  it('refuses a card at a bank not connected to the system: its wages could not be paid', () => {
    expect(testing.appErrorOf(() => changeWageCard(worker, { ...request, bankCode: 'HSBC' }, { kind: 'SELF', subject: worker.id }, at))).toMatchObject({
      code: 'BANK_NOT_CONNECTED',
      field: 'bankCode',
    });
  });
});

describe('a name shown at enrolment', () => {
  it('matches the registered one as a gate reads it: spacing, width, case and the middle dot aside; another name never', () => {
    expect(sameName('张三', ' 张 三 ')).toBe(true);
    expect(sameName('阿卜杜·艾力', '阿卜杜•艾力')).toBe(true);
    expect(sameName('阿卜杜·艾力', '阿卜杜･艾力')).toBe(true);
    expect(sameName('John Smith', 'ＪＯＨＮ smith')).toBe(true);
    expect(sameName('张三', '张叁')).toBe(false);
    expect(sameName('张三', '张三丰')).toBe(false);
  });
});

describe('calendar', () => {
  it('uses China days and whole years', () => {
    expect(chinaDay(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(ageOn('2000-02-29', '2016-02-28')).toBe(15);
    expect(ageOn('2000-02-29', '2016-02-29')).toBe(16);
    expect(periodBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });
});
