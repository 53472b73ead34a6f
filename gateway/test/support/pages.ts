import { SCOPES, type TokenClaims } from '@yikatong/platform';

/**
 * The operations behind real portal, dashboard, enterprise, bank and worker pages, at the page
 * sizes those pages ask for: the cost model (src/cost.ts) is calibrated so each of them passes,
 * with room for a page to grow, while an abusive operation does not.
 */
export interface Page {
  name: string;
  caller: TokenClaims;
  query: string;
  variables: Record<string, unknown>;
}

const REGION = '130500';
const PROJECT = '00000000-0000-4000-8000-000000000001';
const PORTAL: TokenClaims = {
  sub: 'pages-portal',
  kind: 'PORTAL',
  dept: 'HOUSING_CONSTRUCTION',
  regions: [REGION],
  scope: [SCOPES.piiRead, SCOPES.enterpriseRegister, SCOPES.auditRead].join(' '),
};
const DASHBOARD: TokenClaims = { sub: 'pages-dashboard', kind: 'ANALYTICS', regions: [REGION] };

/** The page the issue measured: enterprises, workers and projects of a region, 100 of each. */
const dashboard = (first: string) => `query Dashboard($region: String!${first === '$first' ? ', $first: Int!' : ''}) {
      enterprises(regionCode: $region, first: ${first}) {
        nodes { uscc name type regionCode biddingEligibility { eligible reasons { code message source since } } realNameCards { number status } }
        pageInfo { hasNextPage endCursor }
      }
      workers(filter: { regionCode: $region }, first: ${first}) {
        nodes { id name idNumber phone trade { code name } regionCode skillLevel safetyTrainedOn realNameCard { number status } }
        pageInfo { hasNextPage endCursor }
      }
      projects(regionCode: $region, first: ${first}) {
        nodes { id name regionCode stage contractValue startDate plannedEndDate generalContractor { uscc name } participants { uscc role } safeguards { kind detail at } }
        pageInfo { hasNextPage endCursor }
      }
    }`;

export const PAGES: readonly Page[] = [
  { name: 'region dashboard (first: 100)', caller: PORTAL, query: dashboard('100'), variables: { region: REGION } },
  { name: 'region dashboard (first: $first = 100)', caller: PORTAL, query: dashboard('$first'), variables: { region: REGION, first: 100 } },
  {
    name: 'region statistics and open warnings',
    caller: DASHBOARD,
    query: `query Statistics($region: String!) {
      enterpriseStatistics(regionCode: $region) { enterprises eligible ineligible byReason { key count } byType { key count } projectsByStage { key count } }
      identityStatistics(regionCode: $region, from: "2026-01", to: "2026-12") { registeredWorkers activeEnrolments attendance { period workers workerDays } }
      payrollStatistics(regionCode: $region) { periods { period due paid workersPaid } warnings { month colour raised open } }
      complaintStatistics(regionCode: $region) { byStage { category stage count overdue } }
      arrearsWarnings(regionCode: $region, first: 100) { nodes { id colour projectId uscc ruleCode message raisedAt } pageInfo { hasNextPage endCursor } }
    }`,
    variables: { region: REGION },
  },
  {
    name: 'an enterprise on the portal',
    caller: PORTAL,
    query: `query Enterprise($uscc: ID!) {
      enterprise(uscc: $uscc) {
        uscc name type regionCode legalRepresentative registeredAt
        biddingEligibility { eligible reasons { code message source since } }
        qualifications { category grade certificateNumber validUntil valid expiresInDays }
        blacklistListings { reason authority listedAt until status }
        creditRecords { kind category description at }
        responsiblePersons { personId since }
        arrearsWarnings(open: true) { colour ruleCode message raisedAt }
        eligibilityHistory(first: 20) { nodes { eligible reasonCodes cause at } pageInfo { hasNextPage endCursor } }
        realNameCards { number status issuedAt history { action toStatus reason authority at } }
      }
    }`,
    variables: { uscc: '91130500MA0000001X' },
  },
  {
    name: 'a project with its wage accounts, sheets and ledger',
    caller: PORTAL,
    query: `query Project($id: ID!) {
      project(id: $id) {
        id name stage contractValue labourCostSharePercent
        participants { uscc role parentUscc enterprise { name biddingEligibility { eligible } } }
        steps { from to status requestedAt reviewedAt }
        tenders { title status closesAt bids { uscc price } }
        safeguards { kind detail source at }
      }
      wageAccounts(projectId: $id) { id bankName accountNumber status openedAt }
      wageSheets(projectId: $id, first: 20) { nodes { id period cycle status lineCount totalGross totalNet dueOn } pageInfo { hasNextPage endCursor } }
      projectLedger(projectId: $id) { balances { account balance } }
    }`,
    variables: { id: PROJECT },
  },
  {
    name: 'a wage sheet with 100 lines',
    caller: PORTAL,
    query: `query Sheet($id: ID!) {
      wageSheet(id: $id) {
        id period status totalGross totalNet
        lines(first: 100) { nodes { workerId holderName idNumberMasked days hours basePay gross net additions { kind label amount } deductions { kind label amount } warnings { code message } payment { status } } pageInfo { hasNextPage endCursor } }
      }
    }`,
    variables: { id: PROJECT },
  },
  {
    name: "a worker's own page",
    caller: { sub: '00000000-0000-4000-8000-000000000002', kind: 'WORKER' },
    query: `{
      me { name trade { name } realNameCard { number status } wageCard { bankCode } enrolments { projectId employerUscc status startDate } training { programme hours completedAt } }
      myPayslips(first: 12) { nodes { period net payment { status } } pageInfo { hasNextPage endCursor } }
      myComplaints(first: 20) { nodes { stage result handlerDept } }
    }`,
    variables: {},
  },
];
