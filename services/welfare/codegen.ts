import { resolverTypes } from '../../scripts/resolver-codegen';

export default resolverTypes({
  serviceDir: __dirname,
  context: '../context#WelfareContext',
  mappers: {
    Complaint: '../resolvers/complaint#ComplaintRow',
    InjuryPolicy: '../domain/injury-insurance#InjuryPolicy',
  },
});
