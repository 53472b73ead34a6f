import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCOPES, type TokenClaims } from '@yikatong/platform';
import { serveWebApp, type RunningWebServer } from '../../web/server/web-server';
import { launchChromium, requireBuiltWebApp, screenshot, seriousAccessibilityViolations } from '../support/browser';
import { graphqlClient } from '../support/system';
import { startTrustSystem, type TrustSystem } from '../trust/federation';
import { GC, HOME_REGION, OTHER_WORKER, seedFixture, WORKER, type Fixture } from '../trust/fixture';

/**
 * The web app in Debian's Chromium against the four services on real PostgreSQL behind the real
 * gateway, about the role matrix's Xingtai fixture: each kind of principal signs in, sees what the
 * graph sends it and nothing more, and does its job end to end.
 */
const ALL_SCOPES = Object.values(SCOPES).join(' ');
type Who = 'analytics' | 'housing' | 'inspection' | 'contractor' | 'worker' | 'otherWorker';
const PRINCIPALS: Record<Who, { label: string; claims?: TokenClaims }> = {
  analytics: { label: '监控预警大屏 · 邢台市', claims: { sub: 'web-dashboard', kind: 'ANALYTICS', regions: [HOME_REGION] } },
  housing: { label: '住建局 · 邢台市', claims: { sub: 'web-zjj', kind: 'PORTAL', dept: 'HOUSING_CONSTRUCTION', regions: [HOME_REGION], scope: ALL_SCOPES } },
  inspection: {
    label: '劳动监察 · 邢台市',
    claims: { sub: 'web-jiancha', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: [HOME_REGION], scope: ALL_SCOPES },
  },
  contractor: { label: '企业 · 总承包单位', claims: { sub: 'web-gc-officer', kind: 'ENTERPRISE', uscc: GC, scope: ALL_SCOPES } },
  worker: { label: `工人 · ${WORKER.name}` },
  otherWorker: { label: `工人 · ${OTHER_WORKER.name}` },
};

const INSPECTION_OFFICE = { name: '邢台市劳动保障监察支队', address: '邢台市襄都区守敬北路', phone: '0319-2222333' };

let system: TrustSystem;
let fixture: Fixture;
let web: RunningWebServer;
let browser: Browser;
const tokens = {} as Record<Who, string>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltWebApp();
  browser = await launchChromium();
  system = await startTrustSystem('ykweb');
  fixture = await seedFixture(system);
  for (const who of Object.keys(PRINCIPALS) as Who[]) {
    const claims = PRINCIPALS[who].claims ?? { sub: who === 'worker' ? fixture.workerId : fixture.otherWorkerId, kind: 'WORKER' as const };
    tokens[who] = await system.token(claims);
  }
  web = await serveWebApp({
    gatewayUrl: system.gatewayUrl,
    port: 0,
    config: {
      complaintHotline: '12333',
      labourInspectionOffice: INSPECTION_OFFICE,
      demoPrincipals: (Object.keys(PRINCIPALS) as Who[]).map((who) => ({ label: PRINCIPALS[who].label, token: tokens[who] })),
    },
  });
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await web?.close();
  await system?.stop();
});

