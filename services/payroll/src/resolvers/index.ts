import { Query } from './query';
import { dateScalar, moneyScalar } from './scalars';

export const resolvers = { Money: moneyScalar, Date: dateScalar, Query };
