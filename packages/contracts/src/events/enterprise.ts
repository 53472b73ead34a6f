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
    /** Contract value in fen as a decimal string (payroll sets the wage guarantee deposit from it); absent in events before it was added. */
    contractValueFen: z.string().regex(/^\d+$/).optional(),
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
    /** Responsible persons (identity person ids) listed with the enterprise. */
    responsiblePersonIds: z.array(z.string().uuid()).default([]),
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

export const projectStage = z.enum(['BIDDING', 'AWARDED', 'PERMITTED', 'CONSTRUCTION', 'COMPLETED', 'CLOSED']);

/** A lifecycle step was reviewed and approved: payroll and welfare follow the project's stage. */
export const projectStageChangedV1 = defineEvent({
  type: 'cn.yikatong.enterprise.project.stage-changed.v1',
  topic: TOPICS.enterpriseProjects,
  data: z.object({
    projectId: z.string().uuid(),
    generalContractorUscc: z.string().length(18),
    regionCode: z.string(),
    from: projectStage,
    to: projectStage,
    approvedBy: z.string(),
    changedAt: z.string().datetime({ offset: true }),
  }),
});

/** The reasons an enterprise may not bid changed: trading platforms and banks follow this topic. */
export const eligibilityChangedV1 = defineEvent({
  type: 'cn.yikatong.enterprise.eligibility.changed.v1',
  topic: TOPICS.enterpriseEligibility,
  data: z.object({
    uscc: z.string().length(18),
    eligible: z.boolean(),
    reasons: z.array(z.object({ code: z.string(), source: z.string(), since: z.string().datetime({ offset: true }) })),
    /** What caused the change: an event ("service:type#id") or the clock ("clock:<rule>"). */
    cause: z.string(),
    changedAt: z.string().datetime({ offset: true }),
  }),
});

/** A qualification (资质) expires soon; sent once per qualification and expiry date. */
export const qualificationExpiringV1 = defineEvent({
  type: 'cn.yikatong.enterprise.qualification.expiring.v1',
  topic: TOPICS.enterpriseEnterprises,
  data: z.object({
    qualificationId: z.string().uuid(),
    uscc: z.string().length(18),
    category: z.string(),
    grade: z.string(),
    validUntil: z.string().date(),
  }),
});
