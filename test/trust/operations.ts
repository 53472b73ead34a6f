import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { ROOT } from '../support/system';
import { ACCOUNT_BANK, GC, OTHER_WORKER, OTHER_WORKER_REGISTRATION, SUB, WORKER, type Fixture } from './fixture';

export const supergraph: GraphQLSchema = buildASTSchema(parse(readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8')), {
  assumeValidSDL: true,
});

export type Subgraph = 'identity' | 'enterprise' | 'payroll' | 'welfare';

/** One operation of the system: a root field of the graph, an entity a subgraph resolves for `_entities`, or a gRPC method. */
export type Operation =
  | { kind: 'graph'; name: string; document: string; variables: (fixture: Fixture) => Record<string, unknown> }
  | { kind: 'entity'; name: string; subgraph: Subgraph; document: string; representation: (fixture: Fixture) => Record<string, unknown> }
  | { kind: 'grpc'; name: string; service: string; method: string; protoFile: string };

/** What the purpose argument of a personal-data field says when a row asks for it unmasked. */
const PURPOSE = '劳动保障监察：核对欠薪名单';

/**
 * The value an argument or input field takes, by `Parent.field` first, then by its name: each
 * names the fixture's object, so a refusal is about the caller and never about a missing object.
 */
const VALUES: Record<string, (f: Fixture) => unknown> = {
  'recordTrainingHours.enrolmentId': (f) => f.trainingEnrolmentId,
  'completeTraining.enrolmentId': (f) => f.trainingEnrolmentId,
  'ChangeWageCardInput.cardNumber': () => WORKER.cardNumber,
  'RegisterWorkerInput.idNumber': () => OTHER_WORKER.idNumber,
  'RegisterWorkerInput.name': () => OTHER_WORKER.name,
  'RegisterEnterpriseInput.uscc': () => GC,
  'IssueResponsiblePersonCardInput.enterpriseUscc': () => SUB,
  'ListOnBlacklistInput.uscc': () => SUB,
  'RecordCreditInput.uscc': () => SUB,
  'RemoveFromBlacklistInput.uscc': () => SUB,
  'AddSubcontractorInput.uscc': () => SUB,
  'FileComplaintInput.employerUscc': () => SUB,
  'EnrolWorkerInput.employerUscc': () => SUB,
  uscc: () => GC,
  employerUscc: () => SUB,
  generalContractorUscc: () => GC,
  parentUscc: () => GC,
  enterpriseUscc: () => SUB,
  idNumber: () => WORKER.idNumber,
  name: () => WORKER.name,
  number: (f) => f.cardNumber,
  cardNumber: (f) => f.cardNumber,
  projectId: (f) => f.projectId,
  workerId: (f) => f.workerId,
  workerIds: (f) => [f.workerId],
  enrolmentId: (f) => f.enrolmentId,
  tenderId: (f) => f.tenderId,
  accountId: (f) => f.accountId,
  sheetId: (f) => f.sheetId,
  lineId: (f) => f.lineId,
  drawdownId: (f) => f.drawdownId,
  complaintId: (f) => f.complaintId,
  sessionId: (f) => f.sessionId,
  providerId: (f) => f.providerId,
  programmeId: (f) => f.programmeId,
  requestId: (f) => f.serviceRequestId,
  typeCode: (f) => f.serviceTypeCode,
  schemeCode: (f) => f.schemeCode,
  roundId: (f) => f.roundId,
  regionCode: () => '130502',
  period: (f) => f.period,
  periodFrom: (f) => f.period,
  periodTo: (f) => f.period,
  from: (f) => f.period,
  to: (f) => f.period,
  year: (f) => f.year,
  on: (f) => f.today,
  day: (f) => f.today,
  startDate: (f) => f.today,
  endDate: (f) => f.today,
  bankCode: () => ACCOUNT_BANK,
  phone: () => OTHER_WORKER.phone,
};

/**
 * Whole arguments of mutations whose inputs the names above cannot make valid: a caller allowed to
 * call them gets past their checks, so a refusal can only be about who is asking.
 */
