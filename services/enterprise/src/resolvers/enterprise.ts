import { z } from 'zod';
import { connection, cursorKeys, hasUsccShape, pageRequest, withheldFrom, type PageArgs } from '@yikatong/platform';
import type { EnterpriseContext } from '../context';
import { depositRateInputs } from '../domain/credit';
import type { Enterprise as EnterpriseRow } from '../domain/enterprise';
import { daysUntil, isValidOn } from '../domain/qualification';
import { visibleEnterprise } from './access';
import type { EnterpriseResolvers, QualificationResolvers } from '../generated/resolvers';

/**
 * A bank sees of an enterprise what paying needs: who it is (as on its business licence), whether it
 * may bid and the arrears warnings against it, which are public facts for banks. Its credit record,
 * the people behind it, its listings (which name them), qualifications, verdict history and the
 * inputs of its deposit rate are not a bank's business.
 */
const notForBanks = (what: string) => `${what} are not shown to banks: a bank sees an enterprise's identity, its bidding verdict and its arrears warnings.`;

const historyKey = z.tuple([cursorKeys.instant, cursorKeys.uuid]);
const historyCursor = (change: { at: Date; id: string }) => [change.at.toISOString(), change.id];

export const Enterprise = {
  __resolveReference: async (reference, ctx) =>
    hasUsccShape(reference.uscc) ? visibleEnterprise(ctx.principal, await ctx.enterpriseByUscc.load(reference.uscc)) : null,
  biddingEligibility: (enterprise, _, ctx) => ctx.verdictByUscc.load(enterprise.uscc),
  blacklistListings: withheldFrom(['BANK'], notForBanks('Dishonesty-list listings (they name responsible persons)'), (enterprise, _, ctx) =>
    ctx.listingsByUscc.load(enterprise.uscc),
  ),
  qualifications: withheldFrom(['BANK'], notForBanks('Qualification certificates'), (enterprise, _, ctx) => ctx.qualificationsByUscc.load(enterprise.uscc)),
  responsiblePersons: withheldFrom(['BANK'], notForBanks('Responsible persons'), async (enterprise, _, ctx) =>
    (await ctx.responsiblePersonsByUscc.load(enterprise.uscc)).map((person) => ({ ...person, person: { __typename: 'Worker', id: person.personId } })),
  ),
  creditRecords: withheldFrom(['BANK'], notForBanks('Credit records'), (enterprise, _, ctx) => ctx.creditByUscc.load(enterprise.uscc)),
  arrearsWarnings: async (enterprise: EnterpriseRow, args: { open?: boolean | null }, ctx: EnterpriseContext) => {
    const warnings = await ctx.warningsByUscc.load(enterprise.uscc);
    return typeof args.open === 'boolean' ? warnings.filter((warning) => (warning.clearedAt === null) === args.open) : warnings;
  },
  eligibilityHistory: withheldFrom(
    ['BANK'],
    notForBanks('Past bidding verdicts'),
    async (enterprise: EnterpriseRow, args: PageArgs, ctx: EnterpriseContext) => {
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
  ),
  depositRateInputs: withheldFrom(['BANK'], notForBanks('Deposit-rate inputs'), async (enterprise, _, ctx) => {
    const [credit, warnings, listings] = await Promise.all([
      ctx.creditByUscc.load(enterprise.uscc),
      ctx.warningsByUscc.load(enterprise.uscc),
      ctx.listingsByUscc.load(enterprise.uscc),
    ]);
    return depositRateInputs({
      registeredAt: enterprise.registeredAt,
      credit,
      listings,
      now: ctx.clock.now(),
      redWarningsRaisedAt: warnings.filter((warning) => warning.colour === 'RED').map((warning) => warning.raisedAt),
    });
  }),
} satisfies EnterpriseResolvers;

export const Qualification = {
  valid: (qualification, _, ctx) => isValidOn(qualification, ctx.clock.today()),
  expiresInDays: (qualification, _, ctx) => daysUntil(qualification.validUntil, ctx.clock.today()),
} satisfies QualificationResolvers;
