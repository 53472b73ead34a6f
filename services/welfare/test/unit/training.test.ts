import { complete, DEFAULT_SAFETY_HOURS, defineProgramme, recordHours, type TrainingEnrolment } from '../../src/domain/training';

const safety = {
  providerId: 'p',
  name: '项目级安全教育',
  kind: 'SAFETY' as const,
  safetyLevel: 'PROJECT' as const,
  tradeCode: null,
  skillLevel: null,
  requiredHours: 15,
};
const skill = { providerId: 'p', name: '钢筋工中级', kind: 'SKILL' as const, safetyLevel: null, tradeCode: 'REBAR', skillLevel: 3, requiredHours: 40 };
const enrolment: TrainingEnrolment = {
  id: '00000000-0000-4000-8000-000000000009',
  sessionId: 's',
  workerId: '00000000-0000-4000-8000-000000000001',
  hours: 0,
  status: 'ENROLLED',
  certificateNumber: null,
  completedAt: null,
};
const at = new Date('2026-11-25T08:00:00Z');

describe('training', () => {
  it("safety programmes have at least the level's hours for new workers; skill programmes a trade and a level", () => {
    expect(defineProgramme(safety, DEFAULT_SAFETY_HOURS).requiredHours).toBe(15);
    expect(() => defineProgramme({ ...safety, safetyLevel: 'TEAM' }, DEFAULT_SAFETY_HOURS)).toThrow(expect.objectContaining({ code: 'TOO_FEW_HOURS' }));
    expect(() => defineProgramme({ ...safety, safetyLevel: null }, DEFAULT_SAFETY_HOURS)).toThrow(expect.objectContaining({ code: 'SAFETY_LEVEL_REQUIRED' }));
    expect(() => defineProgramme({ ...skill, tradeCode: null }, DEFAULT_SAFETY_HOURS)).toThrow(expect.objectContaining({ code: 'TRADE_REQUIRED' }));
    expect(() => defineProgramme({ ...skill, skillLevel: 6 }, DEFAULT_SAFETY_HOURS)).toThrow(expect.objectContaining({ code: 'INVALID_SKILL_LEVEL' }));
  });

  it('completes with the hours, announcing it; a skill certificate is issued', () => {
    const programme = { ...defineProgramme(skill, DEFAULT_SAFETY_HOURS) };
    expect(() => recordHours(enrolment, 9)).toThrow(expect.objectContaining({ code: 'INVALID_HOURS' }));
    const partial = recordHours(enrolment, 8);
    expect(() => complete(partial, programme, () => 'ZS1', at)).toThrow(expect.objectContaining({ code: 'HOURS_MISSING' }));
    const done = complete({ ...partial, hours: 40 }, programme, () => 'ABCDEF0123', at);
    expect(done.enrolment).toMatchObject({ status: 'COMPLETED', certificateNumber: 'ZS2026ABCDEF0123' });
    expect(done.events[0]!.envelope.data).toMatchObject({ kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 3, hours: 40, certificateNumber: 'ZS2026ABCDEF0123' });
    expect(() => recordHours(done.enrolment, 1)).toThrow(expect.objectContaining({ code: 'TRAINING_COMPLETED' }));
    expect(complete({ ...enrolment, hours: 15 }, defineProgramme(safety, DEFAULT_SAFETY_HOURS), () => 'x', at).enrolment.certificateNumber).toBeNull();
  });

  it('numbers a certificate with the year of issue in China: from 16:00 UTC on 31 December it is the next year', () => {
    const programme = defineProgramme(skill, DEFAULT_SAFETY_HOURS);
    const issued = (instant: string) => complete({ ...enrolment, hours: 40 }, programme, () => 'ABCDEF0123', new Date(instant)).enrolment.certificateNumber;
    expect(issued('2026-12-31T15:59:00Z')).toBe('ZS2026ABCDEF0123');
    expect(issued('2026-12-31T17:00:00Z')).toBe('ZS2027ABCDEF0123');
  });
});
