import { appendToOutbox, conflict, requireKind, requireRegion, requireScope, SCOPES } from '@yikatong/platform';
import { registerEnterprise } from '../domain/enterprise';
import { blacklistMutations } from './blacklist-mutations';
import { lifecycleMutations } from './lifecycle-mutations';
import { projectMutations } from './project-mutations';
import { recordMutations } from './record-mutations';
import { tenderMutations } from './tender-mutations';
import type { MutationResolvers } from '../generated/resolvers';

export const Mutation = {
  ...projectMutations,
  ...lifecycleMutations,
  ...tenderMutations,
  ...recordMutations,
  ...blacklistMutations,
  registerEnterprise: async (_, args, ctx) => {
    const principal = requireScope(requireKind(ctx.principal, 'PORTAL'), SCOPES.enterpriseRegister);
    const { enterprise, events } = registerEnterprise(args.input, principal.subject, ctx.clock.now());
    requireRegion(principal, enterprise.regionCode);
    const saved = await ctx.db.$transaction(async (tx) => {
      const existing = await tx.enterprise.findUnique({ where: { uscc: enterprise.uscc } });
      if (existing) throw conflict('ENTERPRISE_ALREADY_REGISTERED', `${enterprise.uscc} is already registered as ${existing.name}.`, 'uscc');
      const created = await tx.enterprise.create({ data: enterprise });
      await appendToOutbox(tx, events);
      return created;
    });
    ctx.nudgeOutbox();
    return saved;
  },
} satisfies MutationResolvers;
