export * from './envelope';
export * from './topics';
export * from './events/identity';
export * from './events/enterprise';
export * from './events/payroll';
export * from './events/welfare';
export { protoPath } from './proto';
export type { WorkerVerificationMessage } from './grpc-messages';
export { EVENT_CATALOGUE } from './events/catalogue';
