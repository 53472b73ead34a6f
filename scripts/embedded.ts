// `npm start`: the whole system in one process with nothing installed but Node. Each service gets
// its own embedded PostgreSQL (PGlite, data under .data/embedded/<service>) served over the
// PostgreSQL wire protocol on loopback; events travel on the in-memory bus; demo data is seeded
// through the gateway on first start.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import {
  addMonthsToDay,
  clockFromConfig,
  instantPlusDays,
  InMemoryEventBus,
  loadPlatformConfig,
  mintToken,
  SCOPES,
  type Clock,
  type RunningService,
  type TokenClaims,
} from '@yikatong/platform';
import { createEnterpriseService } from '../services/enterprise/src/service';
import { loadEnterpriseConfig } from '../services/enterprise/src/config';
import { usccCheckCharacter } from '../services/enterprise/src/domain/uscc';
import { createIdentityService } from '../services/identity/src/service';
import { loadIdentityConfig } from '../services/identity/src/config';
import { residentIdCheckCharacter } from '../services/identity/src/domain/resident-id';
import { createPayrollService } from '../services/payroll/src/service';
import { loadPayrollConfig } from '../services/payroll/src/config';
import { createWelfareService } from '../services/welfare/src/service';
import { loadWelfareConfig } from '../services/welfare/src/config';
import { createGateway } from '../gateway/src/gateway';
import { loadGatewayConfig } from '../gateway/src/config';
import { serveWebApp } from '../web/server/web-server';
import { seedCity, type CityServices } from './demo-city';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.resolve(process.env.EMBEDDED_DATA_DIR ?? path.join(ROOT, '.data', 'embedded'));
const SERVICES = ['identity', 'enterprise', 'payroll', 'welfare'] as const;
// Below Linux's ephemeral range (32768–60999), where an outgoing connection may already hold the port.
const FIRST_DB_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 25431);
const WEB_PORT = Number(process.env.WEB_PORT ?? 4100);
/** How long the printed demo tokens last (a development setting: production caps tokens at JWT_MAX_TOKEN_AGE, 12h by default). */
const DEMO_TOKEN_TTL = '30d';

