import { randomUUID } from 'node:crypto';
import { arrearsWarningRaisedV1 } from '@yikatong/contracts';
import { principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness, GC } from '../support/harness';

const harness = createWelfareHarness();
const db = harness.db;
const workerId = randomUUID();
const worker = principalFromClaims({ sub: workerId, kind: 'WORKER' });
const handler = (dept: 'LABOUR_INSPECTION' | 'HOUSING_CONSTRUCTION', regions = ['130500']) =>
  principalFromClaims({ sub: `${dept.toLowerCase()}-1`, kind: 'PORTAL', dept, regions, scope: SCOPES.complaintHandle });
const agent = principalFromClaims({ sub: 'centre-agent', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], centre: 'xindu', scope: SCOPES.agentActForWorker });
const FILE = `mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id stage channel handlerDept dueOn workerId } }`;
const ADVANCE = `mutation ($id: ID!, $to: String!, $note: String, $owed: Money) { advanceComplaint(complaintId: $id, to: $to, note: $note, amountOwed: $owed) { stage result } }`;
const intake = (projectId: string) => ({
  category: 'WAGE_ARREARS',
  employerUscc: GC,
  projectId,
  periodFrom: '2026-09',
  periodTo: '2026-10',
  amountClaimed: '1200000',
  workersAffected: 3,
  description: '九月十月工资未发',
});

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe('complaints', () => {
  it('are filed by the worker, a service centre for a worker, or the hotline; others are refused, nothing written', async () => {
    const projectId = await harness.project();
    expect(code(await harness.execute(FILE, { input: intake(projectId) }, principalFromClaims({ sub: 'e', kind: 'ENTERPRISE', uscc: GC })))).toBe('FORBIDDEN');
    expect(code(await harness.execute(FILE, { input: { ...intake(projectId), workerId: randomUUID() } }, worker))).toBe('FORBIDDEN');
    expect(code(await harness.execute(FILE, { input: intake(projectId) }, agent))).toBe('WORKER_REQUIRED');
    expect((await harness.execute(FILE, { input: { ...intake(projectId), description: '' } }, worker)).errors?.[0]?.extensions).toMatchObject({
      code: 'DESCRIPTION_REQUIRED',
      field: 'description',
    });
    expect(await db.complaint.count()).toBe(0);
    const self = await harness.execute(FILE, { input: intake(projectId) }, worker);
    expect(self.data!.fileComplaint).toMatchObject({ stage: 'NEW', channel: 'SELF', handlerDept: 'LABOUR_INSPECTION', workerId });
    expect((await harness.execute(FILE, { input: { ...intake(projectId), workerId } }, agent)).data!.fileComplaint.channel).toBe('SERVICE_CENTRE');
    expect((await harness.execute(FILE, { input: { ...intake(projectId), workerId } }, handler('LABOUR_INSPECTION'))).data!.fileComplaint.channel).toBe(
      'HOTLINE',
    );
  });

  it('are forwarded, investigated and verified by the holding department; the verified wage complaint is published; the worker sees the result', async () => {
    const projectId = await harness.project();
    const filed = (await harness.execute(FILE, { input: { ...intake(projectId), handlerDepartment: 'HOUSING_CONSTRUCTION' } }, worker)).data!.fileComplaint;
    expect(code(await harness.execute(ADVANCE, { id: filed.id, to: 'ACCEPTED' }, handler('LABOUR_INSPECTION')))).toBe('FORBIDDEN');
    expect(code(await harness.execute(ADVANCE, { id: filed.id, to: 'ACCEPTED' }, handler('HOUSING_CONSTRUCTION', ['440300'])))).toBe('FORBIDDEN');
    const forwarded = await harness.execute(
      `mutation ($id: ID!) { forwardComplaint(complaintId: $id, toDepartment: "LABOUR_INSPECTION", reason: "属劳动监察职责") { handlerDept } }`,
      { id: filed.id },
      handler('HOUSING_CONSTRUCTION'),
    );
    expect(forwarded.data!.forwardComplaint.handlerDept).toBe('LABOUR_INSPECTION');
    const inspector = handler('LABOUR_INSPECTION');
    await harness.execute(ADVANCE, { id: filed.id, to: 'ACCEPTED' }, inspector);
    await harness.execute(ADVANCE, { id: filed.id, to: 'INVESTIGATING' }, inspector);
    expect(code(await harness.execute(ADVANCE, { id: filed.id, to: 'VERIFIED', note: '经查属实' }, inspector))).toBe('AMOUNT_OWED_REQUIRED');
    expect(await db.outboxEvent.count({ where: { type: 'cn.yikatong.welfare.complaint.verified.v1' } })).toBe(0);
    const verified = await harness.execute(ADVANCE, { id: filed.id, to: 'VERIFIED', note: '经查属实，欠三名工人工资12000元', owed: '1200000' }, inspector);
    expect(verified.data!.advanceComplaint).toEqual({ stage: 'VERIFIED', result: '经查属实，欠三名工人工资12000元' });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: 'cn.yikatong.welfare.complaint.verified.v1' } });
    expect(event).toMatchObject({ topic: 'yikatong.welfare.complaints', key: GC });
    expect(event.payload).toMatchObject({ data: { complaintId: filed.id, projectId, amountOwedFen: '1200000', workersAffected: 3 } });

    const mine = await harness.execute(`{ myComplaints { nodes { id stage result steps { action actor } } } }`, {}, worker);
    const seen = mine.data!.myComplaints.nodes.find((c: { id: string }) => c.id === filed.id);
    expect(seen).toMatchObject({ stage: 'VERIFIED', result: '经查属实，欠三名工人工资12000元' });
    expect(seen.steps.map((s: { action: string }) => s.action)).toEqual(['FILED', 'FORWARDED', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED']);
    expect(
      (await harness.execute(`query ($id: ID!) { complaint(id: $id) { id } }`, { id: filed.id }, principalFromClaims({ sub: randomUUID(), kind: 'WORKER' })))
        .data!.complaint,
    ).toBeNull();
  });

  it('are escalated once past the deadline and counted for dashboards; an arrears warning opens one follow-up case', async () => {
    const projectId = await harness.project();
    const filed = (await harness.execute(FILE, { input: intake(projectId) }, worker)).data!.fileComplaint;
    const countdown = (await harness.execute(`query ($id: ID!) { complaint(id: $id) { workingDaysLeft nextStages } }`, { id: filed.id }, worker)).data!
      .complaint;
    expect(countdown).toEqual({ workingDaysLeft: harness.service.deps.sla.workingDays.WAGE_ARREARS, nextStages: ['ACCEPTED', 'REJECTED'] });
    // Noon in China on the day after the deadline.
    harness.clock.set(new Date(Date.parse(`${filed.dueOn}T12:00:00+08:00`) + 86_400_000));
    expect(await harness.service.sweeper.tick(harness.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await harness.service.sweeper.tick(harness.clock.now())).toBe(0);
    expect((await db.complaint.findUniqueOrThrow({ where: { id: filed.id } })).escalatedAt).toEqual(harness.clock.now());
    expect((await harness.execute(`query ($id: ID!) { complaint(id: $id) { overdue } }`, { id: filed.id }, worker)).data!.complaint).toEqual({ overdue: true });
    const late = (await harness.execute(`query ($id: ID!) { complaint(id: $id) { workingDaysLeft } }`, { id: filed.id }, worker)).data!.complaint;
    expect(late.workingDaysLeft).toBeLessThanOrEqual(-1);

    const warning = {
      warningId: randomUUID(),
      colour: 'RED' as const,
      projectId,
      uscc: GC,
      version: 1,
      ruleCode: 'WAGES_UNPAID_A_MONTH',
      message: '九月工资逾期未付',
      raisedAt: harness.clock.now().toISOString(),
    };
    await harness.deliver(arrearsWarningRaisedV1, projectId, warning);
    await harness.deliver(arrearsWarningRaisedV1, projectId, warning);
    const cases = await db.complaint.findMany({ where: { warningId: warning.warningId } });
    expect(cases).toEqual([expect.objectContaining({ channel: 'ARREARS_WARNING', handlerDept: 'LABOUR_INSPECTION', regionCode: '130502', workerId: null })]);

    // The dashboard's tally, kept with every change, agrees with counting the complaints themselves.
    const stats = await harness.execute(
      `{ complaintStatistics(regionCode: "130500") { byStage { category stage count overdue } } }`,
      {},
      principalFromClaims({ sub: 'dash', kind: 'ANALYTICS', regions: ['130500'] }),
    );
    const counted = await db.$queryRawUnsafe<Array<{ category: string; stage: string; count: number }>>(
      `SELECT category, stage, count(*)::int AS count FROM complaint WHERE region_code LIKE '1305%' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(
      stats.data!.complaintStatistics.byStage.map(({ category, stage, count }: { category: string; stage: string; count: number }) => ({
        category,
        stage,
        count,
      })),
    ).toEqual(counted);
    expect(stats.data!.complaintStatistics.byStage).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'WAGE_ARREARS', stage: 'NEW' })]));
    const list = await harness.execute(`{ complaints(regionCode: "130500", first: 100) { nodes { id } } }`, {}, handler('LABOUR_INSPECTION'));
    expect(list.data!.complaints.nodes.length).toBeGreaterThanOrEqual(2);
    expect((await harness.execute(`{ complaints(regionCode: "130500") { nodes { id } } }`, {}, agent)).data!.complaints.nodes).toEqual([]);
  });
});
