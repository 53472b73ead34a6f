import { dateScalar, dateTimeScalar, moneyScalar } from '@yikatong/platform';
import { Query } from './query';
import { wageAccountMutations } from './wage-account-mutations';

export const resolvers = { Money: moneyScalar, Date: dateScalar, DateTime: dateTimeScalar, Query, Mutation: wageAccountMutations };
