import { z } from 'zod';
import { defineEvent } from '../envelope';
import { TOPICS } from '../topics';

export const trainingKind = z.enum(['SAFETY', 'SKILL']);

/** A worker completed a training programme; identity updates skills and the safety-training precondition. */
export const trainingCompletedV1 = defineEvent({
  type: 'cn.yikatong.welfare.training.completed.v1',
  topic: TOPICS.welfareTraining,
  data: z.object({
    completionId: z.string().uuid(),
    workerId: z.string().uuid(),
    kind: trainingKind,
    programme: z.string(),
    hours: z.number().positive(),
    /** Trade the skill training was for, if any. */
    tradeCode: z.string().nullable(),
    /** Skill level the certificate attests (1 初级 … 5 高级技师), if any. */
    skillLevel: z.number().int().min(1).max(5).nullable(),
    certificateNumber: z.string().nullable(),
    completedAt: z.string().datetime({ offset: true }),
  }),
});

export const complaintCategory = z.enum(['WAGE_ARREARS', 'OTHER']);

/** Labour inspection verified a complaint against an enterprise; a wage complaint is a bad credit record. */
export const complaintVerifiedV1 = defineEvent({
  type: 'cn.yikatong.welfare.complaint.verified.v1',
  topic: TOPICS.welfareComplaints,
  data: z.object({
    complaintId: z.string().uuid(),
    uscc: z.string().length(18),
    projectId: z.string().uuid().nullable(),
    category: complaintCategory,
    summary: z.string(),
    workersAffected: z.number().int().nonnegative(),
    /** Wages found owed, in fen as a decimal string; null when not a wage matter. */
    amountOwedFen: z.string().regex(/^\d+$/).nullable(),
    verifiedBy: z.string(),
    verifiedAt: z.string().datetime({ offset: true }),
  }),
});

/** Work-injury insurance (工伤保险) bought for a project in one sum: "insure first, then build". */
export const insuranceBoughtV1 = defineEvent({
  type: 'cn.yikatong.welfare.insurance.bought.v1',
  topic: TOPICS.welfareInsurance,
  data: z.object({
    policyId: z.string().uuid(),
    projectId: z.string().uuid(),
    insurer: z.string(),
    policyNumber: z.string(),
    coverFrom: z.string().date(),
    coverUntil: z.string().date().nullable(),
    boughtAt: z.string().datetime({ offset: true }),
  }),
});

/** A complaint against an enterprise was filed: while it is open the project gets a yellow warning (payroll). */
export const complaintFiledV1 = defineEvent({
  type: 'cn.yikatong.welfare.complaint.filed.v1',
  topic: TOPICS.welfareComplaints,
  data: z.object({
    complaintId: z.string().uuid(),
    uscc: z.string().length(18),
    projectId: z.string().uuid().nullable(),
    category: complaintCategory,
    filedAt: z.string().datetime({ offset: true }),
  }),
});

/** A complaint is no longer open: rejected, or resolved. */
export const complaintClosedV1 = defineEvent({
  type: 'cn.yikatong.welfare.complaint.closed.v1',
  topic: TOPICS.welfareComplaints,
  data: z.object({
    complaintId: z.string().uuid(),
    uscc: z.string().length(18),
    projectId: z.string().uuid().nullable(),
    outcome: z.enum(['REJECTED', 'RESOLVED']),
    closedAt: z.string().datetime({ offset: true }),
  }),
});
