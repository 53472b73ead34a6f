import { z } from 'zod';
import { connection, cursorKeys, hasUsccShape, pageRequest, type PageArgs } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { depositRateInputs } from '../domain/credit';
import type { Enterprise as EnterpriseRow } from '../domain/enterprise';
import { daysUntil, isValidOn, type Qualification as QualificationRow } from '../domain/qualification';
import { visibleEnterprise } from './access';

const historyKey = z.tuple([cursorKeys.instant, cursorKeys.uuid]);
const historyCursor = (change: { at: Date; id: string }) => [change.at.toISOString(), change.id];

export const Enterprise = {
  __resolveReference: async (reference: { uscc: string }, ctx: EnterpriseContext) =>
    (hasUsccShape(reference.uscc) ? visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(reference.uscc)) : null),
  biddingEligibility: (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => ctx.verdictByUscc.load(enterprise.uscc),
  blacklistListings: (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => ctx.listingsByUscc.load(enterprise.uscc),
  qualifications: (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => ctx.qualificationsByUscc.load(enterprise.uscc),
  responsiblePersons: async (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) =>
    (await ctx.responsiblePersonsByUscc.load(enterprise.uscc)).map((person) => ({ ...person, person: { __typename: 'Worker', id: person.personId } })),
  creditRecords: (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => ctx.creditByUscc.load(enterprise.uscc),
  arrearsWarnings: async (enterprise: EnterpriseRow, args: { open?: boolean | null }, ctx: EnterpriseContext) => {
    const warnings = await ctx.warningsByUscc.load(enterprise.uscc);
    return typeof args.open === 'boolean' ? warnings.filter((warning) => (warning.clearedAt === null) === args.open) : warnings;
  },
  eligibilityHistory: async (enterprise: EnterpriseRow, args: PageArgs, ctx: EnterpriseContext) => {
    const { take, after } = pageRequest(args, historyKey);
    const rows = await ctx.db.eligibilityChange.findMany({
      where: {
        uscc: enterprise.uscc,
        ...(after ? { OR: [{ at: { lt: after[0] } }, { at: after[0], id: { lt: after[1] } }] } : {}),
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: take + 1,
    });
    return connection(rows, take, historyCursor);
  },
  depositRateInputs: async (enterprise: EnterpriseRow, _: unknown, ctx: EnterpriseContext) => {
    const [credit, warnings, listings] = await Promise.all([
      ctx.creditByUscc.load(enterprise.uscc), ctx.warningsByUscc.load(enterprise.uscc), ctx.listingsByUscc.load(enterprise.uscc),
    ]);
    return depositRateInputs({
      registeredAt: enterprise.registeredAt, credit, listings, now: ctx.clock.now(),
      redWarningsRaisedAt: warnings.filter((warning) => warning.colour === 'RED').map((warning) => warning.raisedAt),
    });
  },
};

export const Qualification = {
  valid: (qualification: QualificationRow, _: unknown, ctx: EnterpriseContext) => isValidOn(qualification, ctx.clock.today()),
  expiresInDays: (qualification: QualificationRow, _: unknown, ctx: EnterpriseContext) => daysUntil(qualification.validUntil, ctx.clock.today()),
};