/** A fresh browser session signed in as `who`, at the system's business time, on a desktop or a phone screen. */
async function signedIn(who: Who, hash = '', screen: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
  const context = await browser.newContext(
    screen === 'phone'
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: { width: 1920, height: 1080 } },
  );
  contexts.push(context);
  await context.clock.setFixedTime(system.clock.now());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${web.url}${hash}`);
  await page.getByRole('button', { name: PRINCIPALS[who].label }).click();
  await button(page, '退出').waitFor();
  if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
  return page;
}

const graph = (who: Who) => graphqlClient(system.gatewayUrl, tokens[who]);
const button = (page: Page, text: string) => page.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

/** Waits until the condition holds on the page, re-running `again` (a search, a reload) between looks. */
async function until(page: Page, condition: () => Promise<boolean>, again: () => Promise<unknown>, what: string) {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (await condition()) return;
    await page.waitForTimeout(250);
    await again();
  }
  throw new Error(`the page never showed ${what}`);
}

describe('the web app in a real browser', () => {
  it('draws the dashboard from the region figures the graph gives the dashboard, with no one named on it', async () => {
    const page = await signedIn('analytics');
    await page.locator('.chart[data-drawn="true"]').first().waitFor({ timeout: 30_000 });
    const { data } = await graph('analytics')<any>(
      `query ($region: String!, $from: String!, $to: String!) { identityStatistics(regionCode: $region, from: $from, to: $to) { registeredWorkers } }`,
      {
        region: HOME_REGION,
        from: fixture.period,
        to: fixture.period,
      },
    );
    const registered = page.locator('.ant-statistic', { hasText: '实名登记工人' }).locator('.ant-statistic-content-value');
    expect(await registered.innerText()).toBe(String(data.identityStatistics.registeredWorkers));
    const text = await page.locator('body').innerText();
    for (const name of [WORKER.name, OTHER_WORKER.name, '矩阵项目']) expect(text).not.toContain(name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard');
  });

  it("lets the bureau freeze an enterprise's card: the enterprise then shows ineligible with the reason, and unfreezing restores it", async () => {
    const page = await signedIn('housing', '#/enterprises');
    const search = async () => {
      await page.getByRole('searchbox').fill(`矩阵企业${GC.slice(-4)}`);
      await button(page, '查询').click();
    };
    await search();
    const card = page.locator('.ant-card', { hasText: GC });
    await card.waitFor();
    const eligibleBefore = (await graph('housing')<any>(`query ($uscc: ID!) { enterprise(uscc: $uscc) { biddingEligibility { eligible } } }`, { uscc: GC }))
      .data.enterprise.biddingEligibility.eligible;
    const reason = `拒不支付农民工工资 ${randomUUID().slice(0, 8)}`;
    await card.getByRole('button', { name: /冻\s*结/ }).click();
    await page.getByLabel('原因').fill(reason);
    await page.getByLabel('法律依据').fill('《保障农民工工资支付条例》第五十五条');
    await page.getByLabel('决定机关').fill('邢台市住房和城乡建设局');
    await button(page, '确定').click();
    await until(page, async () => (await card.locator('td', { hasText: 'ENTERPRISE_CARD_FROZEN' }).count()) > 0, search, 'the frozen card among the reasons');
    expect(await card.innerText()).toContain('不得参与投标');
    expect(await card.innerText()).toContain(reason);
    expect(
      (await graph('housing')<any>(`query ($uscc: ID!) { enterprise(uscc: $uscc) { biddingEligibility { eligible } } }`, { uscc: GC })).data.enterprise
        .biddingEligibility.eligible,
    ).toBe(false);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'bureau-enterprise');

    await card.getByRole('button', { name: /解\s*冻/ }).click();
    await page.getByLabel('原因').fill('已改正，全额支付拖欠工资');
    await page.getByLabel('法律依据').fill('《保障农民工工资支付条例》第五十五条');
    await page.getByLabel('决定机关').fill('邢台市住房和城乡建设局');
    await button(page, '确定').click();
    await until(page, async () => (await card.locator('td', { hasText: 'ENTERPRISE_CARD_FROZEN' }).count()) === 0, search, 'the reason gone');
    if (eligibleBefore) expect(await card.innerText()).toContain('可参与投标');
  });

  it("lists the project steps waiting for the bureau's review; rejecting one with what to correct takes it off the list", async () => {
    const page = await signedIn('housing', '#/steps');
    const row = page.locator('tr', { hasText: '冀邢招2026-500' });
    await row.waitFor();
    expect(await row.innerText()).toContain('矩阵项目');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const comment = '中标通知书编号与公示不一致，请核对后重新申报';
    await row.getByRole('button', { name: /退\s*回/ }).click();
    await page.getByLabel('需要改正的内容').fill(comment);
    await button(page, '确定').click();
    await row.waitFor({ state: 'detached' });
    const { data } = await graph('housing')<any>(`query ($id: ID!) { project(id: $id) { steps { id status reviewComment } } }`, { id: fixture.projectId });
    expect(data.project.steps.find((step: { id: string }) => step.id === fixture.stepId)).toMatchObject({ status: 'REJECTED', reviewComment: comment });
  });

  it("shows an enterprise its project's obligations and its wage sheet line by line; a refused sheet changes nothing and says why; the worker confirms the line on the phone before review", async () => {
    const page = await signedIn('contractor', '#/projects');
    const obligations = page.locator('.ant-card', { hasText: '项目义务' });
    await obligations.getByText('实名制在岗人数').waitFor();
    expect(await obligations.getByText('已落实').count()).toBe(3);
    await obligations
      .getByText(/中国建设银行|CCB/)
      .first()
      .waitFor();
    const sheets = page.locator('.ant-card', { hasText: '工资表' }).first();
    const sheetRow = sheets.locator('tr', { hasText: fixture.period });
    await sheetRow.waitFor();
    await sheetRow.click();
    const lines = page.locator('.ant-card', { hasText: '工资表明细' });
    await lines.getByText(WORKER.name).waitFor();
    expect(await lines.innerText()).not.toContain(WORKER.idNumber);

    // The contractor's own sheet for that month: it employs no one on the project, so nothing is prepared.
    const before = (await graph('contractor')<any>(`query ($id: ID!) { wageSheets(projectId: $id) { nodes { id } } }`, { id: fixture.projectId })).data
      .wageSheets.nodes.length;
    await page.getByLabel('工资月份').fill(fixture.period);
    await button(page, '编制工资表').click();
    await page.getByText('未通过校验，未作任何更改').waitFor();
    expect(
      (await graph('contractor')<any>(`query ($id: ID!) { wageSheets(projectId: $id) { nodes { id } } }`, { id: fixture.projectId })).data.wageSheets.nodes
        .length,
    ).toBe(before);

    // The worker confirms the line on the phone (no sheet is reviewed with lines unconfirmed), then the contractor reviews.
    await button(page, '劳资专管员审核').click();
    await page.getByText('LINES_UNCONFIRMED').waitFor();
    const phone = await signedIn('worker', '', 'phone');
    await button(phone, '确认无误').click();
    await phone.getByText('已确认').waitFor();
    await button(page, '劳资专管员审核').click();
    await sheetRow.getByText('REVIEWED').waitFor();

    // The contractor appoints the project's labour-wage officer: a number workers cannot call is refused and nothing changes.
    const officer = page.locator('.ant-card', { hasText: '劳资专管员' }).filter({ hasText: '现任' });
    await officer.getByLabel('姓名').fill('孙丽');
    await officer.getByLabel('电话').fill('12345');
    await button(page, '任命').click();
    await officer.getByText('INVALID_PHONE').waitFor();
    expect(await officer.innerText()).toContain('尚未任命');
    await officer.getByLabel('电话').fill('0319-2345678');
    await button(page, '任命').click();
    await officer.getByText('孙丽（0319-2345678）').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'enterprise-workspace');
  });

  it('prints the rights notice board of a project on A3, with the contractor, its labour-wage officer, the bank, the minimum wage, the hotline and a QR code to the complaint page', async () => {
    await graph('contractor')(`mutation ($input: AppointLabourWageOfficerInput!) { appointLabourWageOfficer(input: $input) { id } }`, {
      input: { projectId: fixture.projectId, name: '周建华', phone: '13903195678' },
    });
    const page = await signedIn('contractor', `#/notice/${fixture.projectId}`);
    const sheet = page.getByRole('article', { name: '维权信息告示牌' });
    await sheet.getByText('中国建设银行', { exact: false }).waitFor();
    const { data } = await graph('contractor')<any>(`{ minimumWage(regionCode: "130502") { monthly } }`);
    const text = await sheet.innerText();
    for (const expected of [
      '矩阵项目',
      `矩阵企业${GC.slice(-4)}`,
      '12333',
      INSPECTION_OFFICE.name,
      INSPECTION_OFFICE.phone,
      '周建华（13903195678）',
      String(Number(data.minimumWage.monthly) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
    ])
      expect(text).toContain(expected);
    const qr = sheet.getByRole('img', { name: /扫码投诉/ });
    expect(await qr.getAttribute('data-target')).toBe(`${web.url}#/complain/${encodeURIComponent(fixture.projectId)}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'notice-board');
    const pdf = await page.pdf({ format: 'A3', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it("shows a worker, on a phone, their own card and wages and nobody else's", async () => {
    const page = await signedIn('worker', '', 'phone');
    await page.getByText(WORKER.name).first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(OTHER_WORKER.name);
    expect(text).not.toContain(WORKER.cardNumber);
    expect(text).not.toContain(WORKER.idNumber);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'worker-phone');

    const other = await signedIn('otherWorker', '', 'phone');
    await other.getByText(OTHER_WORKER.name).first().waitFor();
    expect(await other.locator('body').innerText()).not.toContain(WORKER.name);
  });

  it("takes a complaint filed on the worker's phone to the inspectors' queue and brings their result back to the worker", async () => {
    const description = `三个月工资未发，工地负责人联系不上（${randomUUID().slice(0, 6)}）`;
    const phone = await signedIn('worker', `#/complain/${fixture.projectId}`, 'phone');
    await phone.getByLabel('被拖欠金额（元，可不填）').fill('3000');
    await phone.getByLabel('情况说明').fill(description);
    await button(phone, '提交投诉').click();
    await phone.getByText('投诉已受理登记').waitFor();

    const desk = await signedIn('inspection', '#/complaints');
    const row = desk.locator('tr', { hasText: description.slice(0, 12) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/剩余 \d+ 个工作日/);
    for (const stage of ['已受理', '调查中']) {
      await row.getByRole('button', { name: new RegExp(stage.split('').join('\\s*')) }).click();
      await button(desk, '确定').click();
      await row.getByRole('button', { name: stage === '已受理' ? /调\s*查\s*中/ : /已\s*查\s*实/ }).waitFor();
    }
    const result = '经查属实，已责令用工企业十日内足额支付';
    await row.getByRole('button', { name: /已\s*查\s*实/ }).click();
    await desk.getByLabel('处理结果（告知投诉人）').fill(result);
    await desk.getByLabel('查实欠薪金额（元）').fill('3000');
    await button(desk, '确定').click();
    await row.getByRole('button', { name: /已\s*解\s*决/ }).waitFor();
    expect(await seriousAccessibilityViolations(desk)).toEqual([]);
    await screenshot(desk, 'bureau-complaints');

    await phone.reload();
    await phone.locator('.ant-collapse-header', { hasText: description.slice(0, 20) }).click();
    await phone.getByText(`处理结果：${result}`).waitFor();
    await screenshot(phone, 'worker-complaint-result');
  });
});
