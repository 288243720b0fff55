// Issue 20, point 4: the privacy and terms pages the Teams manifest points at exist, served by
// Lederrum itself, in Danish and in English (chosen by ?lang or the browser), each in one
// language, saying what this server keeps and for how long.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { otherLanguage } from '../i18n/sweep-checks.ts';
import { visibleText } from '../i18n/sweep-platforms.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ env: { RETENTION_DAYS: '200', UNINSTALL_GRACE_DAYS: '1', DEFAULT_LANGUAGE: 'da' } });
}, 60_000);
afterAll(async () => app?.close());

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, app.url), { headers });
  const html = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), html, text: visibleText(html) };
}

describe('/privacy and /terms', () => {
  it.each([
    ['/privacy?lang=da', 'da', 'Lederrum – privatliv'],
    ['/privacy?lang=en', 'en', 'Lederrum – privacy'],
    ['/terms?lang=da', 'da', 'Lederrum – vilkår'],
    ['/terms?lang=en', 'en', 'Lederrum – terms of use'],
  ] as const)('%s answers 200 with a plain HTML page in one language', async (path, language, title) => {
    const shown = await page(path);
    expect(shown.status).toBe(200);
    expect(shown.type).toMatch(/^text\/html; charset=utf-8/);
    expect(shown.html).toContain(`<html lang="${language}">`);
    expect(shown.html).toContain(`<h1>${title}</h1>`);
    // The link to the other language is the one word of it on the page.
    const body = shown.text.replace(language === 'da' ? 'English' : 'Dansk', '');
    expect(otherLanguage(body, language)).toEqual([]);
  });

  it('says what this server keeps, for how long, and who sees what', async () => {
    const da = (await page('/privacy?lang=da')).text;
    expect(da).toContain('200 dage efter, at et tjek-ind er lukket');
    expect(da).toContain('slettes arbejdsområdets data 1 dag efter');
    expect(da).toContain('ser gruppen under dit navn');
    expect(da).toContain('“slet mine data”');
    const en = (await page('/privacy?lang=en')).text;
    expect(en).toContain('200 days after a check-in closes');
    expect(en).toContain('deleted 1 day later');
    expect(en).toContain('never to round answers, takeaways or private agreements');
  });

  it("follows the browser's language without ?lang, else the default, and links each page to its other language", async () => {
    expect((await page('/privacy', { 'accept-language': 'en-GB,en;q=0.9' })).html).toContain('<html lang="en">');
    expect((await page('/terms', { 'accept-language': 'da-DK' })).html).toContain('<html lang="da">');
    expect((await page('/terms', { 'accept-language': 'fr' })).html).toContain('<html lang="da">');
    const en = await page('/terms?lang=en');
    expect(en.html).toContain('<a href="/terms?lang=da" hreflang="da" lang="da">Dansk</a>');
    expect(en.html).toContain('<a href="/privacy?lang=en">Privacy</a>');
  });
});
