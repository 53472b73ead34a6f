// Enterprise's part of the demo city: the projects, each walked through its lifecycle steps by the
// enterprise domain's own rules (request by the contractor, review by the owning department) on the
// days the plan gives, and its labour-wage officer; saved in one transaction with the events
// identity, payroll and welfare learn the projects from.
import { appendToOutbox, dateOfDay, type OutgoingEvent } from '@yikatong/platform';
import type { EnterpriseDb } from '../../services/enterprise/src/db';
import type { Enterprise } from '../../services/enterprise/src/domain/enterprise';
import { appointLabourWageOfficer } from '../../services/enterprise/src/domain/labour-wage-officer';
import { REVIEWING_DEPARTMENT, requestStep, reviewStep, type ProjectStep, type SafeguardKind } from '../../services/enterprise/src/domain/lifecycle';
import { registerProject, type Project } from '../../services/enterprise/src/domain/project';
import { atChinaHour, type CityPlan, type PlannedProject, type Stage } from './plan';

const STEPS: ReadonlyArray<Exclude<Stage, 'BIDDING'>> = ['AWARDED', 'PERMITTED', 'CONSTRUCTION', 'COMPLETED', 'CLOSED'];
/** Every safeguard in place: the plan's payroll and welfare parts open, place and buy them before the permit. */
const ALL_SAFEGUARDS: ReadonlySet<SafeguardKind> = new Set(['WAGE_ACCOUNT', 'DEPOSIT', 'INJURY_INSURANCE']);

function detailsFor(to: Exclude<Stage, 'BIDDING'>, planned: PlannedProject, day: string) {
  switch (to) {
    case 'AWARDED':
      return { noticeNumber: `冀邢招${day.slice(0, 4)}-${planned.key}` };
    case 'PERMITTED':
      return { permitNumber: `${planned.regionCode}${day.replaceAll('-', '')}0101` };
    case 'CONSTRUCTION':
      return { startedOn: day };
    case 'COMPLETED':
      return { acceptedOn: day };
    case 'CLOSED':
      return { note: '工资已结清，专户已销户' };
  }
}

/** One project through the domain: registered, every step it reached requested and approved, its officer appointed. */
function walk(planned: PlannedProject, contractor: Enterprise) {
  const registered = registerProject(
    {
      name: planned.name,
      regionCode: planned.regionCode,
      client: planned.client,
      generalContractorUscc: contractor.uscc,
      contractValueFen: planned.contractValueFen,
      labourCostSharePercent: planned.labourCostSharePercent,
      startDate: planned.reached.CONSTRUCTION ?? planned.registeredOn,
      plannedEndDate: null,
    },
    contractor,
    'demo-city',
    atChinaHour(planned.registeredOn, 10),
  );
  const officer = appointLabourWageOfficer(registered.project, planned.officer, `${contractor.uscc}-admin`, atChinaHour(planned.registeredOn, 11));
  let project: Project = registered.project;
  const events: OutgoingEvent[] = [...registered.events];
  const steps: ProjectStep[] = [];
  for (const to of STEPS) {
    const day = planned.reached[to];
    if (!day) break;
    const facts = { safeguards: ALL_SAFEGUARDS, openTenders: 0, openWarnings: 0 };
    const requested = requestStep(project, null, to, detailsFor(to, planned, day), facts, `${contractor.uscc}-admin`, atChinaHour(day, 9));
    const reviewed = reviewStep(
      requested,
      project,
      { approve: true, comment: null },
      facts,
      { subject: 'xingtai-zjj-reviewer', department: REVIEWING_DEPARTMENT[to] },
      atChinaHour(day, 15),
    );
    project = reviewed.project;
    steps.push(reviewed.step);
    events.push(...reviewed.events);
  }
  return { project, steps, events, officer };
}

/** Writes the plan's projects; returns each plan key's project id. Skipped (returns the ids found) when they are there already. */
export async function writeProjects(db: EnterpriseDb, plan: CityPlan, contractors: readonly Enterprise[]): Promise<Map<string, string>> {
  const walked = plan.projects.map((planned) => ({ planned, ...walk(planned, contractors[planned.contractor]!) }));
  const existing = await db.project.findMany({ where: { name: { in: walked.map(({ project }) => project.name) } }, select: { id: true, name: true } });
  if (existing.length > 0) {
    const idByName = new Map(existing.map((row) => [row.name, row.id]));
    return new Map(walked.flatMap(({ planned }) => (idByName.has(planned.name) ? [[planned.key, idByName.get(planned.name)!]] : [])));
  }
  await db.$transaction(
    async (tx) => {
      await tx.project.createMany({
        data: walked.map(({ project }) => ({
          ...project,
          startDate: dateOfDay(project.startDate),
          plannedEndDate: project.plannedEndDate ? dateOfDay(project.plannedEndDate) : null,
        })),
      });
      await tx.projectStep.createMany({ data: walked.flatMap(({ steps }) => steps.map((step) => ({ ...step, details: { ...step.details } }))) });
      await tx.labourWageOfficerAppointment.createMany({ data: walked.map(({ officer }) => officer) });
      await appendToOutbox(
        tx,
        walked.flatMap(({ events }) => events),
      );
    },
    { timeout: 120_000 },
  );
  return new Map(walked.map(({ planned, project }) => [planned.key, project.id]));
}
