// The report pages' shell (HR's poll report, a facilitator's group view): a ReportDocument from
// the core as one self-contained HTML page — inline CSS, inline SVG, no script, nothing fetched —
// and the page a link that does not work gets. Pure functions; every text is escaped here or in
// the chart (src/core/reports/svg.ts). The headers keep it that way: a Content-Security-Policy
// that allows only this page's own stylesheet, no caching, no referrer, no indexing.
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { translator } from '../../core/i18n/translate.ts';
import type { Language } from '../../core/model/domain.ts';
import type { Chart } from '../../core/reports/charts.ts';
import { escapeMarkup as e } from '../../core/reports/charts.ts';
import type { ReportDocument, ReportSection } from '../../core/reports/document.ts';
import { REPORT_STYLE } from './style.ts';

const STYLE_HASH = createHash('sha256').update(REPORT_STYLE).digest('base64');
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** A cell that holds a figure (a number, a percentage) is aligned as one. */
const isFigure = (text: string) => /^[+\-−]?[\d.,\s]+( ?%)?$/.test(text);

function tableOf(chart: Chart, t: ReturnType<typeof translator>): string {
  const { caption, head, rows } = chart.table;
  const headRow = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${e(cell)}</th>` : `<td${isFigure(cell) ? ' class="number"' : ''}>${e(cell)}</td>`)).join('')}</tr>`).join('');
  return `<table class="figures" aria-label="${e(`${t('report.table_note')}: ${chart.title}`)}"><caption>${e(caption)}</caption><thead><tr>${headRow}</tr></thead><tbody>${body}</tbody></table>`;
}

function chartFigure(chart: Chart, t: ReturnType<typeof translator>): string {
  return `<figure class="chart"><div class="picture">${chart.svg}</div>${tableOf(chart, t)}</figure>`;
}

function sectionHtml(part: ReportSection, index: number, t: ReturnType<typeof translator>): string {
  const id = `section-${index + 1}`;
  const paragraphs = part.paragraphs.map((p) => `<p>${e(p)}</p>`).join('');
  const facts = part.facts.length ? `<dl class="facts">${part.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>` : '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${e(part.heading)}</h2>${paragraphs}${facts}${part.charts.map((c) => chartFigure(c, t)).join('')}</section>`;
}

function pageHtml(language: Language, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${e(title)}</title><style>${REPORT_STYLE}</style></head><body>${body}</body></html>`
  );
}

export function reportHtml(doc: ReportDocument): string {
  const t = translator(doc.language);
  const header = `<header><p class="brand">${e(t('platform.app_name'))}</p><h1>${e(doc.title)}</h1><p class="subtitle">${e(doc.subtitle)}</p></header>`;
  const main = `<main>${doc.sections.map((s, i) => sectionHtml(s, i, t)).join('')}</main>`;
  const footer = `<footer>${doc.footer.map((line) => `<p>${e(line)}</p>`).join('')}</footer>`;
  return pageHtml(doc.language, `${doc.title} – ${t('platform.app_name')}`, header + main + footer);
}

export type Refusal = 'refused' | 'expired' | 'failed';
const STATUS: Record<Refusal, number> = { refused: 404, expired: 410, failed: 500 };

export function refusalHtml(language: Language, refusal: Refusal): string {
  const t = translator(language);
  const title = t(`report.${refusal}.title`);
  return pageHtml(
    language,
    `${title} – ${t('platform.app_name')}`,
    `<main class="refusal"><p class="brand">${e(t('platform.app_name'))}</p><h1>${e(title)}</h1><p>${e(t(`report.${refusal}.text`))}</p></main>`,
  );
}

/** Nothing kept on the way, nothing leaked on, nothing run or fetched but the page's own style. */
function reportHeaders(res: Response): void {
  res.set({
    'Content-Security-Policy': REPORT_CSP,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'X-Robots-Tag': 'noindex, nofollow',
  });
}

export function sendReport(res: Response, doc: ReportDocument): void {
  reportHeaders(res);
  res.status(200).type('html').send(reportHtml(doc));
}

export function sendRefusal(res: Response, language: Language, refusal: Refusal): void {
  reportHeaders(res);
  res.status(STATUS[refusal]).type('html').send(refusalHtml(language, refusal));
}
