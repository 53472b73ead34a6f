import { dateScalar, dateTimeScalar, moneyScalar } from '@yikatong/platform';
import { Complaint, complaintQueries } from './complaint';
import { complaintMutations } from './complaint-mutations';
import { InjuryPolicy, insuranceMutations, insuranceQueries } from './insurance';
import { Query } from './query';
import { AwardRound, schemeAwardMutations, schemeAwardQueries } from './schemes-awards';
import { ServiceCentre } from './service-centre';
import { serviceWindowMutations, serviceWindowQueries, ServiceRequestType } from './service-windows';
import { trainingQueries } from './training';
import { trainingMutations } from './training-mutations';
import type { Resolvers } from '../generated/resolvers';

export const resolvers = {
  Money: moneyScalar,
  Date: dateScalar,
  DateTime: dateTimeScalar,
  Query: { ...Query, ...insuranceQueries, ...complaintQueries, ...trainingQueries, ...serviceWindowQueries, ...schemeAwardQueries },
  Mutation: { ...insuranceMutations, ...complaintMutations, ...trainingMutations, ...serviceWindowMutations, ...schemeAwardMutations },
  ServiceCentre,
  InjuryPolicy,
  Complaint,
  ServiceRequest: ServiceRequestType,
  AwardRound,
} satisfies Resolvers;
