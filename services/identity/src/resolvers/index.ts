import { dateTimeScalar } from '@yikatong/platform';
import { Enterprise } from './enterprise';
import { Mutation } from './mutation';
import { Query } from './query';
import { RealNameCard } from './real-name-card';

export const resolvers = { DateTime: dateTimeScalar, Query, Mutation, RealNameCard, Enterprise };
