// Reading a report page's HTML in tests without a browser: its visible words, its inline SVG
// charts parsed, its tables' rows as text, and a GET in a chosen language.
import { parseSvg } from '../support/svg-tree.ts';

/** The page's visible words, tags dropped, entities decoded. */
export const words = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
/** Each inline SVG on the page, parsed. */
export const charts = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => parseSvg(m[0]));
/** The rows of each table on the page, cells as text. */
export const tables = (html: string) =>
  [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => words(c[1]!).trim())),
  );

export const get = (url: string, language = 'da') => fetch(url, { headers: { 'accept-language': language } }).then(async (r) => ({ status: r.status, headers: r.headers, html: await r.text() }));