const INPUTS: Record<string, (f: Fixture) => Record<string, unknown>> = {
  appointLabourWageOfficer: (f) => ({ input: { projectId: f.projectId, name: '孙丽', phone: '0319-2345678' } }),
  requestProjectStep: (f) => ({ input: { projectId: f.projectId, to: 'AWARDED', details: { noticeNumber: '冀邢招2026-501' } } }),
  reviewProjectStep: (f) => ({ input: { stepId: f.stepId, approve: false, comment: '材料不全' } }),
  fileComplaint: (f) => ({
    input: {
      category: 'WAGE_ARREARS',
      employerUscc: SUB,
      projectId: f.projectId,
      periodFrom: f.period,
      periodTo: f.period,
      amountClaimed: '80000',
      workersAffected: 1,
      description: '上月工资未发',
      handlerDepartment: 'HOUSING_CONSTRUCTION',
    },
  }),
  forwardComplaint: (f) => ({ complaintId: f.complaintId, toDepartment: 'LABOUR_INSPECTION', reason: '欠薪由劳动监察处理' }),
  advanceComplaint: (f) => ({ complaintId: f.complaintId, to: 'ACCEPTED' }),
  registerTrainingProvider: () => ({ input: { name: '邢台技工学校', kind: 'SCHOOL', regionCode: '130502' } }),
  defineTrainingProgramme: (f) => ({
    input: { providerId: f.providerId, name: '钢筋工初级', kind: 'SKILL', tradeCode: 'REBAR', skillLevel: 1, requiredHours: 16 },
  }),
  defineWelfareScheme: () => ({ input: { code: 'LEGAL_AID_2027', name: '法律援助', kind: 'LEGAL_AID', regionCode: '130502', rules: [] } }),
  openAwardRound: (f) => ({ input: { kind: 'OUTSTANDING_WORKER', year: f.year, regionCode: '130500', quota: 1 } }),
  defineServiceType: () => ({ input: { code: 'INJURY_HELP', name: '工伤咨询', department: 'HOUSING_CONSTRUCTION', deadlineWorkingDays: 3 } }),
  buyInjuryInsurance: (f) => ({
    input: { projectId: f.projectId, insurer: '中国人寿财产保险邢台分公司', policyNumber: 'GS-MATRIX-0002', premium: '960000', rateBp: 50, coverFrom: f.today },
  }),
  registerWorker: () => ({
    input: OTHER_WORKER_REGISTRATION,
  }),
};

/** The `id` argument of a root field names the fixture's object of the type it returns. */
const IDS_BY_TYPE: Record<string, (f: Fixture) => string> = {
  Tender: (f) => f.tenderId,
  Project: (f) => f.projectId,
  WageSheet: (f) => f.sheetId,
  Complaint: (f) => f.complaintId,
  AwardRound: (f) => f.roundId,
  Worker: (f) => f.workerId,
};

function valueFor(owner: string, name: string, type: GraphQLInputType, fixture: Fixture): unknown {
  const known = VALUES[`${owner}.${name}`] ?? VALUES[name];
  if (known) {
    const value = known(fixture);
    const inner = isNonNullType(type) ? type.ofType : type;
    return isListType(inner) && !Array.isArray(value) ? [value] : value;
  }
  return filler(type, fixture);
}

/** A value of the type that its own checks accept: required fields only, each by its name where known. */
function filler(type: GraphQLInputType, fixture: Fixture): unknown {
  if (isNonNullType(type)) return filler(type.ofType, fixture);
  if (isListType(type)) return [filler(type.ofType, fixture)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, valueFor(type.name, field.name, field.type, fixture)]),
    );
  }
  if (!isScalarType(type)) throw new Error(`no filler for ${String(type)}`);
  if (type.name === 'ID') return randomUUID();
  return (
    ({ Int: 1, Float: 1, Boolean: false, Money: '100', Date: fixture.today, DateTime: `${fixture.today}T02:00:00.000Z` } as Record<string, unknown>)[
      type.name
    ] ?? '矩阵测试'
  );
}

/** Every scalar of the type, and one level of its objects' scalars (the nested paths a caller can take). */
function selection(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const purpose = field.args.some((arg) => arg.name === 'purpose') ? `(purpose: ${JSON.stringify(PURPOSE)})` : '';
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (depth > 0) parts.push(`${field.name} { ${selection(named, depth - 1)} }`);
    } else {
      parts.push(`${field.name}${purpose}`);
    }
  }
  return parts.join(' ');
}

