import { resolverTypes } from '../../scripts/resolver-codegen';

export default resolverTypes({
  serviceDir: __dirname,
  context: '../context#IdentityContext',
  mappers: {
    RealNameCard: '../domain/card#Card',
    Enrolment: '../domain/enrolment#Enrolment',
    Enterprise: '../resolvers/enterprise#EnterpriseReference',
    WageCard: '../resolvers/worker#WageCardParent',
    Worker: '../store/workers#WorkerRow',
  },
});
