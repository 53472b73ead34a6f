// npm run bench:web — issue #16's target: in Chromium, the time from navigation to the dashboard's
// charts drawn with data (every chart drawn or known empty, at least one drawn), p50 and p99 over
// repeated loads, each in a fresh browser context (nothing cached); target p99 under 1.5 s.
// Two systems: the embedded demo (`npm start`'s, PGlite) and the distributed one (a process per
// service, Kafka, PostgreSQL) with 1,000,000 complaints (bench:welfare's data).
// BENCH_WEB=embedded or distributed runs one; LOADS (40) sets the count.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import * as testing from '@yikatong/platform/testing';
import { serveWebApp } from '../web/server/web-server';
import { launchChromium, requireBuiltWebApp } from '../test/support/browser';
import { freshDatabases, ROOT, startSystem, tokenFor } from '../test/support/system';
import { seedComplaints } from './complaints-data';
import { percentile } from './percentile';

const LOADS = Number(process.env.LOADS ?? 40);
const WARM_UP = 3;
const COMPLAINTS = Number(process.env.COMPLAINTS ?? 1_000_000);
const MODES = (process.env.BENCH_WEB ?? 'embedded,distributed').split(',');
const TARGET_P99_MS = 1500;

const CHARTS_DRAWN = `(() => {
  const charts = [...document.querySelectorAll('.chart')];
  return charts.length >= 5 && charts.every((chart) => chart.dataset.drawn !== 'false') && charts.some((chart) => chart.dataset.drawn === 'true');
})()`;

async function timeLoads(browser: Browser, webUrl: string, token: string): Promise<number[]> {
  const times: number[] = [];
  for (let load = 0; load < WARM_UP + LOADS; load += 1) {
    // bypassCSP: the app's policy forbids eval, which the measuring probe below needs, not the app.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await context.addInitScript({ content: `sessionStorage.setItem('yikatong.session', ${JSON.stringify(token)})` });
    const page = await context.newPage();
    await page.goto(`${webUrl}#/dashboard`);
    await page.waitForFunction(CHARTS_DRAWN, undefined, { timeout: 60_000 });
    // Milliseconds since the navigation began (the page's time origin).
    const elapsed = await page.evaluate<number>('performance.now()');
    if (load >= WARM_UP) times.push(elapsed);
    await context.close();
  }
  return times.sort((a, b) => a - b);
}

function report(name: string, times: number[]) {
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  console.log(
    `${name}: ${times.length} loads, p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms — target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'}`,
  );
}

/** `npm start`'s system in a child process on a throwaway data directory; its dashboard token from /config.json. */
async function embedded(browser: Browser) {
  const data = mkdtempSync(path.join(os.tmpdir(), 'yikatong-bench-web-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'embedded.ts')], {
    cwd: ROOT,
    env: { ...process.env, EMBEDDED_DATA_DIR: data, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A city that stopped seeding says so on stderr; the bench then stops the child rather than wait.
  child.stderr!.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    if (chunk.toString().includes('demo city: seeding stopped')) child.kill('SIGTERM');
  });
  try {
    // Measured on the whole demo city: the web app's URL comes first, the city is ready a few minutes later.
    let webUrl: string | undefined;
    let cityReady = false;
    for await (const line of createInterface({ input: child.stdout! })) {
      webUrl ??= /^Web app .*: (http:\S+)$/.exec(line)?.[1];
      if (line === 'demo city: ready') {
        cityReady = true;
        break;
      }
    }
    if (!webUrl || !cityReady) throw new Error('the embedded system exited before serving the demo city');
    const config = (await (await fetch(`${webUrl}config.json`)).json()) as { demoPrincipals: Array<{ label: string; token: string }> };
    const dashboard = config.demoPrincipals.find((principal) => principal.label.startsWith('监控预警大屏'));
    if (!dashboard) throw new Error('the embedded system offers no dashboard principal');
    report('embedded demo (PGlite, in-memory bus)', await timeLoads(browser, webUrl, dashboard.token));
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(data, { recursive: true, force: true });
  }
}

async function distributed(browser: Browser) {
  const config = testing.testConfig({ DATABASE_NAME_PREFIX: 'ykbenchweb' });
  await testing.requireKafka(config);
  await freshDatabases(config);
  const started = performance.now();
  await seedComplaints(config, COMPLAINTS);
  console.log(`setup: ${COMPLAINTS.toLocaleString('en-US')} complaints in ${((performance.now() - started) / 1000).toFixed(1)} s (not measured)`);
  const system = await startSystem(config, { LOG_LEVEL: 'error' });
  const web = await serveWebApp({ gatewayUrl: system.gatewayUrl, port: 0, config: { complaintHotline: '12333' } });
  try {
    const token = await tokenFor(config, { sub: 'province-dashboard', kind: 'ANALYTICS', regions: ['130000'] });
    report(
      `distributed (a process per service, Kafka, PostgreSQL; ${COMPLAINTS.toLocaleString('en-US')} complaints)`,
      await timeLoads(browser, web.url, token),
    );
  } finally {
    await web.close();
    await system.stop();
  }
}

async function main() {
  requireBuiltWebApp();
  console.log(
    `bench:web — ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${LOADS} loads after ${WARM_UP} warm-up, fresh context each`,
  );
  const browser = await launchChromium();
  try {
    if (MODES.includes('embedded')) await embedded(browser);
    if (MODES.includes('distributed')) await distributed(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
