import { scalarResolvers } from '@yikatong/platform';
import { Enterprise, Qualification } from './enterprise';
import { Mutation } from './mutation';
import { Project, ProjectParticipant, ProjectStep } from './project';
import { Query } from './query';
import { Bid, Tender } from './tender';
import type { Resolvers } from '../generated/resolvers';

export const resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  Enterprise,
  Qualification,
  Project,
  ProjectParticipant,
  ProjectStep,
  Tender,
  Bid,
} satisfies Resolvers;
