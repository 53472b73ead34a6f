import { dateScalar, dateTimeScalar, moneyScalar } from '@yikatong/platform';
import { Complaint, complaintQueries } from './complaint';
import { complaintMutations } from './complaint-mutations';
import { InjuryPolicy, insuranceMutations, insuranceQueries } from './insurance';
import { Query } from './query';
import { ServiceCentre } from './service-centre';

export const resolvers = {
  Money: moneyScalar,
  Date: dateScalar,
  DateTime: dateTimeScalar,
  Query: { ...Query, ...insuranceQueries, ...complaintQueries },
  Mutation: { ...insuranceMutations, ...complaintMutations },
  ServiceCentre,
  InjuryPolicy,
  Complaint,
};
