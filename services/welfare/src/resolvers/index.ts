import { dateScalar, dateTimeScalar, moneyScalar } from '@yikatong/platform';
import { InjuryPolicy, insuranceMutations, insuranceQueries } from './insurance';
import { Query } from './query';
import { ServiceCentre } from './service-centre';

export const resolvers = {
  Money: moneyScalar,
  Date: dateScalar,
  DateTime: dateTimeScalar,
  Query: { ...Query, ...insuranceQueries },
  Mutation: insuranceMutations,
  ServiceCentre,
  InjuryPolicy,
};
