import { dateScalar, dateTimeScalar, moneyScalar } from '@yikatong/platform';
import { Enterprise } from './enterprise';
import { Mutation } from './mutation';
import { Project, ProjectParticipant } from './project';
import { Query } from './query';

export const resolvers = { DateTime: dateTimeScalar, Date: dateScalar, Money: moneyScalar, Query, Mutation, Enterprise, Project, ProjectParticipant };
