// The demo's city beyond the first project (npm start): projects in Xingtai's counties at every stage
// a project starts in, and complaints taken by the 12333 hotline at every stage of handling, so the
// dashboard's project, complaint and warning charts show a city rather than one site (complaints
// are for the seeded workers, by phone). Entered
// through the gateway as clerks would; each step looks first for what it would create.
import type { Clock } from '@yikatong/platform';

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

const COUNTIES = [
  ['130502', '襄都区'],
  ['130503', '信都区'],
  ['130505', '任泽区'],
  ['130506', '南和区'],
  ['130522', '临城县'],
  ['130525', '隆尧县'],
  ['130528', '宁晋县'],
  ['130529', '巨鹿县'],
  ['130533', '威县'],
  ['130534', '清河县'],
  ['130581', '南宫市'],
  ['130582', '沙河市'],
] as const;
const OFFICERS = ['周建华', '吴秀兰', '郑海军', '冯丽娟', '陈国庆', '褚红梅'] as const;
const KINDS = ['保障性住房', '中学教学楼', '人民医院门诊楼', '城区道路改造', '产业园标准厂房'] as const;

/** Where each demo complaint's handling stops: every stage of the queue, wage arrears mostly. */
const COMPLAINT_PATHS: ReadonlyArray<readonly string[]> = [
  [],
  [],
  ['ACCEPTED'],
  ['ACCEPTED', 'INVESTIGATING'],
  ['ACCEPTED', 'INVESTIGATING'],
  ['ACCEPTED', 'INVESTIGATING', 'VERIFIED'],
  ['REJECTED'],
  ['ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'RESOLVED'],
  ['ACCEPTED', 'INVESTIGATING', 'VERIFIED', 'RESOLVED', 'CLOSED'],
  ['REJECTED', 'CLOSED'],
];

export async function seedCity(bureau: Ask, hotline: Ask, clock: Clock, contractors: readonly string[], employers: readonly string[]): Promise<void> {
  const existing = new Set<string>(
    ((await bureau('query { projects(first: 100) { nodes { name } } }')).projects.nodes as Array<{ name: string }>).map((node) => node.name),
  );
  const projects: Array<{ id: string; uscc: string; regionCode: string }> = [];
  for (const [i, [regionCode, county]] of COUNTIES.entries()) {
    const name = `${county}${KINDS[i % KINDS.length]}项目`;
    if (existing.has(name)) continue;
    const generalContractorUscc = contractors[i % contractors.length]!;
    const registered = await bureau('mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }', {
      input: {
        name,
        regionCode,
        client: `${county}人民政府`,
        generalContractorUscc,
        contractValue: String((3 + (i % 7)) * 1_000_000_000),
        labourCostSharePercent: 20 + (i % 3) * 5,
        startDate: `${clock.period()}-01`,
      },
    });
    await bureau('mutation ($input: AppointLabourWageOfficerInput!) { appointLabourWageOfficer(input: $input) { id } }', {
      input: { projectId: registered.registerProject.id, name: OFFICERS[i % OFFICERS.length], phone: `1390319${String(2001 + i)}` },
    });
    projects.push({ id: registered.registerProject.id, uscc: employers[i % employers.length]!, regionCode });
  }
  if (projects.length === 0) return;
  const workers = ((await bureau('query { workers(first: 20) { nodes { id } } }')).workers.nodes as Array<{ id: string }>).map((node) => node.id);
  for (const [i, path] of COMPLAINT_PATHS.entries()) {
    const project = projects[i % projects.length]!;
    const filed = await hotline('mutation ($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }', {
      input: {
        category: i % 5 === 4 ? 'OTHER' : 'WAGE_ARREARS',
        workerId: workers[i % workers.length],
        employerUscc: project.uscc,
        projectId: project.id,
        regionCode: project.regionCode,
        amountClaimed: String((2 + i) * 450_000),
        workersAffected: 1 + (i % 6),
        description: ['班组长拖欠三个月工资', '春节前工资未结清', '工程款未到位，工资停发', '劳务公司负责人失联', '工资低于约定标准'][i % 5],
      },
    });
    for (const to of path) {
      await hotline(
        'mutation ($id: ID!, $to: String!, $note: String, $owed: Money) { advanceComplaint(complaintId: $id, to: $to, note: $note, amountOwed: $owed) { id } }',
        {
          id: filed.fileComplaint.id,
          to,
          note:
            to === 'REJECTED'
              ? '经核查，工资已按约定足额支付'
              : to === 'VERIFIED'
                ? '经查属实，责令限期支付'
                : to === 'RESOLVED'
                  ? '企业已足额支付拖欠工资'
                  : undefined,
          owed: to === 'VERIFIED' ? String((2 + i) * 400_000) : undefined,
        },
      );
    }
  }
}