function graphOperation(root: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Operation {
  const args = field.args.filter((arg) => isNonNullType(arg.type) || arg.name === 'on' || (root === 'mutation' && INPUTS[field.name]));
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = getNamedType(field.type);
  const fields = isObjectType(returned) ? ` { ${selection(returned, root === 'query' ? 2 : 0)} }` : '';
  return {
    kind: 'graph',
    name: `${root === 'query' ? 'Query' : 'Mutation'}.${field.name}`,
    document: `${root} Matrix${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${fields} }`,
    variables: (fixture) =>
      INPUTS[field.name]?.(fixture) ??
      Object.fromEntries(
        args.map((arg) => [
          arg.name,
          arg.name === 'id' && IDS_BY_TYPE[returned.name] ? IDS_BY_TYPE[returned.name]!(fixture) : valueFor(field.name, arg.name, arg.type, fixture),
        ]),
      ),
  };
}

/** Types a subgraph resolves by key (`@join__type(graph: X, key: ...)` not marked resolvable: false). */
function entityOperations(): Operation[] {
  const text = readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
  const operations: Operation[] = [];
  for (const match of text.matchAll(/^type (\w+)([\s\S]*?)\{/gm)) {
    const [, typeName, directives] = match;
    for (const join of directives!.matchAll(/@join__type\(graph: (\w+), key: "([^"]+)"([^)]*)\)/g)) {
      const [, graph, key, rest] = join;
      if (/resolvable: false/.test(rest!)) continue;
      const subgraph = graph!.toLowerCase() as Subgraph;
      const type = supergraph.getType(typeName!)!;
      operations.push({
        kind: 'entity',
        name: `${typeName}@${subgraph}`,
        subgraph,
        document: `query Matrix($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { ${ownedSelection(type, subgraph)} } } }`,
        representation: (fixture) => ({ __typename: typeName, ...ENTITY_KEYS[typeName!]!(fixture, key!) }),
      });
    }
  }
  return operations;
}

/** Whether the subgraph resolves this field of the type (a field without @join__field belongs to every graph of its type). */
function ownedBy(field: GraphQLField<unknown, unknown>, subgraph: Subgraph): boolean {
  const joins = field.astNode?.directives?.filter((directive) => directive.name.value === 'join__field') ?? [];
  const graphs = joins
    .map((directive) => directive.arguments?.find((arg) => arg.name.value === 'graph')?.value)
    .map((value) => (value && 'value' in value ? String(value.value).toLowerCase() : ''));
  return (joins.length === 0 || graphs.includes(subgraph)) && !field.args.some((arg) => isNonNullType(arg.type));
}

/** The type's fields the subgraph itself resolves, with one level of the objects it returns (what an `_entities` call to it can show). */
function ownedSelection(type: GraphQLNamedType, subgraph: Subgraph, depth = 1): string {
  if (!isObjectType(type)) return '__typename';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields()).filter((candidate) => ownedBy(candidate, subgraph))) {
    const named = getNamedType(field.type);
    if (isObjectType(named)) {
      if (depth > 0) parts.push(`${field.name} { ${ownedSelection(named, subgraph, depth - 1)} }`);
    } else {
      parts.push(`${field.name}${field.args.some((arg) => arg.name === 'purpose') ? `(purpose: ${JSON.stringify(PURPOSE)})` : ''}`);
    }
  }
  return parts.join(' ');
}

/** The fixture's object of each entity type, as its key fields. */
export const ENTITY_KEYS: Record<string, (f: Fixture, key: string) => Record<string, string>> = {
  Worker: (f) => ({ id: f.workerId }),
  Enterprise: () => ({ uscc: GC }),
  Project: (f) => ({ id: f.projectId }),
  Enrolment: (f) => ({ id: f.enrolmentId }),
  RealNameCard: (f) => ({ id: f.workerCardId }),
  ArrearsWarning: (f) => ({ id: f.warningId }),
  ServiceCentre: (f) => ({ id: f.centreId }),
};

/** Every method of every service in packages/contracts/proto. */
function grpcOperations(): Operation[] {
  const dir = path.join(ROOT, 'packages', 'contracts', 'proto');
  const operations: Operation[] = [];
  for (const area of readdirSync(dir)) {
    for (const file of readdirSync(path.join(dir, area)).filter((name) => name.endsWith('.proto'))) {
      const definition = protoLoader.loadSync(path.join(dir, area, file));
      for (const [service, methods] of Object.entries(definition)) {
        if (!('format' in methods) && typeof methods === 'object') {
          for (const method of Object.keys(methods))
            operations.push({ kind: 'grpc', name: `${service.split('.').at(-1)}.${method}`, service, method, protoFile: `${area}/${file}` });
        }
      }
    }
  }
  return operations;
}

/** The matrix's rows: every root field, every entity a subgraph resolves, every gRPC method. */
export function allOperations(): Operation[] {
  return [
    ...Object.values(supergraph.getQueryType()!.getFields()).map((field) => graphOperation('query', field)),
    ...entityOperations(),
    ...grpcOperations(),
    ...Object.values(supergraph.getMutationType()!.getFields()).map((field) => graphOperation('mutation', field)),
  ];
}
