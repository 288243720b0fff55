// Counts over time, each column split into the same series: a group's check-ins as answered /
// passed / absent, its agreements by status. Only counts ever reach this chart. The total stands
// above each column; the table holds every segment.
import { decimal } from '../i18n/numbers.ts';
import { translator } from '../i18n/translate.ts';
import type { Chart, StackedInput } from './model.ts';
import { colourOf, element, escapeMarkup, GRID, heading, INK, label, MUTED, svgDocument } from './svg.ts';
import { niceStep } from './trend.ts';

const WIDTH = 640;
const HEIGHT = 330;
const PLOT = { left: 48, right: WIDTH - 16, top: 52, bottom: HEIGHT - 78 };

export function stackedChart(input: StackedInput): Chart {
  const t = translator(input.language);
  const totals = input.columns.map((c) => c.values.reduce((a, b) => a + b, 0));
  const step = niceStep(Math.max(4, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const y = (v: number) => PLOT.bottom - (v / top) * (PLOT.bottom - PLOT.top);
  const slot = (PLOT.right - PLOT.left) / Math.max(1, input.columns.length);
  const barWidth = Math.min(48, slot * 0.6);
  const parts: string[] = [heading(input.title, WIDTH)];
  for (let v = 0; v <= top; v += step) {
    parts.push(element('line', { class: 'tick', x1: PLOT.left, x2: PLOT.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-width': 1 }));
    parts.push(label(decimal(v, 0, input.language), { x: PLOT.left - 8, y: y(v) + 4, 'text-anchor': 'end', fill: MUTED }, { size: 11 }));
  }
  input.columns.forEach((column, c) => {
    const centre = PLOT.left + slot * (c + 0.5);
    let base = 0;
    const segments = input.series.map((series, s) => {
      const value = column.values[s] ?? 0;
      const rect = element(
        'rect',
        {
          class: 'segment',
          'data-series': s,
          'data-value': value,
          x: centre - barWidth / 2,
          y: y(base + value),
          width: barWidth,
          height: y(base) - y(base + value),
          fill: series.colour ?? colourOf(s),
        },
        `<title>${escapeMarkup(`${column.label} · ${series.label}: ${value}`)}</title>`,
      );
      base += value;
      return rect;
    });
    parts.push(element('g', { class: 'column', 'data-total': totals[c] }, segments.join('')));
    parts.push(label(String(totals[c]), { x: centre, y: y(base) - 5, 'text-anchor': 'middle', 'font-weight': 'bold' }, { size: 11 }));
    parts.push(label(column.label, { x: centre, y: PLOT.bottom + 18, 'text-anchor': 'middle' }, { size: 11, width: Math.max(24, slot - 4) }));
  });
  parts.push(element('line', { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, stroke: INK, 'stroke-width': 1 }));
  if (input.columns.length === 0) parts.push(label(t('chart.empty'), { x: WIDTH / 2, y: (PLOT.top + PLOT.bottom) / 2, 'text-anchor': 'middle', fill: MUTED }));
  let left = PLOT.left;
  const legend = input.series.map((series, s) => {
    const item =
      element('rect', { x: left, y: HEIGHT - 34, width: 14, height: 14, fill: series.colour ?? colourOf(s) }) + label(series.label, { x: left + 20, y: HEIGHT - 22 }, { size: 11, width: 150 });
    left += 34 + Math.min(150, series.label.length * 6.6);
    return item;
  });
  parts.push(element('g', { class: 'legend' }, legend.join('')));

  const head = [input.pointHead ?? t('chart.head.when'), ...input.series.map((s) => s.label), t('chart.head.total')];
  const rows = input.columns.map((column, c) => [column.label, ...input.series.map((_, s) => String(column.values[s] ?? 0)), String(totals[c])]);
  return { svg: svgDocument({ width: WIDTH, height: HEIGHT }, input.title, parts.join('')), width: WIDTH, height: HEIGHT, title: input.title, table: { caption: input.title, head, rows } };
}
