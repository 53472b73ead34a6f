import { forbidden } from '../errors';
import type { Principal, PrincipalKind } from './principal';

type FieldResolver<Parent, Args, Context, Result> = (parent: Parent, args: Args, ctx: Context) => Result;

/**
 * A field some kinds of caller may not read although they may see the object that holds it (a bank
 * sees an enterprise it pays for, not its credit records): for them the field answers FORBIDDEN with
 * `message`, for everyone else what `resolve` answers. Refusing rather than answering an empty value
 * keeps a refusal from reading as a fact ("no credit records").
 */
export function withheldFrom<Parent, Args, Context extends { principal: Principal | null }, Result>(
  kinds: readonly PrincipalKind[],
  message: string,
  resolve: FieldResolver<Parent, Args, Context, Result>,
): FieldResolver<Parent, Args, Context, Result> {
  return (parent, args, ctx) => {
    if (ctx.principal && kinds.includes(ctx.principal.kind)) throw forbidden(message);
    return resolve(parent, args, ctx);
  };
}
