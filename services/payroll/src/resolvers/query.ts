import { z } from 'zod';
import {
  connection,
  cursorKeys,
  dateOfDay,
  isUuid,
  newestFirst,
  pageRequest,
  regionPrefix,
  requireKind,
  requirePrincipal,
  requireRegionCode,
  requireStatisticsScope,
  requireUuid,
  seesRegion,
} from '@yikatong/platform';
import type { PayrollContext } from '../context';
import { LEDGER_ACCOUNTS } from '../domain/ledger';
import { minimumWageInForce } from '../domain/minimum-wage';
import { findInstalments } from '../store/funding';
import { projectBalances } from '../store/ledger';
import { payrollStatistics } from '../store/statistics';
import { findAccounts } from '../store/wage-accounts';
import { canSeeSheet } from './access';
import { visibleWarnings } from './arrears-warning';
import { canSeeAccount } from './wage-account';
import type { QueryResolvers } from '../generated/resolvers';

const instantAndId = z.tuple([cursorKeys.instant, cursorKeys.uuid]);
const periodAndId = z.tuple([cursorKeys.period, cursorKeys.uuid]);
const cursorOf = (value: string | Date, id: string) => [value instanceof Date ? value.toISOString() : value, id];

/** Who sees a project's money: portals of its region, its general contractor, the bank holding its account. */
async function canSeeProjectMoney(ctx: PayrollContext, projectId: string): Promise<boolean> {
  const principal = requirePrincipal(ctx.principal);
  const project = await ctx.db.payrollProject.findUnique({ where: { projectId } });
  if (!project) return false;
  if (principal.kind === 'PORTAL') return seesRegion(principal, project.regionCode);
  if (principal.kind === 'ENTERPRISE') return principal.enterpriseUscc === project.generalContractorUscc;
  if (principal.kind === 'BANK') return (await findAccounts(ctx.db, { projectId })).some((account) => account.bankCode === principal.bankCode);
  return principal.kind === 'SERVICE';
}

export const Query = {
  /** Minimum wages are public rules: any signed-in caller may read them; by default, today's in China. */
  minimumWage: async (_, args, ctx) => {
    requirePrincipal(ctx.principal);
    requireRegionCode(args.regionCode);
    const sameProvince = await ctx.db.minimumWage.findMany({ where: { regionCode: { startsWith: args.regionCode.slice(0, 2) } } });
    const entry = minimumWageInForce(sameProvince, args.regionCode, args.on ?? dateOfDay(ctx.clock.today()));
    return entry && { regionCode: entry.regionCode, monthly: entry.monthlyFen, hourly: entry.hourlyFen, effectiveFrom: entry.effectiveFrom };
  },

  /** A project's dedicated wage accounts, current and closed, for those who may see them. */
  wageAccounts: async (_, args, ctx) => {
    if (!isUuid(args.projectId)) return [];
    const [accounts, project] = await Promise.all([
      findAccounts(ctx.db, { projectId: args.projectId }),
      ctx.db.payrollProject.findUnique({ where: { projectId: args.projectId }, select: { regionCode: true } }),
    ]);
    return accounts.filter((account) => canSeeAccount(ctx, account, project?.regionCode ?? null));
  },

  wageSheet: async (_, args, ctx) => {
    if (!isUuid(args.id)) return null;
    const sheet = await ctx.db.wageSheet.findUnique({ where: { id: args.id } });
    return sheet && canSeeSheet(ctx, sheet) ? sheet : null;
  },

  /** Newest first; an enterprise sees the sheets it prepared or whose project it contracts. */
  wageSheets: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const { take, after } = pageRequest(args, instantAndId);
    if (!isUuid(args.projectId)) return connection([], take, () => '');
    const page = newestFirst('preparedAt', after);
    const rows = await ctx.db.wageSheet.findMany({
      where: {
        AND: [
          { projectId: args.projectId },
          args.period ? { period: args.period } : {},
          page.where,
          principal.kind === 'ENTERPRISE' ? { OR: [{ employerUscc: principal.enterpriseUscc }, { generalContractorUscc: principal.enterpriseUscc }] } : {},
        ],
      },
      orderBy: page.orderBy,
      take: take + 1,
    });
    return connection(
      rows.filter((sheet) => canSeeSheet(ctx, sheet)),
      take,
      (sheet) => cursorOf(sheet.preparedAt, sheet.id),
    );
  },

  myPayslips: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'WORKER');
    const { take, after } = pageRequest(args, periodAndId);
    const page = newestFirst('period', after);
    const rows = await ctx.db.wageLine.findMany({ where: { AND: [{ workerId: principal.subject }, page.where] }, orderBy: page.orderBy, take: take + 1 });
    return connection(rows, take, (line) => cursorOf(line.period, line.id));
  },

  disbursementBatches: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'BANK');
    const { take, after } = pageRequest(args, instantAndId);
    const page = newestFirst('createdAt', after);
    const rows = await ctx.db.disbursementBatch.findMany({
      where: { AND: [{ bankCode: principal.bankCode }, page.where] },
      orderBy: page.orderBy,
      take: take + 1,
    });
    return connection(rows, take, (batch) => cursorOf(batch.createdAt, batch.id));
  },

  projectLedger: async (_, args, ctx) => {
    if (!isUuid(args.projectId) || !(await canSeeProjectMoney(ctx, args.projectId))) return null;
    const [balances, instalments] = await Promise.all([
      projectBalances(ctx.db, [args.projectId]),
      ctx.db.$transaction((tx) => findInstalments(tx, args.projectId)),
    ]);
    return {
      projectId: args.projectId,
      balances: Object.values(LEDGER_ACCOUNTS).map((account) => ({ account, balance: balances.get(args.projectId)!.get(account) ?? 0n })),
      instalments,
    };
  },

  arrearsWarnings: async (_, args, ctx) => {
    const scope = await visibleWarnings(ctx);
    const { take, after } = pageRequest(args, instantAndId);
    if (args.regionCode) requireRegionCode(args.regionCode);
    if (args.projectId) requireUuid(args.projectId, 'projectId');
    const page = newestFirst('raisedAt', after);
    const rows = await ctx.db.arrearsWarning.findMany({
      where: {
        AND: [
          scope,
          args.regionCode ? { regionCode: { startsWith: regionPrefix(args.regionCode) } } : {},
          args.projectId ? { projectId: args.projectId } : {},
          args.colour ? { colour: args.colour } : {},
          args.openOnly === false ? {} : { status: 'OPEN' as const },
          page.where,
        ],
      },
      orderBy: page.orderBy,
      take: take + 1,
    });
    return connection(rows, take, (warning) => cursorOf(warning.raisedAt, warning.id));
  },

  /** Analytics and portals (within their regions): aggregates only. */
  payrollStatistics: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    return payrollStatistics(ctx.db, args.regionCode);
  },
} satisfies QueryResolvers;
