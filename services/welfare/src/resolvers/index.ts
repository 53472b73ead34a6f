import { dateScalar, dateTimeScalar, moneyScalar } from '@yikatong/platform';
import { Complaint, complaintQueries } from './complaint';
import { complaintMutations } from './complaint-mutations';
import { InjuryPolicy, insuranceMutations, insuranceQueries } from './insurance';
import { Query } from './query';
import { ServiceCentre } from './service-centre';
import { trainingQueries } from './training';
import { trainingMutations } from './training-mutations';

export const resolvers = {
  Money: moneyScalar,
  Date: dateScalar,
  DateTime: dateTimeScalar,
  Query: { ...Query, ...insuranceQueries, ...complaintQueries, ...trainingQueries },
  Mutation: { ...insuranceMutations, ...complaintMutations, ...trainingMutations },
  ServiceCentre,
  InjuryPolicy,
  Complaint,
};
