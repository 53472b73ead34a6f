import * as testing from '@yikatong/platform/testing';
import { expiredQualificationBlock, recordQualification, reminderDue, unmetRequirements, type Qualification } from '../../src/domain/qualification';

const held = (category: string, grade: Qualification['grade'], validUntil: string, remindedFor: string | null = null): Qualification => ({
  id: `q-${category}-${grade}`,
  uscc: '91350100M000100Y43',
  category,
  grade,
  certificateNumber: 'D213000001',
  issuedBy: '河北省住建厅',
  validUntil,
  remindedFor,
  recordedBy: 'x',
  recordedAt: new Date('2026-11-01T02:00:00Z'),
});
const today = '2026-11-25';
const now = new Date('2026-11-25T02:00:00Z');

describe('qualifications', () => {
  it('meet a requirement with the same category at the grade or above, while valid', () => {
    const requirement = { category: '建筑工程施工总承包', minGrade: 'SECOND' as const };
    expect(unmetRequirements([requirement], [held('建筑工程施工总承包', 'FIRST', '2027-01-01')], today)).toEqual([]);
    expect(unmetRequirements([requirement], [held('建筑工程施工总承包', 'THIRD', '2027-01-01')], today)).toEqual([requirement]);
    expect(unmetRequirements([requirement], [held('市政公用工程施工总承包', 'SPECIAL', '2027-01-01')], today)).toEqual([requirement]);
    expect(unmetRequirements([requirement], [held('建筑工程施工总承包', 'SPECIAL', '2026-11-24')], today)).toEqual([requirement]);
    expect(unmetRequirements([{ category: '施工劳务', minGrade: 'UNGRADED' }], [held('施工劳务', 'UNGRADED', today)], today)).toEqual([]);
  });

  it('reminds once per expiry date inside the window, not before, not after expiry', () => {
    const policy = { reminderDays: 60 };
    expect(reminderDue(held('A', 'FIRST', '2027-01-24'), today, policy)).toBe(true);
    expect(reminderDue(held('A', 'FIRST', '2027-01-25'), today, policy)).toBe(false);
    expect(reminderDue(held('A', 'FIRST', '2027-01-24', '2027-01-24'), today, policy)).toBe(false);
    expect(reminderDue(held('A', 'FIRST', '2026-11-24'), today, policy)).toBe(false);
  });

  it('blocks only when every qualification on record has expired, dated from the day after the last one', () => {
    expect(expiredQualificationBlock([], today)).toBeNull();
    expect(expiredQualificationBlock([held('A', 'FIRST', '2026-01-01'), held('B', 'FIRST', today)], today)).toBeNull();
    const block = expiredQualificationBlock([held('A', 'FIRST', '2026-01-01'), held('B', 'SECOND', '2026-06-30')], today);
    expect(block).toMatchObject({ rule: 'QUALIFICATION_EXPIRED', since: new Date('2026-06-30T16:00:00Z') });
    expect(block!.message).toContain('B D213000001 expired 2026-06-30');
  });

  it('records a valid certificate; a renewal keeps the id and gets a new reminder', () => {
    const request = {
      uscc: '91350100M000100Y43',
      category: ' 建筑工程施工总承包 ',
      grade: 'FIRST' as const,
      certificateNumber: 'D213000001',
      issuedBy: '河北省住建厅',
      validUntil: '2030-12-31',
    };
    const first = recordQualification(request, null, today, 'clerk', now);
    expect(first).toMatchObject({ category: '建筑工程施工总承包', remindedFor: null });
    const reminded = { ...first, remindedFor: first.validUntil };
    expect(recordQualification(request, reminded, today, 'clerk', now).remindedFor).toBe('2030-12-31');
    const renewed = recordQualification({ ...request, validUntil: '2035-12-31' }, reminded, today, 'clerk', now);
    expect(renewed).toMatchObject({ id: first.id, remindedFor: null, validUntil: '2035-12-31' });
    expect(testing.appErrorOf(() => recordQualification({ ...request, validUntil: '2026-11-24' }, null, today, 'c', now)).code).toBe('ALREADY_EXPIRED');
    expect(testing.appErrorOf(() => recordQualification({ ...request, certificateNumber: '12' }, null, today, 'c', now)).field).toBe('certificateNumber');
  });
});
