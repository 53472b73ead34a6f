import { z } from 'zod';
import {
  connection,
  cursorKeys,
  isUuid,
  newestFirst,
  pageRequest,
  regionRange,
  requireKind,
  requireStatisticsScope,
  seesRegion,
  SCOPES,
  workingDaysBetween,
} from '@yikatong/platform';
import { nextStagesOf, OPEN_STAGES } from '../domain/complaint';
import type { ComplaintModel } from '../generated/prisma/models/Complaint';
import { complaintsByStage } from '../store/statistics';
import type { ComplaintResolvers, QueryResolvers } from '../generated/resolvers';
import { canSeeComplaint } from './access';

/** What the Complaint fields resolve from: a stored row, or the domain's case a mutation just decided. */
export type ComplaintRow = Omit<ComplaintModel, 'warningId'>;

/** Newest first by (received, id); the overdue list goes by (due day, id), so neither list takes the other's cursor. */
const newestKey = z.tuple([cursorKeys.instant, cursorKeys.uuid]);
const overdueKey = z.tuple([cursorKeys.day, cursorKeys.uuid]);
const cursorOf = (row: ComplaintRow) => [row.receivedAt.toISOString(), row.id];

export const complaintQueries = {
  complaint: async (_, args, ctx) => {
    if (!isUuid(args.id)) return null;
    const row = await ctx.db.complaint.findUnique({ where: { id: args.id } });
    return row && canSeeComplaint(ctx, row) ? row : null;
  },

  /** The signed-in worker's complaints, newest first, with their stage and result. */
  myComplaints: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'WORKER');
    const { take, after } = pageRequest(args, newestKey);
    const page = newestFirst('receivedAt', after);
    const rows = await ctx.db.complaint.findMany({ where: { AND: [{ workerId: principal.subject }, page.where] }, orderBy: page.orderBy, take: take + 1 });
    return connection(rows, take, cursorOf);
  },

  /**
   * Handlers' list of a region: newest first, or with overdueOnly the open cases past their
   * deadline, most overdue first (read through the index of open cases by deadline).
   */
  complaints: async (_, args, ctx) => {
    const principal = requireKind(ctx.principal, 'PORTAL');
    if (!principal.scopes.has(SCOPES.complaintHandle) || !seesRegion(principal, args.regionCode)) return connection([], 1, cursorOf);
    const range = regionRange(args.regionCode);
    const filters = [range ? { regionCode: range } : {}, args.stage ? { stage: args.stage } : {}, args.category ? { category: args.category } : {}];
    if (args.overdueOnly) {
      const { take, after } = pageRequest(args, overdueKey);
      const rows = await ctx.db.complaint.findMany({
        where: {
          AND: [
            ...filters,
            { stage: { in: [...OPEN_STAGES] }, dueOn: { lt: ctx.clock.today() } },
            after ? { OR: [{ dueOn: { gt: after[0] } }, { dueOn: after[0], id: { gt: after[1] } }] } : {},
          ],
        },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        take: take + 1,
      });
      return connection(rows, take, (row) => [row.dueOn, row.id]);
    }
    const { take, after } = pageRequest(args, newestKey);
    const page = newestFirst('receivedAt', after);
    const rows = await ctx.db.complaint.findMany({ where: { AND: [...filters, page.where] }, orderBy: page.orderBy, take: take + 1 });
    return connection(rows, take, cursorOf);
  },

  /** Dashboards: complaints by category and stage, and how many open ones are overdue, from the tally; no personal data. */
  complaintStatistics: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    const byStage = await complaintsByStage(ctx.db, args.regionCode, ctx.clock.today());
    return { regionCode: args.regionCode, byStage };
  },
} satisfies QueryResolvers;

export const Complaint = {
  amountClaimed: (row: ComplaintRow) => row.amountClaimedFen,
  amountOwed: (row: ComplaintRow) => row.amountOwedFen,
  overdue: (row, _, ctx) => OPEN_STAGES.some((stage) => stage === row.stage) && row.dueOn < ctx.clock.today(),
  workingDaysLeft: async (row, _, ctx) => {
    if (!OPEN_STAGES.some((stage) => stage === row.stage)) return null;
    const today = ctx.clock.today();
    const left = workingDaysBetween(today, row.dueOn, await ctx.holidayCalendar());
    // A weekend just past the due day has no working day between, yet the case is overdue.
    return row.dueOn < today ? Math.min(left, -1) : left;
  },
  nextStages: (row: ComplaintRow) => [...nextStagesOf(row.stage)],
  steps: (row, _, ctx) => ctx.stepsByComplaint.load(row.id),
} satisfies ComplaintResolvers;
