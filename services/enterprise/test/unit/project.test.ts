import * as testing from '@yikatong/platform/testing';
import { addParticipant, registerProject, type Participant, type ProjectRequest } from '../../src/domain/project';
import { appointLabourWageOfficer } from '../../src/domain/labour-wage-officer';
import type { Enterprise } from '../../src/domain/enterprise';

const enterprise = (uscc: string, type: Enterprise['type']): Enterprise => ({
  uscc,
  name: `企业${uscc.slice(-3)}`,
  type,
  regionCode: '130502',
  legalRepresentative: '张三',
  registeredAt: new Date('2020-05-01T02:00:00Z'),
  registeredBy: 'x',
});
const GC = enterprise('91350100M000100Y43', 'GENERAL_CONTRACTOR');
const SUB = enterprise('91110000600037341L', 'SUBCONTRACTOR');
const LABOUR = enterprise('91130500MA0000001X', 'LABOUR_SERVICE');
const request: ProjectRequest = {
  name: '邢台学院新校区',
  regionCode: '130502',
  client: '邢台学院',
  generalContractorUscc: GC.uscc,
  contractValueFen: 12_000_000_000n,
  labourCostSharePercent: 25,
  startDate: '2026-12-01',
  plannedEndDate: '2028-06-30',
};
const at = new Date('2026-11-25T02:00:00Z');

describe('registering a project', () => {
  it('starts in BIDDING with the share in basis points and a project-registered event', () => {
    const { project, events } = registerProject(request, GC, 'gc-admin', at);
    expect(project).toMatchObject({ stage: 'BIDDING', labourCostShareBp: 2500, generalContractorUscc: GC.uscc });
    expect(events[0]!.envelope).toMatchObject({ type: 'cn.yikatong.enterprise.project.registered.v1', subject: project.id });
  });

  it.each<[Partial<ProjectRequest>, Enterprise | null, string]>([
    [{}, null, 'ENTERPRISE_NOT_FOUND'],
    [{}, SUB, 'NOT_A_GENERAL_CONTRACTOR'],
    [{ contractValueFen: 0n }, GC, 'INVALID_CONTRACT_VALUE'],
    [{ labourCostSharePercent: 120 }, GC, 'INVALID_LABOUR_COST_SHARE'],
    [{ plannedEndDate: '2026-01-01' }, GC, 'END_BEFORE_START'],
    [{ regionCode: '1305' }, GC, 'INVALID_REGION_CODE'],
  ])('refuses case %#', (overrides, contractor, code) => {
    expect(testing.appErrorOf(() => registerProject({ ...request, ...overrides }, contractor, 'x', at))).toMatchObject({ code });
  });
});

describe('the subcontracting chain', () => {
  const { project } = registerProject(request, GC, 'gc-admin', at);
  const sub: Participant = { projectId: project.id, uscc: SUB.uscc, role: 'SUBCONTRACTOR', parentUscc: GC.uscc, addedBy: 'x', addedAt: at };

  it('adds a subcontractor under the general contractor and a labour subcontractor under it', () => {
    expect(addParticipant(project, [], SUB, { role: 'SUBCONTRACTOR', parentUscc: GC.uscc }, 'x', at).participant.uscc).toBe(SUB.uscc);
    const { participant, events } = addParticipant(project, [sub], LABOUR, { role: 'LABOUR_SUBCONTRACTOR', parentUscc: SUB.uscc }, 'x', at);
    expect(participant).toMatchObject({ parentUscc: SUB.uscc, role: 'LABOUR_SUBCONTRACTOR' });
    expect(events[0]!.envelope.type).toBe('cn.yikatong.enterprise.project.participant-added.v1');
  });

  it.each<[Participant[], Enterprise | null, { role: 'SUBCONTRACTOR' | 'LABOUR_SUBCONTRACTOR'; parentUscc: string }, string]>([
    [[sub], SUB, { role: 'SUBCONTRACTOR', parentUscc: GC.uscc }, 'ALREADY_ON_PROJECT'],
    [[], LABOUR, { role: 'LABOUR_SUBCONTRACTOR', parentUscc: SUB.uscc }, 'PARENT_NOT_ON_PROJECT'],
    [[], SUB, { role: 'LABOUR_SUBCONTRACTOR', parentUscc: GC.uscc }, 'WRONG_ENTERPRISE_TYPE'],
    [[], GC, { role: 'SUBCONTRACTOR', parentUscc: GC.uscc }, 'ALREADY_ON_PROJECT'],
    [[], null, { role: 'SUBCONTRACTOR', parentUscc: GC.uscc }, 'ENTERPRISE_NOT_FOUND'],
  ])('refuses case %#', (participants, subcontractor, link, code) => {
    expect(testing.appErrorOf(() => addParticipant(project, participants, subcontractor, link, 'x', at))).toMatchObject({ code });
  });

  it('refuses new links on a finished project', () => {
    expect(
      testing.appErrorOf(() => addParticipant({ ...project, stage: 'CLOSED' }, [], SUB, { role: 'SUBCONTRACTOR', parentUscc: GC.uscc }, 'x', at)),
    ).toMatchObject({ code: 'PROJECT_FINISHED' });
  });
});

describe("appointing a project's labour-wage officer", () => {
  const { project } = registerProject(request, GC, 'gc-admin', at);

  it('keeps the name as on the ID card and the phone without spaces', () => {
    expect(appointLabourWageOfficer(project, { name: ' 孙丽 ', phone: '139 0319 0001' }, 'gc-admin', at)).toMatchObject({
      projectId: project.id,
      name: '孙丽',
      phone: '13903190001',
      appointedBy: 'gc-admin',
      appointedAt: at,
    });
    expect(appointLabourWageOfficer(project, { name: '周建华', phone: '0319-2345678' }, 'gc-admin', at).phone).toBe('0319-2345678');
  });

  it.each([
    [{ name: '孙', phone: '13903190001' }, 'INVALID_NAME'],
    [{ name: '孙丽1', phone: '13903190001' }, 'INVALID_NAME'],
    [{ name: '孙丽', phone: '2345678' }, 'INVALID_PHONE'],
    [{ name: '孙丽', phone: '1390319000' }, 'INVALID_PHONE'],
  ])('refuses %j with %s', (officer, code) => {
    expect(testing.appErrorOf(() => appointLabourWageOfficer(project, officer, 'gc-admin', at))).toMatchObject({ code });
  });

  it('refuses a closed project', () => {
    expect(
      testing.appErrorOf(() => appointLabourWageOfficer({ ...project, stage: 'CLOSED' }, { name: '孙丽', phone: '13903190001' }, 'gc-admin', at)),
    ).toMatchObject({
      code: 'PROJECT_CLOSED',
    });
  });
});
