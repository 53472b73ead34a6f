import { dateTimeScalar } from '@yikatong/platform';
import { Enterprise } from './enterprise';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers = { DateTime: dateTimeScalar, Query, Mutation, Enterprise };
