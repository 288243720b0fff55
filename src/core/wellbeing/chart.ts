// The person's own trend as a chart (issue 19, point 4): their WHO-5 indexes over time against the
// Danish norm (68) and the signal line (50), over the four bands the view explains, each change of
// the instrument's meaningful size (10 points) ringed. Pure: the same entries the text trend shows,
// drawn by reports/charts.ts; the chart's table carries the full dates, for screen readers. The
// text trend (trend.ts) stands on its own wherever no image is shown.
import type { Language } from '../model/domain.ts';
import { translator } from '../i18n/translate.ts';
import type { Instrument } from '../polls/instrument.ts';
import { trendChart, type Chart } from '../reports/charts.ts';
import { BAND_RANGES, DANISH_NORM, REFERENCE_LABELS, SIGNAL_BELOW } from './bands.ts';
import type { WellbeingEntry } from './model.ts';
import { dayOf, trendOf } from './trend.ts';

/** The chart of a person's entries (oldest first), dated in their zone, in their language. */
export function wellbeingTrendChart(entries: readonly WellbeingEntry[], language: Language, context: { instrument: Instrument; timeZone: string }): Chart {
  const t = translator(language);
  const short = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'numeric', timeZone: context.timeZone });
  const points = trendOf(entries, context.instrument);
  const chart = trendChart({
    title: t('wellbeing.chart_title'),
    language,
    min: 0,
    max: 100,
    unit: t(REFERENCE_LABELS.unit),
    digits: 0,
    pointHead: t('wellbeing.chart_date'),
    points: points.map(({ entry, change }) => ({ label: short.format(entry.takenAt), value: entry.index, marked: change?.meaningful === true })),
    norm: { value: DANISH_NORM, label: t(REFERENCE_LABELS.norm) },
    threshold: { value: SIGNAL_BELOW, label: t(REFERENCE_LABELS.threshold) },
    // Drawn edge to edge (68-100, 50-68, 29-50, 0-29); labelled with the whole indexes each covers.
    bands: BAND_RANGES.map((range) => ({ from: range.from, to: Math.min(100, range.to + 1), label: t(`wellbeing.band.${range.band}.short`) })),
  });
  // The picture's labels are short (no year); the table names each day in full.
  const rows = chart.table.rows.map((row, i) => [dayOf(entries[i]!.takenAt, language, context.timeZone), ...row.slice(1)]);
  return { ...chart, table: { ...chart.table, rows } };
}
