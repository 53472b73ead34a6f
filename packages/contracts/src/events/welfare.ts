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
