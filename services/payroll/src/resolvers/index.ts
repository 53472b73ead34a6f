import { dateScalar, moneyScalar } from '@yikatong/platform';
import { Query } from './query';

export const resolvers = { Money: moneyScalar, Date: dateScalar, Query };
