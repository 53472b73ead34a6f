export * from './envelope';
export * from './topics';
export * from './events/identity';
export * from './events/enterprise';
export { protoPath } from './proto';
