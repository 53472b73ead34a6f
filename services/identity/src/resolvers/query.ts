import {
  connection,
  cursorKeys,
  forbidden,
  invalidInput,
  isUuid,
  pageRequest,
  PERIOD_PATTERN,
  regionPrefix,
  requireKind,
  requirePrincipal,
  requireRegion,
  requireScope,
  requireStatisticsScope,
  requireUuid,
  SCOPES,
  type Principal,
} from '@yikatong/platform';
import type { IdentityContext } from '../context';
import { chinaDayRange, periodBounds } from '../domain/calendar';
import { parseResidentId, RESIDENT_ID_PROBLEM_MESSAGES } from '../domain/resident-id';
import type { Prisma } from '../generated/prisma/client';
import { monthlyAttendance } from '../store/attendance';
import { findCardByNumber } from '../store/cards';
import { toEnrolment } from '../store/enrolments';
import { findWorkerByIdNumber } from '../store/workers';
import { employerSight, employerSightWhere, portalRegions } from './access';
import { visibleCard } from './real-name-card';
import { visibleWorker } from './worker';
import type { QueryResolvers } from '../generated/resolvers';

interface ListFilter {
  regionCode?: string | null;
  projectId?: string | null;
  employerUscc?: string | null;
  tradeCode?: string | null;
}

const inRegions = (regions: readonly string[]) => regions.map((region) => ({ regionCode: { startsWith: regionPrefix(region) } }));

/** The part of the registry a caller may list: their regions, the workers they registered or employ(ed) lately, or themself. */
function workerScope(ctx: IdentityContext, principal: Principal, filter: ListFilter): Prisma.WorkerWhereInput {
  switch (principal.kind) {
    case 'PORTAL':
      return { OR: inRegions(portalRegions(principal, filter.regionCode)) };
    case 'ENTERPRISE':
      if (filter.employerUscc && filter.employerUscc !== principal.enterpriseUscc) throw forbidden('An enterprise lists only its own workers.');
      return employerSightWhere(principal, employerSight(ctx.clock.today(), ctx.policy.employerSightDays));
    case 'WORKER':
      return { id: principal.subject };
    case 'SERVICE':
      return filter.regionCode ? { OR: inRegions([filter.regionCode]) } : {};
    default:
      throw forbidden('Analytics and banks see aggregates, not people.');
  }
}

function enrolmentScope(principal: Principal, filter: ListFilter): Prisma.EnrolmentWhereInput {
  switch (principal.kind) {
    case 'PORTAL':
      return { OR: inRegions(portalRegions(principal, filter.regionCode)) };
    case 'ENTERPRISE':
      if (filter.employerUscc && filter.employerUscc !== principal.enterpriseUscc) throw forbidden('An enterprise lists only its own enrolments.');
      return { employerUscc: principal.enterpriseUscc };
    case 'WORKER':
      return { workerId: principal.subject };
    case 'SERVICE':
      return filter.regionCode ? { OR: inRegions([filter.regionCode]) } : {};
    default:
      throw forbidden('Analytics and banks see aggregates, not people.');
  }
}

const optional = <T>(value: T | null | undefined, where: (value: T) => object) => (value ? where(value) : {});

/** Attendance of a project is for its enterprises, portals of its region and our services. */
async function requireProjectAccess(ctx: IdentityContext, projectId: string) {
  const principal = requirePrincipal(ctx.principal);
  const project = await ctx.projectById.load(requireUuid(projectId, 'projectId'));
  if (!project) throw invalidInput('PROJECT_NOT_FOUND', 'projectId', 'No registered project has this id.');
  if (principal.kind === 'PORTAL') requireRegion(principal, project.regionCode);
  else if (principal.kind === 'ENTERPRISE' && !project.participants.includes(principal.enterpriseUscc ?? ''))
    throw forbidden('Your enterprise is not on this project.');
  else if (!['PORTAL', 'ENTERPRISE', 'SERVICE'].includes(principal.kind)) throw forbidden('Attendance is not visible to this kind of caller.');
  return project;
}

function requirePeriod(period: string, field: string) {
  if (!PERIOD_PATTERN.test(period)) throw invalidInput('INVALID_PERIOD', field, 'A period is a month written YYYY-MM.');
}

