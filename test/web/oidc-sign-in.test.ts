import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { serveWebApp, type RunningWebServer } from '../../web/server/web-server';
import { launchChromium, requireBuiltWebApp, screenshot } from '../support/browser';
import { graphqlClient, ROOT } from '../support/system';
import { startTrustSystem, type TrustSystem } from '../trust/federation';

/**
 * Production sign-in: the app (a public client, no secret) signs in at a real OpenID Provider
 * (oidc-provider, run locally) with the authorization code flow and PKCE; the services verify the
 * provider's RS256 access token by its JWKS, and refuse a token of the development secret.
 */
const WEB_PORT = 16080;
const PROVIDER_PORT = 16090;

let provider: ChildProcess;
let issuer: string;
let system: TrustSystem;
let web: RunningWebServer;
let browser: Browser;

async function startProvider(): Promise<string> {
  provider = spawn(process.execPath, [path.join(ROOT, 'test', 'support', 'oidc-provider.mjs'), String(PROVIDER_PORT), `http://127.0.0.1:${WEB_PORT}/`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: provider.stdout! })) {
    const ready: unknown = JSON.parse(line);
    if (typeof ready === 'object' && ready !== null && 'issuer' in ready && typeof ready.issuer === 'string') return ready.issuer;
  }
  throw new Error('the OpenID provider exited before it was ready');
}

beforeAll(async () => {
  requireBuiltWebApp();
  browser = await launchChromium();
  issuer = await startProvider();
  system = await startTrustSystem('ykoidc', { JWT_JWKS_URL: `${issuer}/jwks`, JWT_ISSUER: issuer });
  web = await serveWebApp({
    gatewayUrl: system.gatewayUrl,
    port: WEB_PORT,
    config: { complaintHotline: '12333', oidc: { issuer, clientId: 'yikatong-web', scope: 'openid' } },
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await system?.stop();
  provider?.kill();
});

describe('signing in with the identity provider (OpenID Connect, code flow with PKCE)', () => {
  it("gets the graph's token from the provider and opens the principal's pages with it", async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${web.url}#/dashboard`);
    await page.getByRole('button', { name: '通过政务统一身份认证登录' }).click();
    await page.waitForURL((url) => url.origin === issuer);
    await page.locator('input[name="login"]').fill('xingtai-dashboard');
    await page.locator('input[name="password"]').fill('demo');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === new URL(web.url).origin && !url.searchParams.has('code'));
    await page.getByText('农民工工资支付监控预警平台').waitFor();
    await page.locator('.ant-statistic', { hasText: '实名登记工人' }).locator('.ant-statistic-content-value').waitFor();
    expect(await page.locator('.ant-alert-error').count()).toBe(0);

    const token = await page.evaluate<string | null>('sessionStorage.getItem("yikatong.session")');
    const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ iss: issuer, aud: 'yikatong', kind: 'ANALYTICS', regions: ['130500'] });
    expect(JSON.parse(Buffer.from(token!.split('.')[0]!, 'base64url').toString('utf8')).alg).toBe('RS256');
    const answer = await graphqlClient(system.gatewayUrl, token!)<any>(`{ enterpriseStatistics(regionCode: "130500") { enterprises } }`);
    expect(answer.errors).toBeUndefined();
    await screenshot(page, 'signed-in-with-oidc');
    await context.close();
  });

  it('refuses a token of the development secret once the provider is configured', async () => {
    const forged = await system.token({ sub: 'xingtai-dashboard', kind: 'ANALYTICS', regions: ['130500'] });
    const answer = await graphqlClient(system.gatewayUrl, forged)<any>(`{ enterpriseStatistics(regionCode: "130500") { enterprises } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
