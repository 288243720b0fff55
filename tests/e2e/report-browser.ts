// Opening a report page in Chromium the way a reader does — a Danish (or other) browser on a wide
// screen at scale 1, so charts draw at their own size — noting any Content-Security-Policy
// complaint in `violations`, which a test expects to stay empty.
import type { Browser, Page } from 'playwright-core';

export async function openReportPage(browser: Browser, url: string, violations: string[], locale = 'da-DK'): Promise<{ page: Page; status: number }> {
  const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto(url);
  return { page, status: response?.status() ?? 0 };
}
