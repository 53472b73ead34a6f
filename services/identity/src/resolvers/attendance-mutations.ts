import {
  appendToOutbox,
  conflict,
  forbidden,
  invalidInput,
  isUuid,
  notFound,
  PERIOD_PATTERN,
  requireKind,
  requireRegion,
  requireScope,
  SCOPES,
  type Principal,
} from '@yikatong/platform';
import { closeAttendanceMonth, judgeClockIn, type ClockIn } from '../domain/attendance';
import type { Enrolment } from '../domain/enrolment';
import { closedPeriods, insertClockIns, monthlyAttendance, type AcceptedClockIn } from '../store/attendance';
import { findEnrolments } from '../store/enrolments';
import { findProjects, type ProjectView } from '../store/projects';
import type { MutationResolvers } from '../generated/resolvers';

export const MAX_CLOCK_INS_PER_CALL = 1000;

/** Whether the caller may act on a project's attendance: its enterprises (devices), portals of its region, services. */
function mayActOnProject(principal: Principal, project: ProjectView): boolean {
  if (principal.kind === 'SERVICE') return true;
  if (principal.kind === 'ENTERPRISE') return project.participants.includes(principal.enterpriseUscc ?? '');
  return false;
}

interface Rejection {
  index: number;
  deviceRecordId: string;
  code: string;
  message: string;
}

export const attendanceMutations = {
  recordAttendance: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE', 'SERVICE'), SCOPES.attendanceWrite);
    // An omitted photo hash arrives as undefined; the domain and the table know only null.
    const records: ClockIn[] = args.records.map((record) => ({ ...record, photoHash: record.photoHash ?? null }));
    if (records.length === 0 || records.length > MAX_CLOCK_INS_PER_CALL) {
      throw invalidInput('BATCH_SIZE', 'records', `Send between 1 and ${MAX_CLOCK_INS_PER_CALL} clock-ins per call.`);
    }
    const rejected: Rejection[] = [];
    const malformed = new Set<number>();
    const wellFormed = records.filter((record, index) => {
      const ok =
        isUuid(record.workerId) &&
        isUuid(record.projectId) &&
        record.deviceId.length <= 64 &&
        record.deviceRecordId.length <= 64 &&
        record.deviceId.length > 0 &&
        record.deviceRecordId.length > 0 &&
        (record.photoHash ?? '').length <= 128;
      if (!ok) malformed.add(index);
      if (!ok)
        rejected.push({
          index,
          deviceRecordId: record.deviceRecordId,
          code: 'INVALID_RECORD',
          message: 'Worker and project ids must be UUIDs; device and record ids 1–64 characters; photo hash at most 128.',
        });
      return ok;
    });
    const projectIds = [...new Set(wellFormed.map((record) => record.projectId))];
    const workerIds = [...new Set(wellFormed.map((record) => record.workerId))];
    const [projects, enrolments, closed] = await Promise.all([
      findProjects(ctx.db, projectIds),
      findEnrolments(ctx.db, { projectId: { in: projectIds }, workerId: { in: workerIds } }),
      closedPeriods(ctx.db, projectIds),
    ]);
    const projectById = new Map(projects.map((project) => [project.id, project]));
    const enrolmentsByPair = new Map<string, Enrolment[]>();
    for (const enrolment of enrolments) {
      const key = `${enrolment.workerId}/${enrolment.projectId}`;
      enrolmentsByPair.set(key, [...(enrolmentsByPair.get(key) ?? []), enrolment]);
    }
    const now = ctx.clock.now();
    const accepted: AcceptedClockIn[] = [];
    records.forEach((record, index) => {
      if (malformed.has(index)) return;
      const project = projectById.get(record.projectId);
      if (!project || !mayActOnProject(principal, project)) {
        rejected.push({
          index,
          deviceRecordId: record.deviceRecordId,
          code: 'PROJECT_NOT_YOURS',
          message: 'The project is unknown or your enterprise is not on it.',
        });
        return;
      }
      const judgement = judgeClockIn(
        record,
        enrolmentsByPair.get(`${record.workerId}/${record.projectId}`) ?? [],
        closed.get(record.projectId) ?? new Set(),
        ctx.policy.attendance,
        now,
      );
      if (judgement.accepted) accepted.push({ ...record, enrolmentId: judgement.enrolmentId, outsideEnrolmentDates: judgement.outsideEnrolmentDates });
      else rejected.push({ index, deviceRecordId: record.deviceRecordId, code: judgement.code, message: judgement.message });
    });
    const { inserted, anomalies } = await ctx.db.$transaction((tx) => insertClockIns(tx, accepted, ctx.policy.attendance.twoSitesWindowMinutes, now));
    return { accepted: inserted, duplicates: accepted.length - inserted, rejected: rejected.sort((a, b) => a.index - b.index), anomalies };
  },

  closeAttendanceMonth: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'ENTERPRISE', 'PORTAL'), SCOPES.attendanceWrite);
    if (!isUuid(args.projectId)) throw invalidInput('INVALID_INPUT', 'projectId', 'The project id is a UUID.');
    const closed = await ctx.db.$transaction(async (tx) => {
      const [project] = await findProjects(tx, [args.projectId]);
      if (!project) throw notFound('PROJECT_NOT_FOUND', 'No registered project has this id.', 'projectId');
      if (principal.kind === 'PORTAL') requireRegion(principal, project.regionCode);
      else if (principal.enterpriseUscc !== project.generalContractorUscc) throw forbidden('Only the general contractor (or a portal) closes a project month.');
      if (await tx.attendanceMonthClose.findUnique({ where: { projectId_period: { projectId: args.projectId, period: args.period } } })) {
        throw conflict('MONTH_ALREADY_CLOSED', `${args.period} is already closed for this project.`, 'period');
      }
      const workers = PERIOD_PATTERN.test(args.period) ? await monthlyAttendance(tx, args.projectId, args.period) : [];
      const { close, events } = closeAttendanceMonth(args.projectId, args.period, workers, principal.subject, ctx.clock.now());
      await tx.attendanceMonthClose.create({ data: close });
      await appendToOutbox(tx, events);
      return close;
    });
    ctx.nudgeOutbox();
    return closed;
  },
} satisfies MutationResolvers;
