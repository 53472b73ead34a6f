// Payroll's and welfare's part of the demo city before the permit: each permitted project's dedicated
// wage account (opened by the payroll domain's own steps), its deposit as a bank guarantee, and its
// work-injury policy — with the events that tell enterprise the permit's preconditions were met.
import { randomUUID } from 'node:crypto';
import { CONNECTED_BANKS, createEvent, depositPlacedV1, insuranceBoughtV1, type CloudEvent } from '@yikatong/contracts';
import { addDays, addMonthsToDay, appendToOutbox, dateOfDay, outgoing } from '@yikatong/platform';
import type { PayrollDb } from '../../services/payroll/src/db';
import { confirmOpened, PAYROLL_SOURCE, requestAccount } from '../../services/payroll/src/domain/wage-account';
import type { WelfareDb } from '../../services/welfare/src/db';
import { WELFARE_SOURCE } from '../../services/welfare/src/domain/injury-insurance';
import { atChinaHour, type CityPlan, type PlannedProject } from './plan';

const ACCOUNT_BANKS = ['CCB', 'ICBC', 'ABC'] as const;
/** Deposit as 2 % of the labour cost, the province's base rate. */
const DEPOSIT_RATE_BP = 200;

export interface PermittedProject {
  planned: PlannedProject;
  projectId: string;
  contractorUscc: string;
}

const permitDay = (project: PermittedProject) => project.planned.reached.PERMITTED!;

export async function writeWageAccountsAndDeposits(db: PayrollDb, projects: readonly PermittedProject[]): Promise<void> {
  if ((await db.wageAccount.count({ where: { projectId: { in: projects.map((project) => project.projectId) } } })) > 0) return;
  const accounts = projects.map((project, i) => {
    const bankCode = ACCOUNT_BANKS[i % ACCOUNT_BANKS.length]!;
    const requested = requestAccount(
      { projectId: project.projectId, generalContractorUscc: project.contractorUscc, stage: 'AWARDED' },
      null,
      { bankCode, bankName: `${CONNECTED_BANKS[bankCode]}邢台分行` },
      atChinaHour(addDays(permitDay(project), -3), 10),
    );
    return confirmOpened(requested, `13050161520800${String(i).padStart(6, '0')}`, atChinaHour(addDays(permitDay(project), -2), 11));
  });
  const deposits = projects.map((project) => {
    const placedAt = atChinaHour(addDays(permitDay(project), -2), 14);
    const labourCostFen = (project.planned.contractValueFen * BigInt(project.planned.labourCostSharePercent)) / 100n;
    const requiredFen = (labourCostFen * BigInt(DEPOSIT_RATE_BP)) / 10_000n;
    const validUntil = addMonthsToDay(permitDay(project), 36);
    const deposit = {
      id: randomUUID(),
      projectId: project.projectId,
      uscc: project.contractorUscc,
      form: 'BANK_GUARANTEE' as const,
      requiredFen,
      heldFen: requiredFen,
      rateBp: DEPOSIT_RATE_BP,
      trace: [`base rate ${DEPOSIT_RATE_BP} bp of the labour cost ${labourCostFen} fen`],
      guaranteeNumber: `BH${project.planned.regionCode}${permitDay(project).replaceAll('-', '')}`,
      guaranteeValidUntil: validUntil,
      status: 'HELD' as const,
      placedAt,
    };
    const event = createEvent(
      depositPlacedV1,
      PAYROLL_SOURCE,
      project.projectId,
      {
        depositId: deposit.id,
        projectId: project.projectId,
        uscc: project.contractorUscc,
        form: deposit.form,
        amountFen: requiredFen.toString(),
        validUntil,
        placedAt: placedAt.toISOString(),
      },
      placedAt,
    );
    return { deposit, events: [outgoing(depositPlacedV1, event as CloudEvent)] };
  });
  await db.$transaction(
    async (tx) => {
      await tx.wageAccount.createMany({ data: accounts.map(({ account }) => account) });
      await tx.deposit.createMany({ data: deposits.map(({ deposit }) => deposit) });
      await appendToOutbox(tx, [...accounts.flatMap(({ events }) => events), ...deposits.flatMap(({ events }) => events)]);
    },
    { timeout: 120_000 },
  );
}

export async function writeInjuryPolicies(db: WelfareDb, plan: CityPlan, projects: readonly PermittedProject[]): Promise<void> {
  if ((await db.injuryPolicy.count({ where: { projectId: { in: projects.map((project) => project.projectId) } } })) > 0) return;
  const policies = projects.map((project, i) => {
    const boughtAt = atChinaHour(addDays(permitDay(project), -1), 10);
    const coverFrom = addDays(permitDay(project), -1);
    const coverUntil = project.planned.insuranceLapsed ? addDays(plan.today, -20) : addMonthsToDay(coverFrom, 36);
    const policy = {
      id: randomUUID(),
      projectId: project.projectId,
      insurer: ['中国人民财产保险邢台分公司', '中国太平洋财产保险邢台中心支公司', '中国平安财产保险邢台中心支公司'][i % 3]!,
      policyNumber: `PICC${project.planned.regionCode}${String(i).padStart(6, '0')}`,
      premiumFen: (project.planned.contractValueFen * 12n) / 10_000n,
      rateBp: 12,
      coverFrom: dateOfDay(coverFrom),
      coverUntil: dateOfDay(coverUntil),
      boughtBy: `${project.contractorUscc}-admin`,
      boughtAt,
    };
    const event = createEvent(
      insuranceBoughtV1,
      WELFARE_SOURCE,
      project.projectId,
      {
        policyId: policy.id,
        projectId: project.projectId,
        insurer: policy.insurer,
        policyNumber: policy.policyNumber,
        coverFrom,
        coverUntil,
        boughtAt: boughtAt.toISOString(),
      },
      boughtAt,
    );
    return { policy, events: [outgoing(insuranceBoughtV1, event as CloudEvent)] };
  });
  await db.$transaction(
    async (tx) => {
      await tx.injuryPolicy.createMany({ data: policies.map(({ policy }) => policy) });
      await appendToOutbox(
        tx,
        policies.flatMap(({ events }) => events),
      );
    },
    { timeout: 120_000 },
  );
}
