import { resolverTypes } from '../../scripts/resolver-codegen';

// Parents are the domain's records: the loaders and the mutations both hand those to the type resolvers.
export default resolverTypes({
  serviceDir: __dirname,
  context: '../context#EnterpriseContext',
  mappers: {
    Enterprise: '../domain/enterprise#Enterprise',
    Project: '../domain/project#Project',
    ProjectParticipant: '../domain/project#Participant',
    ProjectStep: '../domain/lifecycle#ProjectStep',
    Qualification: '../domain/qualification#Qualification',
    Tender: '../domain/tender#Tender',
    Bid: '../domain/tender#Bid',
  },
});
