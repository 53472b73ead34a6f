import { invalidInput, isUuid, requirePrincipal } from '@yikatong/platform';
import type { PayrollContext } from '../context';
import { minimumWageInForce } from '../domain/minimum-wage';
import { findAccounts } from '../store/wage-accounts';
import { canSeeAccount } from './wage-account';

export const Query = {
  /** Minimum wages are public rules: any signed-in caller may read them. */
  minimumWage: async (_: unknown, args: { regionCode: string; on?: Date | null }, ctx: PayrollContext) => {
    requirePrincipal(ctx.principal);
    if (!/^\d{6}$/.test(args.regionCode)) throw invalidInput('INVALID_REGION_CODE', 'regionCode', 'The region code has 6 digits (GB/T 2260).');
    const sameProvince = await ctx.db.minimumWage.findMany({ where: { regionCode: { startsWith: args.regionCode.slice(0, 2) } } });
    const entry = minimumWageInForce(sameProvince, args.regionCode, args.on ?? new Date());
    return entry && { regionCode: entry.regionCode, monthly: entry.monthlyFen, hourly: entry.hourlyFen, effectiveFrom: entry.effectiveFrom };
  },

  /** A project's dedicated wage accounts, current and closed, for those who may see them. */
  wageAccounts: async (_: unknown, args: { projectId: string }, ctx: PayrollContext) => {
    if (!isUuid(args.projectId)) return [];
    const [accounts, project] = await Promise.all([
      findAccounts(ctx.db, { projectId: args.projectId }),
      ctx.db.payrollProject.findUnique({ where: { projectId: args.projectId }, select: { regionCode: true } }),
    ]);
    return accounts.filter((account) => canSeeAccount(ctx, account, project?.regionCode ?? null));
  },
};
