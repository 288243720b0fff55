// Charts in chat as pictures (issue 19, point 2). Each chart of a closed poll's total (a question's
// answers; for a scored instrument the score over the waves) goes into the results message as an
// image whose address is a signed link carrying only what redraws it: the poll, which chart, the
// language, a keyed digest of the figures, and the expiry. The server draws the picture afresh on
// every fetch from the same suppressed results (resultsOf) and refuses it unless the poll is still
// closed and the figures are still those the message showed: a picture never shows more, nor other,
// than the text beside it. Only the total is drawn (what a group shown the results sees too); each
// group's charts stay text for HR, and the CSV holds them all.
import type { CoreDeps } from '../context.ts';
import type { Language } from '../model/domain.ts';
import type { Block } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import type { Chart } from '../reports/charts.ts';
import { signedLink } from '../reports/links.ts';
import type { Poll } from './model.ts';
import { resultsOf, wavesOf } from './aggregates.ts';
import { decimal, hiddenText, resultChart, shownAs } from './render.ts';
import { questionCharts, scoreTrendChart } from './result-charts.ts';
import type { PollResults, QuestionResult } from './results.ts';

/**
 * Days a picture's link holds. Slack and Teams fetch a picture when the message is shown and keep
 * a copy; a week covers the days results are read and re-read while keeping a leaked link short-
 * lived. Pressing "Results" again gives fresh links; the CSV and the text charts have no expiry.
 */
export const CHART_LINK_DAYS = 7;
/** Signed in front of a chart link's fields, so no other kind of link passes for one. */
export const CHART_PURPOSE = 'chart.';
/** Fields of a chart grant before its expiry: poll, chart key, language, figures digest. */
export const CHART_FIELDS = 4;
const SCORE_KEY = 'score';

export interface ChartRequest {
  pollId: string;
  key: string;
  language: Language;
  digest: string;
}

/** The score over the series' closed waves up to this one, as the report draws it; null where the instrument has no score. */
async function scoreTrend(deps: CoreDeps, poll: Poll, results: PollResults, language: Language): Promise<Chart | null> {
  const instrument = poll.instrumentId ? deps.instruments?.find((i) => i.id === poll.instrumentId) : undefined;
  if (!instrument || !results.total.score) return null;
  return scoreTrendChart(await wavesOf(deps, poll, language, results), instrument, language);
}

/** A keyed digest of what a chart shows: the figures a link was made for, checked when it is fetched. */
export function figuresDigest(sign: (text: string) => string, chart: Chart): string {
  return sign(`chart-figures.${JSON.stringify([chart.title, chart.table])}`).slice(0, 22);
}

/** The chart's table as lines of words: "Enig: 8, 40 %", a hidden cell as its reason, once. */
function tableLines(chart: Chart): string[] {
  return chart.table.rows.map((row) => {
    const [label, ...cells] = row;
    const figures = cells.filter((cell, i) => cell !== '' && cell !== cells[i - 1]);
    return `${label}: ${figures.join(', ')}`;
  });
}

/** The chart's title and every figure of its table, for a screen reader: what the picture shows, in words. */
export function altText(chart: Chart, note?: string): string {
  return [`${chart.table.caption}.`, ...(note ? [`${note}.`] : []), `${tableLines(chart).join('; ')}.`].join(' ');
}

/** A signed link that draws this chart, or null where Lederrum has no address others can fetch from. */
function chartLink(deps: CoreDeps, pollId: string, key: string, language: Language, chart: Chart): string | null {
  const fields = [pollId, key, language, figuresDigest(deps.sign!, chart)];
  return signedLink(deps, { purpose: CHART_PURPOSE, fields, lifetimeMs: CHART_LINK_DAYS * 86_400_000, path: (grant) => `/charts/${grant}/chart.png` })?.url ?? null;
}

function imageBlock(link: string, chart: Chart, fallback: string, note?: string): Block {
  const title = note ? `${chart.title} · ${note}` : chart.title;
  return { type: 'image', url: link, alt: altText(chart, note), title, width: chart.width, height: chart.height, fallback };
}

/** In a question's picture's title, what the bars do not show: how many answered, and the mean. */
function questionNote(question: QuestionResult, language: Language, t: Translator): string {
  const answered = hiddenText(question.answered, t) ? t('poll.chart.answered_hidden') : t('poll.chart.answered', { count: question.answered as number });
  const mean = question.mean === null ? [] : [t('poll.chart.mean', { mean: shownAs(question.mean, t, (v) => decimal(v, 2, language)) })];
  return [answered, ...mean].join(' · ');
}

/** Questions' charts as one block of fixed-width text: a group's for HR, and every chart where no picture can be linked. */
export function textCharts(questions: QuestionResult[], language: Language, t: Translator): Block[] {
  const texts = questions.map((q) => resultChart(q, language, t));
  return texts.length > 0 ? [{ type: 'code', text: texts.join('\n\n') }] : [];
}

/**
 * The total's charts as blocks: a picture per chart where links can be made (each keeping its text
 * as fallback), else all of them as one block of text, as before pictures.
 */
export async function totalChartBlocks(deps: CoreDeps, poll: Poll, results: PollResults, language: Language): Promise<Block[]> {
  const t = translator(language);
  const questions = results.total.questions;
  if (!deps.publicUrl || !deps.sign) return textCharts(questions, language, t);
  const trend = await scoreTrend(deps, poll, results, language);
  const trendLink = trend && chartLink(deps, poll.id, SCORE_KEY, language, trend);
  const blocks: Block[] = trend && trendLink ? [imageBlock(trendLink, trend, [trend.table.caption, ...tableLines(trend)].join('\n'))] : [];
  // questionCharts draws every question but free text, in order: the n-th chart is the n-th such question.
  const charts = questionCharts(results.total, language);
  let charted = 0;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ type: 'code', text: pending.join('\n\n') });
    pending = [];
  };
  for (const question of questions) {
    const text = resultChart(question, language, t);
    const index = question.texts === null ? charted++ : -1;
    const chart = charts[index];
    const link = chart && chartLink(deps, poll.id, `q${index}`, language, chart);
    if (!chart || !link) {
      pending.push(text);
      continue;
    }
    flush();
    blocks.push(imageBlock(link, chart, text, questionNote(question, language, t)));
  }
  flush();
  return blocks;
}

/**
 * The chart a link asks for, drawn now from the poll's suppressed results, or null (refused) when
 * the poll is gone or no longer closed, the chart no longer exists, or its figures are not the ones
 * the link was made for.
 */
export async function currentChart(deps: CoreDeps, request: ChartRequest): Promise<Chart | null> {
  const { pollId, key, language, digest } = request;
  if (!deps.sign || (language !== 'da' && language !== 'en') || !/^(q\d{1,3}|score)$/.test(key)) return null;
  const poll = await deps.store.poll(pollId);
  if (poll?.status !== 'closed') return null;
  const results = await resultsOf(deps, poll, language);
  const chart = key === SCORE_KEY ? await scoreTrend(deps, poll, results, language) : questionCharts(results.total, language)[Number(key.slice(1))];
  return chart && figuresDigest(deps.sign, chart) === digest ? chart : null;
}
