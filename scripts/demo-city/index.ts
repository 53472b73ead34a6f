// The demo's city (npm start): Xingtai's twelve counties with projects at every stage, thousands of
// workers on the construction sites, months of wages paid on time, late or not at all, the warnings
// those raised, and hotline complaints at every stage of handling — so every chart of the dashboard
// shows something true. The volume is decided by each service's own domain functions and written in
// bulk to each service's own database with the events its store would publish (the other services
// learn of it through their consumers, as in production); the seed waits for them at each phase.
// Each phase looks first for what it would write, so a start stopped half-way finishes the city on
// the next start.
import type { Clock } from '@yikatong/platform';
import type { createEnterpriseService } from '../../services/enterprise/src/service';
import type { createIdentityService } from '../../services/identity/src/service';
import type { createPayrollService } from '../../services/payroll/src/service';
import type { createWelfareService } from '../../services/welfare/src/service';
import { fileHotlineComplaints, type Ask } from './complaints';
import { planCity } from './plan';
import { writeProjects } from './projects';
import { runTraining } from './training';
import { writeInjuryPolicies, writeWageAccountsAndDeposits } from './safeguards';
import { writeWageHistory } from './wages';
import { closeMonths, writeWorkforce } from './workforce';

export interface CityServices {
  identity: ReturnType<typeof createIdentityService>;
  enterprise: ReturnType<typeof createEnterpriseService>;
  payroll: ReturnType<typeof createPayrollService>;
  welfare: ReturnType<typeof createWelfareService>;
}

const WAIT_LIMIT_MS = 180_000;

