import { payCycle } from '../../src/domain/pay-cycle';
import { computeLine, DEFAULT_PAY_POLICY, type VerifiedWorker } from '../../src/domain/pay-rules';
import { answerLine, approveSheet, prepareSheet, returnSheet, reviewSheet, type LineState } from '../../src/domain/wage-sheet';

const cycle = payCycle('2026-10', 'MONTH');
const facts = { projectId: 'p1', regionCode: '130502', generalContractorUscc: 'GC', employerUscc: 'SUB', cycle, dueOn: '2026-11-15' };
const verified = (workerId: string, problems: string[] = []): VerifiedWorker => ({
  workerId,
  enrolled: true,
  cardUsableForWages: true,
  days: 20,
  hours: 160,
  problems,
  employerUscc: 'SUB',
  rateKind: 'DAILY',
  rateFen: '30000',
  employmentKind: 'FULL_TIME',
  tradeCode: 'REBAR',
  enrolmentId: 'e',
  holderName: workerId,
  idNumber: 'x',
  phone: 'y',
  longestDayHours: 8,
  longestWeekHours: 40,
});
const line = (workerId: string, problems: string[] = []) =>
  computeLine(verified(workerId, problems), {
    cycle,
    minimumWage: null,
    guidelineP10Fen: null,
    additions: [],
    deductions: [],
    policy: DEFAULT_PAY_POLICY,
    otherHalf: null,
  });
const at = new Date('2026-11-03T02:00:00Z');

describe('wage sheet flow', () => {
  it('refuses a sheet with any blocking error, naming every worker and problem', () => {
    expect(() => prepareSheet(facts, [line('甲'), line('乙', ['NO_WAGE_CARD']), line('丙', ['NOT_ENROLLED'])], 'sub-clerk', at)).toThrow(
      expect.objectContaining({ code: 'NO_WAGE_CARD', reasons: ['NO_WAGE_CARD', 'NOT_ENROLLED'], message: expect.stringMatching(/乙.*丙/) }),
    );
    expect(() => prepareSheet(facts, [], 'sub-clerk', at)).toThrow(expect.objectContaining({ code: 'NO_PAYABLE_WORKERS' }));
  });

  it('totals the lines; reviews only when every worker confirmed; approval by another person', () => {
    const sheet = prepareSheet(facts, [line('甲'), line('乙')], 'sub-clerk', at);
    expect(sheet).toMatchObject({ status: 'PREPARED', lineCount: 2, totalGrossFen: 1_200_000n, totalNetFen: 1_200_000n });
    const lines: LineState[] = [
      { id: 'l1', workerId: '甲', confirmedAt: null, disputedAt: null },
      { id: 'l2', workerId: '乙', confirmedAt: null, disputedAt: null },
    ];
    const first = answerLine(sheet, lines[0]!, { confirm: true }, at);
    expect(() => answerLine(sheet, first, { confirm: true }, at)).toThrow(expect.objectContaining({ code: 'LINE_ALREADY_ANSWERED' }));
    expect(() => reviewSheet(sheet, [first, lines[1]!], 'officer', at)).toThrow(expect.objectContaining({ code: 'LINES_UNCONFIRMED' }));
    const disputed = answerLine(sheet, lines[1]!, { confirm: false, reason: '少算两天' }, at);
    expect(() => reviewSheet(sheet, [first, disputed], 'officer', at)).toThrow(expect.objectContaining({ code: 'LINES_DISPUTED' }));
    const reviewed = reviewSheet(sheet, [first, answerLine(sheet, lines[1]!, { confirm: true }, at)], 'officer', at);
    expect(() => approveSheet(reviewed, 'officer', at)).toThrow(expect.objectContaining({ code: 'SAME_PERSON_APPROVAL' }));
    expect(approveSheet(reviewed, 'gc-boss', at)).toMatchObject({ status: 'APPROVED', approvedBy: 'gc-boss' });
    expect(() => approveSheet(sheet, 'gc-boss', at)).toThrow(expect.objectContaining({ code: 'WAGE_SHEET_NOT_REVIEWED' }));
  });

  it('returns a sheet before approval with a reason; not after', () => {
    const sheet = prepareSheet(facts, [line('甲')], 'sub-clerk', at);
    expect(() => returnSheet(sheet, 'officer', '', at)).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(returnSheet(sheet, 'officer', '考勤不符', at)).toMatchObject({ status: 'RETURNED', returnReason: '考勤不符' });
    expect(() => returnSheet({ ...sheet, status: 'APPROVED' }, 'officer', '考勤不符', at)).toThrow(
      expect.objectContaining({ code: 'WAGE_SHEET_NOT_RETURNABLE' }),
    );
  });
});