export const Query = {
  realNameCard: async (_, args, ctx) => visibleCard(ctx, await findCardByNumber(ctx.db, args.number.trim().toUpperCase())),

  me: async (_, __, ctx) => {
    const principal = requireKind(ctx.principal, 'WORKER');
    return ctx.workerById.load(principal.subject);
  },

  worker: async (_, args, ctx) => (isUuid(args.id) ? visibleWorker(ctx, await ctx.workerById.load(args.id)) : null),

  workerByIdNumber: async (_, args, ctx) => {
    requireKind(ctx.principal, 'PORTAL', 'ENTERPRISE', 'SERVICE');
    const parsed = parseResidentId(args.idNumber, ctx.clock.today());
    if ('problem' in parsed) throw invalidInput(`ID_NUMBER_${parsed.problem}`, 'idNumber', RESIDENT_ID_PROBLEM_MESSAGES[parsed.problem]);
    return visibleWorker(ctx, await findWorkerByIdNumber(ctx.db, ctx.pii, parsed.id.idNumber));
  },

  workers: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const filter = args.filter ?? {};
    const { take, after } = pageRequest(args, cursorKeys.uuid);
    if (filter.projectId) requireUuid(filter.projectId, 'filter.projectId');
    const enrolmentFilter = {
      ...optional(filter.projectId, (projectId) => ({ projectId })),
      ...optional(filter.employerUscc, (employerUscc) => ({ employerUscc })),
    };
    const rows = await ctx.db.worker.findMany({
      where: {
        AND: [
          workerScope(ctx, principal, filter),
          optional(filter.tradeCode, (tradeCode) => ({ tradeCode: tradeCode.toUpperCase() })),
          Object.keys(enrolmentFilter).length ? { enrolments: { some: enrolmentFilter } } : {},
          after ? { id: { gt: after } } : {},
        ],
      },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.id);
  },

  enrolments: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const filter = args.filter ?? {};
    const { take, after } = pageRequest(args, cursorKeys.uuid);
    if (filter.projectId) requireUuid(filter.projectId, 'filter.projectId');
    const rows = await ctx.db.enrolment.findMany({
      where: {
        AND: [
          enrolmentScope(principal, filter),
          optional(filter.projectId, (projectId) => ({ projectId })),
          optional(filter.employerUscc, (employerUscc) => ({ employerUscc })),
          optional(filter.tradeCode, (tradeCode) => ({ tradeCode: tradeCode.toUpperCase() })),
          optional(filter.status, (status) => ({ status })),
          filter.registeredLate == null ? {} : { registeredLateByDays: filter.registeredLate ? { gt: 0 } : 0 },
          after ? { id: { gt: after } } : {},
        ],
      },
      orderBy: { id: 'asc' },
      take: take + 1,
    });
    return connection(rows.map(toEnrolment), take, (row) => row.id);
  },

  monthlyAttendance: async (_, args, ctx) => {
    requirePeriod(args.period, 'period');
    const project = await requireProjectAccess(ctx, args.projectId);
    return monthlyAttendance(ctx.db, project.id, args.period);
  },

  attendanceAnomalies: async (_, args, ctx) => {
    const principal = requirePrincipal(ctx.principal);
    const { take, after } = pageRequest(args, cursorKeys.serial);
    if (principal.kind === 'ENTERPRISE' && !args.projectId)
      throw invalidInput('PROJECT_REQUIRED', 'projectId', 'An enterprise lists anomalies of one of its projects.');
    if (args.projectId) await requireProjectAccess(ctx, args.projectId);
    else requireKind(principal, 'PORTAL', 'SERVICE');
    const rows = await ctx.db.attendanceAnomaly.findMany({
      where: {
        AND: [
          principal.kind === 'PORTAL' ? { OR: inRegions(portalRegions(principal, args.regionCode)) } : {},
          optional(args.projectId, (projectId) => ({ projectId })),
          optional(args.kind, (kind) => ({ kind })),
          after === undefined ? {} : { id: { lt: after } },
        ],
      },
      orderBy: { id: 'desc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.id.toString());
  },

  trades: (_, __, ctx) => {
    requirePrincipal(ctx.principal);
    return ctx.db.trade.findMany({ orderBy: { code: 'asc' } });
  },

  auditEntries: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.auditRead);
    const { take, after } = pageRequest(args, cursorKeys.serial);
    if (args.subjectId) requireUuid(args.subjectId, 'subjectId');
    const rows = await ctx.db.auditEntry.findMany({
      where: {
        AND: [
          { OR: inRegions(portalRegions(principal, args.regionCode)) },
          optional(args.subjectId, (subjectId) => ({ subjectId })),
          after === undefined ? {} : { id: { lt: after } },
        ],
      },
      orderBy: { id: 'desc' },
      take: take + 1,
    });
    return connection(rows, take, (row) => row.id.toString());
  },

  identityStatistics: async (_, args, ctx) => {
    requireStatisticsScope(ctx.principal, args.regionCode);
    requirePeriod(args.from, 'from');
    requirePeriod(args.to, 'to');
    if (args.to < args.from) throw invalidInput('INVALID_PERIOD', 'to', 'The last month is before the first.');
    const prefix = `${regionPrefix(args.regionCode)}%`;
    const { from } = chinaDayRange(periodBounds(args.from).first, periodBounds(args.from).first);
    const { to } = chinaDayRange(periodBounds(args.to).last, periodBounds(args.to).last);
    const [[counts], attendance] = await Promise.all([
      ctx.db.$queryRawUnsafe<Array<{ workers: number; enrolments: number }>>(
        `SELECT (SELECT count(*) FROM worker WHERE region_code LIKE $1)::int AS workers,
                (SELECT count(*) FROM enrolment WHERE region_code LIKE $1 AND status = 'ACTIVE')::int AS enrolments`,
        prefix,
      ),
      ctx.db.$queryRawUnsafe<Array<{ region_code: string; period: string; workers: number; worker_days: number }>>(
        `SELECT e.region_code, to_char(a.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS period,
                count(DISTINCT a.worker_id)::int AS workers,
                count(DISTINCT (a.worker_id, (a.at AT TIME ZONE 'Asia/Shanghai')::date))::int AS worker_days
           FROM attendance_record a JOIN enrolment e ON e.id = a.enrolment_id
          WHERE e.region_code LIKE $1 AND a.at >= $2::timestamptz AND a.at < $3::timestamptz
          GROUP BY 1, 2 ORDER BY 1, 2`,
        prefix,
        from.toISOString(),
        to.toISOString(),
      ),
    ]);
    return {
      regionCode: args.regionCode,
      registeredWorkers: counts!.workers,
      activeEnrolments: counts!.enrolments,
      attendance: attendance.map((row) => ({ regionCode: row.region_code, period: row.period, workers: row.workers, workerDays: row.worker_days })),
    };
  },
} satisfies QueryResolvers;
