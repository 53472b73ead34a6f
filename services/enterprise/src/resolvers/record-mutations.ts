import { z } from 'zod';
import { chinaDay, dayOf, parseInput, requireKind, requireScope, SCOPES } from '@yikatong/platform';
import { recordCredit } from '../domain/credit';
import { QUALIFICATION_GRADES, recordQualification } from '../domain/qualification';
import { lockEnterpriseInRegion } from '../store/locks';
import { findQualifications, saveQualification } from '../store/qualifications';
import type { MutationResolvers } from '../generated/resolvers';

const usccField = z.string().trim().toUpperCase();

const qualificationInput = z.object({
  uscc: usccField,
  category: z.string(),
  grade: z.enum(QUALIFICATION_GRADES),
  certificateNumber: z.string(),
  issuedBy: z.string(),
  validUntil: z.date().transform(dayOf),
});

const creditInput = z.object({ uscc: usccField, kind: z.enum(['GOOD', 'BAD']), category: z.string(), description: z.string() });

export const recordMutations = {
  /** A renewal of the same category replaces the certificate and lifts an expiry block at once. */
  recordQualification: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.enterpriseRegister);
    const input = parseInput(qualificationInput, args.input);
    const saved = await ctx.db.$transaction(async (tx) => {
      await lockEnterpriseInRegion(tx, principal, input.uscc);
      const now = ctx.clock.now();
      const existing = (await findQualifications(tx, [input.uscc])).find((held) => held.category === input.category.trim()) ?? null;
      const qualification = recordQualification(input, existing, chinaDay(now), principal.subject, now);
      await saveQualification(tx, qualification, now);
      return qualification;
    });
    ctx.nudgeOutbox();
    return saved;
  },

  recordCredit: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.creditRecord);
    const input = parseInput(creditInput, args.input);
    return ctx.db.$transaction(async (tx) => {
      await lockEnterpriseInRegion(tx, principal, input.uscc);
      const record = recordCredit(input, principal.subject, ctx.clock.now());
      await tx.creditRecord.create({ data: record });
      return record;
    });
  },
} satisfies MutationResolvers;
