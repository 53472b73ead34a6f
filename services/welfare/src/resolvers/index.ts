import { scalarResolvers } from '@yikatong/platform';
import { Complaint, complaintQueries } from './complaint';
import { complaintMutations } from './complaint-mutations';
import { InjuryPolicy, insuranceQueries } from './insurance';
import { insuranceMutations } from './insurance-mutations';
import { Query } from './query';
import { AwardRound, schemeAwardQueries } from './schemes-awards';
import { schemeAwardMutations } from './schemes-awards-mutations';
import { ServiceCentre } from './service-centre';
import { serviceWindowQueries, ServiceRequestType } from './service-windows';
import { serviceWindowMutations } from './service-windows-mutations';
import { trainingQueries } from './training';
import { trainingMutations } from './training-mutations';
import type { Resolvers } from '../generated/resolvers';

export const resolvers = {
  ...scalarResolvers,
  Query: { ...Query, ...insuranceQueries, ...complaintQueries, ...trainingQueries, ...serviceWindowQueries, ...schemeAwardQueries },
  Mutation: { ...insuranceMutations, ...complaintMutations, ...trainingMutations, ...serviceWindowMutations, ...schemeAwardMutations },
  ServiceCentre,
  InjuryPolicy,
  Complaint,
  ServiceRequest: ServiceRequestType,
  AwardRound,
} satisfies Resolvers;
