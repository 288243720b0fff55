// Real Chromium driven by Playwright (which one: tests/support/chromium.ts), with the flags this
// machine needs: no sandbox as root, and no background connections to a network that is not there.
import { chromium, type Browser, type Page } from 'playwright-core';
import { ChromiumMissing, findChromium, machineChromium, missingChromiumMessage } from './chromium.ts';

export async function launchChromium(): Promise<Browser> {
  // Looking only: a browser test that finds none fails at once with how to get one (npm test's first step downloads).
  const found = findChromium(machineChromium());
  if (!found) throw new ChromiumMissing(missingChromiumMessage('none is installed'));
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * A new browser context on the playground at `url`, as `name`: waits until the page has switched to
 * that person and shows their private chat with Lederrum.
 */
export async function openPlaygroundAs(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.locator('#as option', { hasText: name }).waitFor({ state: 'attached' });
  await page.selectOption('#as', { label: name });
  await page.waitForFunction(() => document.querySelector('#conversation-title')?.textContent === 'Lederrum');
  return page;
}