/** Waits until the other services' consumers have caught up with what a phase published. */
async function caughtUp(what: string, done: () => Promise<boolean>): Promise<void> {
  const started = performance.now();
  while (!(await done())) {
    if (performance.now() - started > WAIT_LIMIT_MS) throw new Error(`seeding the city: ${what} did not arrive within ${WAIT_LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs a phase and says how long it took (a fresh start shows where its time goes). */
async function phase<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`demo city: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** The city's clerks at the gateway: the 12333 hotline and HRSS's training manager. */
export interface CityClerks {
  hotline: Ask;
  trainer: Ask;
}

export async function seedCity(services: CityServices, clerks: CityClerks, clock: Clock, contractorUsccs: readonly string[]): Promise<void> {
  const { payroll } = services;
  // Payroll's own sweep waits: judged now, a half-written history would raise warnings that never were.
  // The history's sweeps run at their own instants instead.
  await payroll.sweeper.stop();
  try {
    await writeCity(services, clerks, clock, contractorUsccs);
  } finally {
    await payroll.sweeper.start();
  }
}

async function writeCity(services: CityServices, { hotline, trainer }: CityClerks, clock: Clock, contractorUsccs: readonly string[]): Promise<void> {
  const { identity, enterprise, payroll, welfare } = services;
  const plan = planCity(clock.now(), contractorUsccs.length, payroll.deps.warnings.dueDaysAfterCycle);
  const found = await enterprise.db.enterprise.findMany({ where: { uscc: { in: [...contractorUsccs] } } });
  const contractors = contractorUsccs.map((uscc) => found.find((row) => row.uscc === uscc)!);
  const projectIds = await phase(`${plan.projects.length} projects`, () => writeProjects(enterprise.db, plan, contractors));
  const placed = plan.projects.map((planned) => ({ planned, projectId: projectIds.get(planned.key)!, contractorUscc: contractors[planned.contractor]!.uscc }));
  const ids = placed.map((project) => project.projectId);
  await phase('projects known to identity, payroll and welfare', () =>
    caughtUp('the projects (identity, payroll, welfare)', async () => {
      const [inIdentity, inPayroll, inWelfare] = await Promise.all([
        identity.db.project.count({ where: { id: { in: ids } } }),
        payroll.db.payrollProject.count({ where: { projectId: { in: ids } } }),
        welfare.db.welfareProject.count({ where: { projectId: { in: ids } } }),
      ]);
      return inIdentity === ids.length && inPayroll === ids.length && inWelfare === ids.length;
    }),
  );

  const permitted = placed.filter((project) => project.planned.reached.PERMITTED);
  await phase(`wage accounts, deposits and injury policies of ${permitted.length} permitted projects`, async () => {
    await writeWageAccountsAndDeposits(payroll.db, permitted);
    await writeInjuryPolicies(welfare.db, plan, permitted);
  });
  await phase('safeguards known to enterprise', () =>
    caughtUp("the permits' safeguards (enterprise)", async () => {
      const safeguards = await enterprise.db.projectSafeguard.count({ where: { projectId: { in: permitted.map((project) => project.projectId) } } });
      return safeguards === permitted.length * 3;
    }),
  );

  const staffed = placed.filter((project) => project.planned.workers.length > 0);
  const workforce = await phase('workers, enrolments and clock-ins', () => writeWorkforce(identity.db, plan, staffed, identity.deps.policy, identity.deps.pii));
  const staffedIds = staffed.map((project) => project.projectId);
  await phase('workers known to payroll, welfare and enterprise', () =>
    caughtUp('the workers, their cards and enrolments (payroll, welfare, enterprise)', async () => {
      const [cards, welfareEnrolments, enterpriseEnrolments, stages] = await Promise.all([
        payroll.db.workerWageCard.count({ where: { workerId: { in: [...workforce.staff.keys()] } } }),
        welfare.db.welfareEnrolment.count({ where: { projectId: { in: staffedIds } } }),
        enterprise.db.projectEnrolment.count({ where: { projectId: { in: staffedIds } } }),
        payroll.db.payrollProject.count({ where: { projectId: { in: staffedIds }, stage: 'CONSTRUCTION' } }),
      ]);
      return (
        cards === workforce.staff.size &&
        welfareEnrolments === workforce.staff.size &&
        enterpriseEnrolments === workforce.staff.size &&
        stages === staffed.length
      );
    }),
  );

  await phase(`${plan.months.length} months of wages and warnings`, () =>
    writeWageHistory(payroll.db, payroll.sweeper, payroll.deps.warnings.dueDaysAfterCycle, plan, staffed, workforce, payroll.deps.pii, clock.now()),
  );
  // Payroll hears of the closed months last: judged on arrival, they find the wages already on record.
  await phase('closed months known to payroll', async () => {
    await closeMonths(identity.db, plan, staffed, workforce);
    await caughtUp('the closed months (payroll)', async () => {
      return (await payroll.db.attendanceMonth.count({ where: { projectId: { in: staffedIds } } })) === staffed.length * plan.months.length;
    });
  });
  const firstWorker = new Map([...workforce.staff.entries()].map(([workerId, { enrolmentId }]) => [enrolmentId, workerId]));
  const enrolments = await identity.db.enrolment.findMany({ where: { id: { in: [...firstWorker.keys()] } }, select: { id: true, projectId: true } });
  const workerOnProject = new Map(enrolments.map((enrolment) => [enrolment.projectId, firstWorker.get(enrolment.id)!]));
  await phase('hotline complaints', () =>
    fileHotlineComplaints(
      hotline,
      '130500',
      staffed.map((project) => ({
        projectId: project.projectId,
        employerUscc: project.contractorUscc,
        regionCode: project.planned.regionCode,
        workerId: workerOnProject.get(project.projectId)!,
      })),
    ),
  );
  await phase('training', () => runTraining(trainer, '130500', plan.today, [...workforce.staff.keys()]));
  // PGlite runs no autovacuum: without statistics the dashboard's aggregates over the new rows plan badly.
  await phase('statistics for the query planner', () =>
    Promise.all([identity, enterprise, payroll, welfare].map((service) => service.db.$executeRawUnsafe('ANALYZE'))),
  );
}
