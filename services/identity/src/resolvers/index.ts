import { scalarResolvers } from '@yikatong/platform';
import { Enrolment } from './enrolment';
import { Enterprise } from './enterprise';
import { Mutation } from './mutation';
import { Query } from './query';
import { RealNameCard } from './real-name-card';
import { TrainingRecord, WageCard, Worker } from './worker';
import type { Resolvers } from '../generated/resolvers';

export const resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  RealNameCard,
  Enterprise,
  Worker,
  WageCard,
  TrainingRecord,
  Enrolment,
} satisfies Resolvers;