type Run = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function startDatabase(service: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  mkdirSync(path.join(DATA, service), { recursive: true });
  const db = await PGlite.create(path.join(DATA, service));
  const { applyMigrations } = (await import(path.join(ROOT, 'scripts', 'lib', 'migrations.mjs'))) as {
    applyMigrations(run: Run, dir: string): Promise<string[]>;
  };
  const run: Run = async (sql, params) =>
    params ? (await db.query<Record<string, unknown>>(sql, params)).rows : (((await db.exec(sql)).at(-1)?.rows ?? []) as Array<Record<string, unknown>>);
  await applyMigrations(run, path.join(ROOT, 'services', service, 'prisma', 'migrations'));
  // One connection: PGlite has one backend, and queries of several connections would interleave transactions.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 1 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

const XINGTAI = [
  { name: '邢台建工集团有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130502', legalRepresentative: '王建国' },
  { name: '邢台路桥建设有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130503', legalRepresentative: '刘志强' },
  { name: '河北顺德劳务有限公司', type: 'LABOUR_SERVICE', regionCode: '130521', legalRepresentative: '陈立新' },
  { name: '邢台宏远建筑工程分包有限公司', type: 'SUBCONTRACTOR', regionCode: '130502', legalRepresentative: '赵海涛' },
  // The city's other general contractors (demo-city's projects are theirs and the first two's).
  { name: '河北任泽建设集团有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130505', legalRepresentative: '孙立军' },
  { name: '南和区城建工程有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130506', legalRepresentative: '周红梅' },
  { name: '临城县鑫达建筑工程有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130522', legalRepresentative: '吴国庆' },
  { name: '隆尧县宏基建设有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130525', legalRepresentative: '郑海军' },
  { name: '宁晋县盛华建筑安装有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130528', legalRepresentative: '冯志强' },
  { name: '巨鹿县恒通建设工程有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130529', legalRepresentative: '陈丽娟' },
  { name: '威县广厦建筑有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130533', legalRepresentative: '褚建华' },
  { name: '清河县永安建设集团有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130534', legalRepresentative: '卫东升' },
  { name: '南宫市华远建筑工程有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130581', legalRepresentative: '蒋秀英' },
  { name: '沙河市中建联合工程有限公司', type: 'GENERAL_CONTRACTOR', regionCode: '130582', legalRepresentative: '沈志刚' },
] as const;

function demoUscc(n: number): string {
  const body = `91130500MA0${String(n).padStart(6, '0')}`;
  return body + usccCheckCharacter(body);
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(`seeding failed: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data;
}

/**
 * Demo data through the gateway, as a clerk would enter it: four Xingtai enterprises (one card frozen)
 * with qualifications, a project with an open tender, three workers. Every step first looks for what
 * it would create, so a start stopped half-way through seeding finishes the seed on the next start.
 */
async function seed(gatewayUrl: string, portalToken: string, clock: Clock, services: Pick<CityServices, 'payroll' | 'welfare'>) {
  const ask = (query: string, variables: Record<string, unknown> = {}) => graphql(gatewayUrl, portalToken, query, variables);
  const qualifications = [
    ['建筑工程施工总承包', 'FIRST'],
    ['市政公用工程施工总承包', 'SECOND'],
    ['施工劳务', 'UNGRADED'],
    ['建筑装修装饰工程专业承包', 'SECOND'],
    ['建筑工程施工总承包', 'SECOND'],
  ] as const;
  for (const [i, enterprise] of XINGTAI.entries()) {
    const uscc = demoUscc(i + 1);
    const found = await ask('query ($uscc: ID!) { enterprise(uscc: $uscc) { uscc qualifications { id } } }', { uscc });
    if (!found.enterprise)
      await ask('mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc } }', { input: { uscc, ...enterprise } });
    if (!found.enterprise?.qualifications.length) {
      const [category, grade] = qualifications[Math.min(i, qualifications.length - 1)]!;
      await ask('mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { id } }', {
        input: {
          uscc,
          category,
          grade,
          certificateNumber: `D21305${String(i + 1).padStart(4, '0')}`,
          issuedBy: '河北省住房和城乡建设厅',
          validUntil: addMonthsToDay(clock.today(), 48),
        },
      });
    }
  }
  const frozenUscc = demoUscc(4);
  let card: { number: string; status: string } | undefined;
  for (let attempt = 0; attempt < 100 && !card; attempt += 1) {
    const data = await ask('query ($uscc: ID!) { enterprise(uscc: $uscc) { realNameCards { number status } } }', { uscc: frozenUscc });
    card = data.enterprise?.realNameCards[0];
    if (!card) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!card) throw new Error('seeding failed: no real-name card was issued');
  if (card.status !== 'FROZEN') {
    await ask('mutation ($input: CardStatusChangeInput!) { freezeRealNameCard(input: $input) { status } }', {
      input: {
        cardNumber: card.number,
        reason: '拖欠农民工工资，责令改正逾期未改正',
        legalBasis: '《保障农民工工资支付条例》第五十五条',
        authority: '邢台市住房和城乡建设局',
      },
    });
  }
  const projectName = '邢台学院新校区一期';
  // Paged through: the demo city adds a few hundred projects to the region.
  type SeededProject = { id: string; name: string; tenders: unknown[]; labourWageOfficer?: unknown };
  let project: SeededProject | undefined;
  for (let after: string | null = null, more = true; more && !project;) {
    const page: { projects: { nodes: SeededProject[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await ask(
      'query ($after: String) { projects(regionCode: "130502", first: 100, after: $after) { nodes { id name tenders { id } labourWageOfficer { name } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    project = page.projects.nodes.find((node) => node.name === projectName);
    more = page.projects.pageInfo.hasNextPage;
    after = page.projects.pageInfo.endCursor;
  }
  if (!project) {
    const registered = await ask('mutation ($input: RegisterProjectInput!) { registerProject(input: $input) { id } }', {
      input: {
        name: projectName,
        regionCode: '130502',
        client: '邢台学院',
        generalContractorUscc: demoUscc(1),
        contractValue: '12000000000',
        labourCostSharePercent: 25,
        startDate: `${addMonthsToDay(clock.today(), 3).slice(0, 7)}-01`,
      },
    });
    project = { id: registered.registerProject.id, name: projectName, tenders: [] };
  }
  if (!project.labourWageOfficer) {
    await ask('mutation ($input: AppointLabourWageOfficerInput!) { appointLabourWageOfficer(input: $input) { id } }', {
      input: { projectId: project.id, name: '孙丽', phone: '13903190101' },
    });
  }
  if (project.tenders.length === 0) {
    await ask('mutation ($input: OpenTenderInput!) { openTender(input: $input) { id } }', {
      input: {
        projectId: project.id,
        title: '施工总承包',
        requirements: [{ category: '建筑工程施工总承包', minGrade: 'SECOND' }],
        closesAt: instantPlusDays(clock.now(), 30).toISOString(),
      },
    });
  }
  const workers = [
    ['130502199003070018', '王建国', 'REBAR'],
    ['130521198811150024', '李秀英', 'MASON'],
    ['130503199505200031', '赵志强', 'CARPENTER'],
  ] as const;
  for (const [i, [idNumber, name, tradeCode]] of workers.entries()) {
    const validIdNumber = idNumber.slice(0, 17) + residentIdCheckCharacter(idNumber.slice(0, 17));
    if ((await ask('query ($id: String!) { workerByIdNumber(idNumber: $id) { id } }', { id: validIdNumber })).workerByIdNumber) continue;
    await ask('mutation ($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }', {
      input: { idNumber: validIdNumber, name, phone: `1390319000${i}`, education: 'JUNIOR_SECONDARY', tradeCode, skillLevel: 2, regionCode: '130502' },
    });
  }
  if ((await services.payroll.db.minimumWage.count()) === 0) {
    await services.payroll.db.minimumWage.create({
      data: { id: randomUUID(), regionCode: '130000', monthlyFen: 220000n, hourlyFen: 2200n, effectiveFrom: new Date('2025-01-01') },
    });
  }
  if ((await services.welfare.db.serviceCentre.count()) === 0) {
    await services.welfare.db.serviceCentre.createMany({
      data: [
        { id: randomUUID(), name: '邢台市农民工服务中心', kind: 'DISTRICT_CENTRE', regionCode: '130500', address: '邢台市信都区', phone: '0319-12333' },
        { id: randomUUID(), name: '信都区农民工服务站', kind: 'TOWNSHIP_STATION', regionCode: '130502', address: '邢台市信都区', phone: '0319-12345' },
      ],
    });
  }
}

async function main() {
  // The demo's tokens last as long as a demo may run; the services accept tokens that old.
  const demoEnv = { GRPC_PLAINTEXT: 'allowed', ...process.env, NODE_ENV: 'development', JWT_MAX_TOKEN_AGE: DEMO_TOKEN_TTL };
  const platform = loadPlatformConfig(demoEnv);
  const dbs = await Promise.all(SERVICES.map((service, i) => startDatabase(service, FIRST_DB_PORT + i)));
  const env = {
    ...demoEnv,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_POOL_SIZE: '1',
    ENTERPRISE_VERDICT_CACHE: 'off',
    IDENTITY_DATABASE_URL: dbs[0]!.url,
    ENTERPRISE_DATABASE_URL: dbs[1]!.url,
    PAYROLL_DATABASE_URL: dbs[2]!.url,
    WELFARE_DATABASE_URL: dbs[3]!.url,
  };
  const bus = new InMemoryEventBus();
  // One clock for the four services (CLOCK_START_AT shows the demo at another date).
  const clock = clockFromConfig(platform);
  const identity = createIdentityService(loadIdentityConfig(env), bus, { clock });
  const enterprise = createEnterpriseService(loadEnterpriseConfig(env), bus, { clock });
  const payroll = createPayrollService(loadPayrollConfig(env), bus, { clock });
  const welfare = createWelfareService(loadWelfareConfig(env), bus, { clock });
  const running: RunningService[] = [];
  for (const service of [identity, enterprise, payroll, welfare]) running.push(await service.start());
  const [identityUrl, enterpriseUrl, payrollUrl, welfareUrl] = running.map((service) => service.graphqlUrl);
  const gateway = await createGateway(
    loadGatewayConfig({
      ...env,
      IDENTITY_URL: identityUrl,
      ENTERPRISE_URL: enterpriseUrl,
      PAYROLL_URL: payrollUrl,
      WELFARE_URL: welfareUrl,
    }),
  ).listen();

  const token = (claims: TokenClaims) => mintToken(platform, claims, DEMO_TOKEN_TTL);
  const demo: Array<{ who: string; label: string | undefined; token: string }> = [
    {
      who: 'PORTAL (housing-construction bureau, Xingtai: freezes cards, registers enterprises, projects and workers, opens tenders, reviews project steps, reads personal data and the audit log)',
      label: '住建局 · 邢台市（冻结实名制卡、登记企业/项目/工人、查看个人信息）',
      token: await token({
        sub: 'xingtai-zjj-clerk',
        kind: 'PORTAL',
        dept: 'HOUSING_CONSTRUCTION',
        regions: ['130500'],
        scope: [
          SCOPES.cardFreeze,
          SCOPES.enterpriseRegister,
          SCOPES.workerRegister,
          SCOPES.piiRead,
          SCOPES.auditRead,
          SCOPES.projectRegister,
          SCOPES.projectReview,
        ].join(' '),
      }),
    },
    {
      who: "PORTAL (human-resources and social-security bureau, Xingtai: dishonesty list, credit records, reviews a project's closing step)",
      label: '人社局 · 邢台市（失信名单、信用记录）',
      token: await token({
        sub: 'xingtai-rsj-clerk',
        kind: 'PORTAL',
        dept: 'HRSS',
        regions: ['130500'],
        scope: [SCOPES.blacklistDecide, SCOPES.creditRecord, SCOPES.projectReview].join(' '),
      }),
    },
    {
      who: `ENTERPRISE (${XINGTAI[0].name}: bids, enters its project's lifecycle steps, opens the wage account, schedules funding, places the deposit, approves wage sheets)`,
      label: '企业 · 邢台建工集团（总包：投标、工资专户、审批工资表）',
      token: await token({
        sub: 'xtjg-admin',
        kind: 'ENTERPRISE',
        uscc: demoUscc(1),
        scope: [SCOPES.projectRegister, SCOPES.wagesApprove].join(' '),
      }),
    },
    {
      who: `ENTERPRISE (${XINGTAI[0].name}'s labour-wage officer: reviews wage sheets)`,
      label: '企业 · 邢台建工集团 劳资专管员（审核工资表）',
      token: await token({
        sub: 'xtjg-officer',
        kind: 'ENTERPRISE',
        uscc: demoUscc(1),
        scope: SCOPES.wagesReview,
      }),
    },
    {
      who: `ENTERPRISE (${XINGTAI[0].name}'s payroll clerk: prepares wage sheets)`,
      label: '企业 · 邢台建工集团 工资核算员（编制工资表）',
      token: await token({
        sub: 'xtjg-clerk',
        kind: 'ENTERPRISE',
        uscc: demoUscc(1),
        scope: SCOPES.wagesPrepare,
      }),
    },
    {
      who: `ENTERPRISE (${XINGTAI[3].name})`,
      label: '企业 · 邢台宏远建筑工程分包（实名制卡已冻结）',
      token: await token({ sub: 'hongyuan-admin', kind: 'ENTERPRISE', uscc: demoUscc(4) }),
    },
    { who: 'BANK (ICBC)', label: undefined, token: await token({ sub: 'icbc-xingtai', kind: 'BANK', bank: 'ICBC' }) },
    {
      who: 'BANK (CCB: holds wage accounts; reports funding and settlements, gRPC ReportSettlements)',
      label: undefined,
      token: await token({ sub: 'ccb-xingtai', kind: 'BANK', bank: 'CCB' }),
    },
    {
      who: 'PORTAL (labour inspection, Xingtai: deposit drawdowns and releases, handles complaints)',
      label: '劳动监察 · 邢台市（保证金动用与返还、投诉办理）',
      token: await token({
        sub: 'xingtai-inspector',
        kind: 'PORTAL',
        dept: 'LABOUR_INSPECTION',
        regions: ['130500'],
        scope: [SCOPES.depositManage, SCOPES.complaintHandle].join(' '),
      }),
    },
    { who: 'ANALYTICS', label: '监控预警大屏 · 邢台市（仅统计数据）', token: await token({ sub: 'dashboard', kind: 'ANALYTICS', regions: ['130500'] }) },
    {
      who: 'TRADING_PLATFORM (public-resource trading platform: gRPC CheckBiddingEligibility only)',
      label: undefined,
      token: await token({
        sub: 'trading-platform',
        kind: 'TRADING_PLATFORM',
        scope: SCOPES.eligibilityCheck,
      }),
    },
  ];
  const trainer = await token({ sub: 'xingtai-rsj-training', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.trainingManage });
  const hotline = await token({ sub: 'xingtai-12333', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: SCOPES.complaintHandle });
  await seed(gateway.url, demo[0]!.token, clock, { payroll, welfare });
  const demoWorker = (await graphql(gateway.url, demo[0]!.token, '{ workers(first: 1) { nodes { id name } } }', {})).workers.nodes[0];
  demo.push({
    who: `WORKER (${demoWorker.name}; ask { me { name wageCard { bankCode } } })`,
    label: `工人 · ${demoWorker.name}（手机端：我的工资、我要投诉）`,
    token: await token({ sub: demoWorker.id, kind: 'WORKER' }),
  });
  const web = await serveWebApp({
    gatewayUrl: gateway.url,
    port: WEB_PORT,
    config: {
      complaintHotline: '12333',
      labourInspectionOffice: { name: '邢台市劳动保障监察支队', address: '邢台市襄都区', phone: '0319-12333' },
      demoPrincipals: demo.flatMap(({ label, token }) => (label ? [{ label, token }] : [])),
    },
  });

  console.log(`\nYikatong is running (embedded mode, data in ${path.relative(process.cwd(), DATA)}).`);
  console.log(`Web app (portals, dashboard, enterprise and worker pages): ${web.url}`);
  console.log(`GraphQL gateway: ${gateway.url}`);
  console.log(`Try: curl -s ${gateway.url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`);
  console.log(
    `       -d '{"query":"{ enterprises { nodes { uscc name realNameCards { number status } biddingEligibility { eligible reasons { code message } } } } }"}'\n`,
  );
  console.log(`Demo tokens (valid ${DEMO_TOKEN_TTL}):`);
  for (const { who, token: value } of demo) console.log(`  ${who}:\n    ${value}`);

  // The city behind the first project fills in while the demo is already usable (a few minutes on a
  // first start). DEMO_CITY=off starts without it (the tests of the first part do).
  if (process.env.DEMO_CITY !== 'off') {
    void seedCity(
      { identity, enterprise, payroll, welfare },
      {
        hotline: (query, variables = {}) => graphql(gateway.url, hotline, query, variables),
        trainer: (query, variables = {}) => graphql(gateway.url, trainer, query, variables),
      },
      clock,
      XINGTAI.flatMap((company, i) => (company.type === 'GENERAL_CONTRACTOR' ? [demoUscc(i + 1)] : [])),
    ).then(
      () => console.log('demo city: ready'),
      (error: unknown) => console.error('demo city: seeding stopped (the demo works without it; the next start finishes it):', error),
    );
  }

  const shutdown = async () => {
    await web.close();
    await gateway.close();
    for (const service of running.reverse()) await service.stop();
    await bus.close();
    for (const db of dbs) await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('embedded start failed:', error);
  process.exit(1);
});
