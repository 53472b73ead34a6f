import { buyPolicy, coverageOn } from '../../src/domain/injury-insurance';

const project = { projectId: '00000000-0000-4000-8000-000000000002', stage: 'PERMITTED' };
const request = {
  insurer: '中国人寿财产保险邢台分公司',
  policyNumber: 'GS-2026-0001',
  premiumFen: 3_600_000n,
  rateBp: 50,
  coverFrom: '2026-11-01',
  coverUntil: null,
};
const at = new Date('2026-11-01T02:00:00Z');

describe('work-injury insurance', () => {
  it('is bought in one sum for a live project, announced, and never overlaps another policy', () => {
    const { policy, events } = buyPolicy(project, [], request, 'gc-admin', at);
    expect(events[0]!.envelope.data).toMatchObject({ projectId: project.projectId, policyNumber: 'GS-2026-0001', coverFrom: '2026-11-01', coverUntil: null });
    expect(() => buyPolicy(project, [policy], { ...request, policyNumber: 'GS-2026-0002', coverFrom: '2027-06-01' }, 'gc', at)).toThrow(
      expect.objectContaining({ code: 'POLICY_OVERLAPS' }),
    );
    const limited = { ...policy, coverUntil: '2027-05-31' };
    expect(buyPolicy(project, [limited], { ...request, policyNumber: 'GS-2026-0002', coverFrom: '2027-06-01' }, 'gc', at).policy.coverFrom).toBe('2027-06-01');
    expect(() => buyPolicy({ ...project, stage: 'COMPLETED' }, [], request, 'gc', at)).toThrow(expect.objectContaining({ code: 'PROJECT_FINISHED' }));
    expect(() => buyPolicy(project, [], { ...request, premiumFen: 0n }, 'gc', at)).toThrow(
      expect.objectContaining({ code: 'INVALID_PREMIUM', field: 'premium' }),
    );
    expect(() => buyPolicy(project, [], { ...request, coverUntil: '2026-10-01' }, 'gc', at)).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });

  it('covers every enrolled worker from day one, project by project; gaps show as no policy', () => {
    const { policy } = buyPolicy(project, [], { ...request, coverUntil: '2027-10-31' }, 'gc', at);
    const other = '00000000-0000-4000-8000-000000000003';
    const enrolments = [
      { projectId: project.projectId, startDate: '2026-11-20', endDate: null },
      { projectId: other, startDate: '2026-11-01', endDate: '2026-12-31' },
    ];
    expect(coverageOn(enrolments, [policy], '2026-11-20')).toEqual([
      { projectId: project.projectId, policy },
      { projectId: other, policy: null },
    ]);
    expect(coverageOn(enrolments, [policy], '2026-11-19')).toEqual([{ projectId: other, policy: null }]);
    expect(coverageOn(enrolments, [policy], '2027-11-01')).toEqual([{ projectId: project.projectId, policy: null }]);
  });
});
