// A closed poll's suppressed results as charts, for the HR report page and chart images in chat.
// Every figure comes from buildResults as it is (a Hidden stays hidden, with the same words as
// in chat); nothing here recomputes what may be shown. The instrument's norm, threshold line and
// bands are its scoring rule's (scoring/*.ts), never chosen by the instrument's id.
import type { Language } from '../model/domain.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { distributionChart, trendChart, type Chart } from '../reports/charts.ts';
import type { Instrument } from './instrument.ts';
import { hiddenText } from './render.ts';
import type { GroupResult, PollResults, QuestionResult } from './results.ts';
import { ruleOf } from './scoring/rules.ts';
import { isHidden, type Shown } from './suppression.ts';

/** One closed wave of a series and its results. */
export interface WaveResults {
  wave: number;
  results: PollResults;
}

const shownValue = (value: Shown<number>): number | null => (isHidden(value) ? null : value);
const reasonOf = (value: Shown<unknown>, t: Translator): { hiddenReason?: string } => {
  const text = hiddenText(value, t);
  return text ? { hiddenReason: text } : {};
};

/** Responded and the response rate, all groups together first, then each group. */
export function responseRateChart(results: PollResults, language: Language): Chart {
  const t = translator(language);
  const rows = [{ ...results.total, name: t('poll.csv.total') }, ...results.groups];
  return distributionChart({
    title: t('poll.chart.rate_title'),
    language,
    labelHead: t('poll.chart.group_head'),
    bars: rows.map((g) => ({ label: g.name, count: shownValue(g.responded), share: shownValue(g.responseRate), ...reasonOf(isHidden(g.responded) ? g.responded : g.responseRate, t) })),
  });
}

/** How many scored beyond the instrument's threshold and how many not; null for an instrument reported item by item. */
export function scoreChart(group: GroupResult, instrument: Instrument, language: Language): Chart | null {
  const threshold = ruleOf(instrument).threshold;
  if (!threshold || !group.score) return null;
  const t = translator(language);
  const { n, flagged, shareFlagged } = group.score;
  // The others are the respondents less those beyond: shown only where both are, so they tell nothing more.
  const within = isHidden(n) ? n : isHidden(flagged) ? flagged : n - flagged;
  const withinShare = isHidden(shareFlagged) ? shareFlagged : 1 - shareFlagged;
  return distributionChart({
    title: t('poll.chart.score_title', { instrument: instrument.name[language] }),
    language,
    bars: [
      { label: t(threshold.chart.beyondLabel), count: shownValue(flagged), share: shownValue(shareFlagged), ...reasonOf(isHidden(flagged) ? flagged : shareFlagged, t) },
      { label: t(threshold.chart.withinLabel), count: shownValue(within), share: shownValue(withinShare), ...reasonOf(isHidden(within) ? within : withinShare, t) },
    ],
  });
}

/** A distribution per question with options; free text is never charted. */
export function questionCharts(group: GroupResult, language: Language): Chart[] {
  const t = translator(language);
  return group.questions
    .filter((q) => q.texts === null)
    .map((q) =>
      distributionChart({
        title: q.text[language],
        language,
        bars: q.options.map((o) => ({ label: o.label[language], count: shownValue(o.count), share: shownValue(o.share), ...reasonOf(isHidden(o.count) ? o.count : o.share, t) })),
      }),
    );
}

const waveLabel = (t: Translator, wave: number) => t('poll.chart.wave', { wave });
const marked = (change: QuestionResult['change']) => change !== null && !isHidden(change) && change.meaningful === true;

/** The score over the waves against the norm, the threshold and the bands of the instrument's scoring rule; null for an instrument without a threshold. */
export function scoreTrendChart(waves: readonly WaveResults[], instrument: Instrument, language: Language): Chart | null {
  const t = translator(language);
  const rule = ruleOf(instrument);
  if (!rule.threshold) return null;
  const { chart } = rule.threshold;
  const range = rule.range(instrument);
  return trendChart({
    title: t('poll.chart.trend_title', { instrument: instrument.name[language] }),
    language,
    pointHead: t('poll.chart.wave_head'),
    min: range.min,
    max: range.max,
    unit: t(chart.unit),
    norm: { value: chart.norm.value, label: t(chart.norm.label) },
    threshold: { value: chart.threshold.value, label: t(chart.threshold.label) },
    bands: chart.bands.map((b) => ({ from: b.from, to: b.to, label: t(b.label) })),
    points: waves.map(({ wave, results }) => {
      const score = results.total.score;
      if (!score) return { label: waveLabel(t, wave), value: null };
      return { label: waveLabel(t, wave), value: shownValue(score.mean), ...reasonOf(score.mean, t), marked: marked(score.change) };
    }),
  });
}

/** Each scale question's mean over the waves, the latest wave's questions deciding which. */
export function meanTrendCharts(waves: readonly WaveResults[], language: Language): Chart[] {
  const t = translator(language);
  const latest = waves[waves.length - 1]?.results.total.questions ?? [];
  return latest.flatMap((question, index) => {
    if (question.kind !== 'scale') return [];
    const values = question.options.flatMap((o) => (/^-?\d+$/.test(o.key) ? [Number(o.key)] : []));
    return [
      trendChart({
        title: t('poll.chart.mean_trend_title', { question: question.text[language] }),
        language,
        pointHead: t('poll.chart.wave_head'),
        min: Math.min(...values),
        max: Math.max(...values),
        digits: 2,
        points: waves.map(({ wave, results }) => {
          // The same question in an earlier wave: by its id, else at the same place.
          const q = results.total.questions.find((other) => other.questionId === question.questionId) ?? results.total.questions[index];
          const mean = q?.kind === 'scale' ? q.mean : null;
          if (mean === null) return { label: waveLabel(t, wave), value: null };
          return { label: waveLabel(t, wave), value: shownValue(mean), ...reasonOf(mean, t), marked: marked(q!.change) };
        }),
      }),
    ];
  });
}

/** The response rate over the waves, in per cent. */
export function rateTrendChart(waves: readonly WaveResults[], language: Language): Chart {
  const t = translator(language);
  return trendChart({
    title: t('poll.chart.rate_trend_title'),
    language,
    pointHead: t('poll.chart.wave_head'),
    min: 0,
    max: 100,
    unit: t('poll.chart.percent_unit'),
    digits: 0,
    points: waves.map(({ wave, results }) => {
      const rate = results.total.responseRate;
      return { label: waveLabel(t, wave), value: isHidden(rate) ? null : rate * 100, ...reasonOf(rate, t) };
    }),
  });
}

/**
 * The series over its waves: the score against the norm and threshold (a scored instrument) or
 * each scale question's mean, and the response rate; meaningful changes ringed, as buildResults
 * judged them against the wave before.
 */
export function seriesCharts(waves: readonly WaveResults[], instrument: Instrument | null, language: Language): Chart[] {
  const score = instrument ? scoreTrendChart(waves, instrument, language) : null;
  return [...(score ? [score] : []), ...meanTrendCharts(waves, language), rateTrendChart(waves, language)];
}
