import { z } from 'zod';
import { defineEvent } from '../envelope';
import { TOPICS } from '../topics';

export const enterpriseType = z.enum(['GENERAL_CONTRACTOR', 'SUBCONTRACTOR', 'LABOUR_SERVICE']);

export const enterpriseRegisteredV1 = defineEvent({
  type: 'cn.yikatong.enterprise.enterprise.registered.v1',
  topic: TOPICS.enterpriseEnterprises,
  data: z.object({
    uscc: z.string().length(18),
    name: z.string(),
    type: enterpriseType,
    regionCode: z.string(),
    registeredAt: z.string().datetime({ offset: true }),
  }),
});

/** A project entered the registry with its general contractor (总承包). */
export const projectRegisteredV1 = defineEvent({
  type: 'cn.yikatong.enterprise.project.registered.v1',
  topic: TOPICS.enterpriseProjects,
  data: z.object({
    projectId: z.string().uuid(),
    name: z.string(),
    regionCode: z.string(),
    generalContractorUscc: z.string().length(18),
    registeredAt: z.string().datetime({ offset: true }),
  }),
});

/** A subcontractor or labour-service enterprise joined a project's subcontracting chain. */
export const projectParticipantAddedV1 = defineEvent({
  type: 'cn.yikatong.enterprise.project.participant-added.v1',
  topic: TOPICS.enterpriseProjects,
  data: z.object({
    projectId: z.string().uuid(),
    uscc: z.string().length(18),
    role: z.enum(['SUBCONTRACTOR', 'LABOUR_SUBCONTRACTOR']),
    /** The enterprise that subcontracted to it. */
    parentUscc: z.string().length(18),
    addedAt: z.string().datetime({ offset: true }),
  }),
});

/** Listed on the wage-arrears dishonesty list (失信联合惩戒名单): identity freezes its cards. */
export const enterpriseBlacklistedV1 = defineEvent({
  type: 'cn.yikatong.enterprise.enterprise.blacklisted.v1',
  topic: TOPICS.enterpriseEnterprises,
  data: z.object({
    uscc: z.string().length(18),
    listingId: z.string().uuid(),
    reason: z.string(),
    /** The listing decision, e.g. 冀人社失信〔2026〕12号. */
    decision: z.string(),
    authority: z.string(),
    listedAt: z.string().datetime({ offset: true }),
    until: z.string().datetime({ offset: true }),
  }),
});

/** Removed from the dishonesty list: early (after ≥ 6 months, with a pledge) or at the end of the term. */
export const enterpriseDelistedV1 = defineEvent({
  type: 'cn.yikatong.enterprise.enterprise.delisted.v1',
  topic: TOPICS.enterpriseEnterprises,
  data: z.object({
    uscc: z.string().length(18),
    listingId: z.string().uuid(),
    reason: z.enum(['EARLY_REMOVAL', 'TERM_ENDED']),
    delistedAt: z.string().datetime({ offset: true }),
  }),
});
