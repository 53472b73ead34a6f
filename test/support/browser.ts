import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './system';

export const INSTALL_BROWSER = 'apt-get install -y chromium fonts-noto-cjk';
export const SCREENSHOTS = path.join(ROOT, '.data', 'screenshots');

/** Debian's Chromium (CHROMIUM_PATH, else the one on PATH); a missing browser fails with the command that installs it. */
export async function launchChromium(): Promise<Browser> {
  let executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) {
    try {
      executablePath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
    } catch {
      throw new Error(`Chromium is not installed. Install it with: ${INSTALL_BROWSER}`);
    }
  }
  // Root (as in CI) cannot use Chromium's sandbox.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

export function requireBuiltWebApp(): void {
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('The web app is not built. Build it with: npm run build -w @yikatong/web');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical findings on the page as it stands (WCAG 2.1 A and AA rules). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
