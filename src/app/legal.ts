// GET /privacy and /terms: the pages the Teams manifest (and any app listing) points at, served by
// Lederrum itself so they exist wherever it runs and say what this server does. Plain HTML, in
// Danish or English: ?lang=da|en, else the browser's first of the two, else the default language;
// each page links to its other language and to the other page.
import type { Express, Request } from 'express';
import type { Language } from '../core/model/domain.ts';
import { escapeHtml } from '../../adapters/playground/render.ts';
import { type LegalFacts, type LegalPage, privacyPage, termsPage } from './legal-texts.ts';

export const LEGAL_PATHS = { privacy: '/privacy', terms: '/terms' } as const;
type PageName = keyof typeof LEGAL_PATHS;

function languageOf(req: Request, fallback: Language): Language {
  const asked = req.query['lang'];
  if (asked === 'da' || asked === 'en') return asked;
  const accepted = req.acceptsLanguages('da', 'en');
  return accepted === 'da' || accepted === 'en' ? accepted : fallback;
}

const LINKS = {
  da: { other: 'English', privacy: 'Privatliv', terms: 'Vilkår' },
  en: { other: 'Dansk', privacy: 'Privacy', terms: 'Terms of use' },
} as const;

export function legalHtml(name: PageName, page: LegalPage, language: Language): string {
  const other: Language = language === 'da' ? 'en' : 'da';
  const words = LINKS[language];
  const sections = page.sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title></head>
<body>
<nav><a href="${LEGAL_PATHS[name]}?lang=${other}" hreflang="${other}" lang="${other}">${words.other}</a> · <a href="${LEGAL_PATHS.privacy}?lang=${language}">${words.privacy}</a> · <a href="${LEGAL_PATHS.terms}?lang=${language}">${words.terms}</a></nav>
<h1>${escapeHtml(page.title)}</h1>
${sections}
</body>
</html>
`;
}

export function mountLegalPages(http: Express, options: { defaultLanguage: Language; facts: LegalFacts }): void {
  const pages: Record<PageName, (language: Language) => LegalPage> = { privacy: (language) => privacyPage(language, options.facts), terms: termsPage };
  for (const name of Object.keys(LEGAL_PATHS) as PageName[]) {
    http.get(LEGAL_PATHS[name], (req, res) => {
      const language = languageOf(req, options.defaultLanguage);
      res
        .set({ 'content-security-policy': "default-src 'none'", 'content-language': language, vary: 'Accept-Language' })
        .type('text/html; charset=utf-8')
        .send(legalHtml(name, pages[name](language), language));
    });
  }
}
