import { Query } from './query';
import { ServiceCentre } from './service-centre';

export const resolvers = { Query, ServiceCentre };
