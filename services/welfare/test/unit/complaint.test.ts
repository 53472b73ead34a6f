import { advance, DEFAULT_SLA, escalateIfOverdue, fileComplaint, forward, markComplex, type Intake } from '../../src/domain/complaint';

const calendar = { holidays: new Set(['2026-12-31', '2027-01-01']), makeUpWorkdays: new Set<string>() };
const intake: Intake = {
  category: 'WAGE_ARREARS',
  channel: 'SELF',
  workerId: '00000000-0000-4000-8000-000000000001',
  employerUscc: '91350100M000100Y43',
  projectId: null,
  regionCode: '130502',
  periodFrom: '2026-09',
  periodTo: '2026-10',
  amountClaimedFen: 1_200_000n,
  workersAffected: 3,
  description: '九月十月工资未发',
  handlerDept: 'LABOUR_INSPECTION',
};
const at = new Date('2026-11-25T02:00:00Z');

describe('complaints', () => {
  it('are due 60 working days after intake, skipping weekends and holidays; +30 once when complex', () => {
    const { complaint } = fileComplaint(intake, 'worker', calendar, DEFAULT_SLA, at);
    expect(complaint).toMatchObject({ stage: 'NEW', dueOn: '2027-02-19' });
    const complex = markComplex(complaint, 'inspector', calendar, DEFAULT_SLA, at).complaint;
    expect(complex.dueOn).toBe('2027-04-02');
    expect(() => markComplex(complex, 'inspector', calendar, DEFAULT_SLA, at)).toThrow(expect.objectContaining({ code: 'ALREADY_COMPLEX' }));
    expect(() => fileComplaint({ ...intake, description: '' }, 'w', calendar, DEFAULT_SLA, at)).toThrow(
      expect.objectContaining({ code: 'DESCRIPTION_REQUIRED' }),
    );
  });

  it('move new → accepted → investigating → verified → resolved → closed, telling the result; a verified wage complaint is published', () => {
    let { complaint } = fileComplaint(intake, 'worker', calendar, DEFAULT_SLA, at);
    expect(() => advance(complaint, { to: 'VERIFIED', note: '属实' }, 'i', at)).toThrow(expect.objectContaining({ code: 'INVALID_STAGE_CHANGE' }));
    complaint = advance(complaint, { to: 'ACCEPTED', note: null }, 'i', at).complaint;
    complaint = advance(complaint, { to: 'INVESTIGATING', note: null }, 'i', at).complaint;
    expect(() => advance(complaint, { to: 'VERIFIED', note: '经查属实' }, 'i', at)).toThrow(expect.objectContaining({ code: 'AMOUNT_OWED_REQUIRED' }));
    expect(() => advance(complaint, { to: 'VERIFIED', note: '', amountOwedFen: 1n }, 'i', at)).toThrow(expect.objectContaining({ code: 'RESULT_REQUIRED' }));
    const verified = advance(complaint, { to: 'VERIFIED', note: '经查属实，欠薪12000元', amountOwedFen: 1_200_000n }, 'inspector', at);
    expect(verified.complaint).toMatchObject({ stage: 'VERIFIED', result: '经查属实，欠薪12000元', amountOwedFen: 1_200_000n });
    expect(verified.events[0]!.envelope.data).toMatchObject({
      uscc: intake.employerUscc,
      amountOwedFen: '1200000',
      workersAffected: 3,
      verifiedBy: 'inspector',
    });
    const resolved = advance(verified.complaint, { to: 'RESOLVED', note: '已足额支付' }, 'i', at).complaint;
    expect(advance(resolved, { to: 'CLOSED', note: null }, 'i', at).complaint.stage).toBe('CLOSED');
  });

  it('are forwarded with the chain kept, and escalated once when overdue', () => {
    const { complaint } = fileComplaint({ ...intake, handlerDept: 'HOUSING_CONSTRUCTION' }, 'centre-agent', calendar, DEFAULT_SLA, at);
    expect(() => forward(complaint, '劳动监察大队', '属劳动监察职责', 'zjj-clerk', at)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_DEPARTMENT', field: 'toDepartment' }),
    );
    const forwarded = forward(complaint, 'LABOUR_INSPECTION', '属劳动监察职责', 'zjj-clerk', at);
    expect(forwarded.complaint.handlerDept).toBe('LABOUR_INSPECTION');
    expect(forwarded.step.note).toBe('HOUSING_CONSTRUCTION → LABOUR_INSPECTION: 属劳动监察职责');
    expect(escalateIfOverdue(forwarded.complaint, new Date('2027-02-19T10:00:00Z'))).toBeNull();
    const late = escalateIfOverdue(forwarded.complaint, new Date('2027-02-20T10:00:00Z'));
    expect(late!.step.action).toBe('ESCALATED');
    expect(escalateIfOverdue(late!.complaint, new Date('2027-03-01T10:00:00Z'))).toBeNull();
  });
});
