import * as testing from '@yikatong/platform/testing';
import { requestStep, reviewingDepartmentOf, reviewStep, stepRefusals, type LifecycleFacts, type SafeguardKind } from '../../src/domain/lifecycle';
import type { Project, ProjectStage } from '../../src/domain/project';

const project = (stage: ProjectStage): Project => ({
  id: '0b6f0c52-2a43-4a39-9d27-7d1c53b1d0a1',
  name: '邢台学院新校区',
  regionCode: '130502',
  client: '邢台学院',
  generalContractorUscc: '91350100M000100Y43',
  contractValueFen: 12_000_000_000n,
  labourCostShareBp: 2500,
  startDate: '2026-12-01',
  plannedEndDate: null,
  stage,
  registeredBy: 'x',
  registeredAt: new Date('2026-11-01'),
});
const facts = (safeguards: SafeguardKind[] = [], extra: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  safeguards: new Set(safeguards),
  openTenders: 0,
  openWarnings: 0,
  ...extra,
});
const at = new Date('2026-12-01T02:00:00Z');
const housing = (subject: string) => ({ subject, department: 'HOUSING_CONSTRUCTION' as const });
const hrss = (subject: string) => ({ subject, department: 'HRSS' as const });

describe('project lifecycle steps', () => {
  it('moves only to the next stage of the closed loop', () => {
    expect(stepRefusals(project('BIDDING'), 'PERMITTED', {}, facts())).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect(stepRefusals(project('CLOSED'), 'BIDDING', {}, facts())[0]!.message).toMatch(/closed/);
    expect(stepRefusals(project('BIDDING'), 'AWARDED', { noticeNumber: '冀招2026-001' }, facts())).toEqual([]);
  });

  it('needs the step data: award notice, permit number, start day, acceptance day', () => {
    expect(stepRefusals(project('BIDDING'), 'AWARDED', {}, facts())).toEqual([
      expect.objectContaining({ code: 'DETAIL_MISSING', field: 'details.noticeNumber' }),
    ]);
    expect(stepRefusals(project('PERMITTED'), 'CONSTRUCTION', {}, facts())[0]!.field).toBe('details.startedOn');
    expect(stepRefusals(project('CONSTRUCTION'), 'COMPLETED', { acceptedOn: '  ' }, facts())[0]!.field).toBe('details.acceptedOn');
  });

  it('names everything the permit is missing: wage account, deposit, injury insurance', () => {
    const codes = (kinds: SafeguardKind[]) =>
      stepRefusals(project('AWARDED'), 'PERMITTED', { permitNumber: '130502202612010101' }, facts(kinds)).map((refusal) => refusal.code);
    expect(codes([])).toEqual(['WAGE_ACCOUNT_NOT_OPENED', 'DEPOSIT_NOT_PLACED', 'INJURY_INSURANCE_NOT_BOUGHT']);
    expect(codes(['WAGE_ACCOUNT', 'INJURY_INSURANCE'])).toEqual(['DEPOSIT_NOT_PLACED']);
    expect(codes(['WAGE_ACCOUNT', 'DEPOSIT', 'INJURY_INSURANCE'])).toEqual([]);
  });

  it('awards only when no tender is open, and closes only without open arrears warnings', () => {
    expect(stepRefusals(project('BIDDING'), 'AWARDED', { noticeNumber: 'N1' }, facts([], { openTenders: 1 }))[0]!.code).toBe('TENDER_STILL_OPEN');
    expect(stepRefusals(project('COMPLETED'), 'CLOSED', {}, facts([], { openWarnings: 2 }))[0]!.code).toBe('ARREARS_WARNING_OPEN');
    expect(stepRefusals(project('COMPLETED'), 'CLOSED', {}, facts())).toEqual([]);
  });

  it('refuses with every reason at once: the first is the code, all are listed', () => {
    const error = testing.appErrorOf(() => requestStep(project('AWARDED'), null, 'PERMITTED', {}, facts(), 'gc-admin', at));
    expect(error.code).toBe('DETAIL_MISSING');
    expect(error.reasons).toEqual(['DETAIL_MISSING', 'WAGE_ACCOUNT_NOT_OPENED', 'DEPOSIT_NOT_PLACED', 'INJURY_INSURANCE_NOT_BOUGHT']);
    expect(error.message).toMatch(/wage account.*deposit.*insurance/s);
  });

  it('keeps one step under review at a time', () => {
    const pending = requestStep(project('BIDDING'), null, 'AWARDED', { noticeNumber: 'N1' }, facts(), 'gc-admin', at);
    expect(pending).toMatchObject({ status: 'PENDING', fromStage: 'BIDDING', toStage: 'AWARDED', requestedBy: 'gc-admin' });
    expect(testing.appErrorOf(() => requestStep(project('BIDDING'), pending, 'AWARDED', { noticeNumber: 'N2' }, facts(), 'gc-admin', at)).code).toBe(
      'STEP_PENDING',
    );
  });

  it('is reviewed by someone else; an approval moves the project and publishes the stage change', () => {
    const step = requestStep(project('BIDDING'), null, 'AWARDED', { noticeNumber: 'N1' }, facts(), 'gc-admin', at);
    expect(testing.appErrorOf(() => reviewStep(step, project('BIDDING'), { approve: true, comment: null }, facts(), housing('gc-admin'), at)).code).toBe(
      'SAME_PERSON_REVIEW',
    );
    const result = reviewStep(step, project('BIDDING'), { approve: true, comment: null }, facts(), housing('bureau-1'), at);
    expect(result.step).toMatchObject({ status: 'APPROVED', reviewedBy: 'bureau-1', reviewedAt: at });
    expect(result.project.stage).toBe('AWARDED');
    expect(result.events[0]!.envelope).toMatchObject({
      type: 'cn.yikatong.enterprise.project.stage-changed.v1',
      data: { from: 'BIDDING', to: 'AWARDED', approvedBy: 'bureau-1' },
    });
    expect(testing.appErrorOf(() => reviewStep(result.step, result.project, { approve: true, comment: null }, facts(), housing('bureau-2'), at)).code).toBe(
      'STEP_ALREADY_REVIEWED',
    );
  });

  it('is decided by the department that owns the step: housing-construction up to completion, HRSS closes the loop', () => {
    const award = requestStep(project('BIDDING'), null, 'AWARDED', { noticeNumber: 'N1' }, facts(), 'gc-admin', at);
    const wrong = testing.appErrorOf(() => reviewStep(award, project('BIDDING'), { approve: true, comment: null }, facts(), hrss('rsj-1'), at));
    expect(wrong.code).toBe('WRONG_DEPARTMENT');
    expect(wrong.message).toContain('housing-construction bureau');
    expect(
      testing.appErrorOf(() => reviewStep(award, project('BIDDING'), { approve: true, comment: null }, facts(), { subject: 'someone' }, at)).message,
    ).toContain('names no department');
    const close = requestStep(project('COMPLETED'), null, 'CLOSED', {}, facts(), 'gc-admin', at);
    expect(testing.appErrorOf(() => reviewStep(close, project('COMPLETED'), { approve: true, comment: null }, facts(), housing('zjj-1'), at)).code).toBe(
      'WRONG_DEPARTMENT',
    );
    expect(reviewStep(close, project('COMPLETED'), { approve: true, comment: null }, facts(), hrss('rsj-1'), at).project.stage).toBe('CLOSED');
    expect(reviewingDepartmentOf(award)).toBe('HOUSING_CONSTRUCTION');
  });

  it('re-checks the preconditions on approval; a rejection needs a comment and changes no stage', () => {
    const step = requestStep(project('COMPLETED'), null, 'CLOSED', {}, facts(), 'gc-admin', at);
    expect(
      testing.appErrorOf(() => reviewStep(step, project('COMPLETED'), { approve: true, comment: null }, facts([], { openWarnings: 1 }), hrss('bureau-1'), at))
        .code,
    ).toBe('ARREARS_WARNING_OPEN');
    expect(testing.appErrorOf(() => reviewStep(step, project('COMPLETED'), { approve: false, comment: ' ' }, facts(), hrss('bureau-1'), at)).code).toBe(
      'COMMENT_REQUIRED',
    );
    const rejected = reviewStep(step, project('COMPLETED'), { approve: false, comment: '竣工验收报告缺失' }, facts(), hrss('bureau-1'), at);
    expect(rejected).toMatchObject({ step: { status: 'REJECTED', reviewComment: '竣工验收报告缺失' }, project: { stage: 'COMPLETED' }, events: [] });
  });
});
