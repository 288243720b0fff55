// A score over waves (or any values over dates): a line through the shown values, broken where a
// value is hidden, with a hatched strip there; meaningful changes ringed; optional bands, a norm
// and a threshold drawn across. The table beside it holds every point, hidden ones as their reason.
import { decimal } from '../i18n/numbers.ts';
import { translator } from '../i18n/translate.ts';
import type { Chart, TrendInput } from './model.ts';
import { colourOf, element, escapeMarkup, GRID, HALO, hatch, heading, INK, label, MUTED, svgDocument, textWidth } from './svg.ts';

const WIDTH = 640;
const HEIGHT = 360;
const PLOT = { left: 56, right: WIDTH - 24, top: 52, bottom: HEIGHT - 88 };
const LINE = colourOf(0);
const MARK = colourOf(5);
const NORM = colourOf(2);
/** The lines drawn across, named in the legend rather than on the plot, where they would cross the values. */
const REFERENCES = [
  ['threshold', MARK, '6 4'],
  ['norm', NORM, '2 3'],
] as const;

/** A round step for about four intervals: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(span: number): number {
  const rough = span / 4;
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power)!;
}

export function trendChart(input: TrendInput): Chart {
  const t = translator(input.language);
  const digits = input.digits ?? 1;
  const { min, max } = input;
  const span = max > min ? max - min : 1;
  const y = (v: number) => PLOT.bottom - ((Math.min(max, Math.max(min, v)) - min) / span) * (PLOT.bottom - PLOT.top);
  const n = input.points.length;
  const inner = 28;
  const x = (i: number) => (n <= 1 ? (PLOT.left + PLOT.right) / 2 : PLOT.left + inner + (i * (PLOT.right - PLOT.left - 2 * inner)) / (n - 1));
  const slot = n <= 1 ? PLOT.right - PLOT.left : (PLOT.right - PLOT.left - 2 * inner) / (n - 1);
  const pattern = hatch(input);
  const parts: string[] = [pattern.defs, heading(input.title, WIDTH)];

  (input.bands ?? []).forEach((band, i) => {
    const top = y(Math.max(band.from, band.to));
    const bottom = y(Math.min(band.from, band.to));
    parts.push(
      element(
        'g',
        { class: 'band' },
        [
          element('rect', { x: PLOT.left, y: top, width: PLOT.right - PLOT.left, height: bottom - top, fill: i % 2 === 0 ? '#f6f8fa' : '#eaeef2' }),
          label(band.label, { x: PLOT.left + 6, y: top + 13, fill: MUTED }, { size: 10, width: PLOT.right - PLOT.left - 12 }),
        ].join(''),
      ),
    );
  });

  const step = niceStep(span);
  const tickDigits = Number.isInteger(step) ? 0 : 1;
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
    parts.push(element('line', { class: 'tick', x1: PLOT.left, x2: PLOT.right, y1: y(v), y2: y(v), stroke: GRID, 'stroke-width': 1 }));
    parts.push(label(decimal(v, tickDigits, input.language), { x: PLOT.left - 8, y: y(v) + 4, 'text-anchor': 'end', fill: MUTED }, { size: 11 }));
  }
  if (input.unit) parts.push(label(input.unit, { x: PLOT.left - 8, y: PLOT.top - 14, 'text-anchor': 'end', fill: MUTED }, { size: 11 }));

  for (const [kind, colour, dash] of REFERENCES) {
    const line = input[kind];
    if (line)
      parts.push(
        element('line', { class: kind, 'data-value': line.value, x1: PLOT.left, x2: PLOT.right, y1: y(line.value), y2: y(line.value), stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash }),
      );
  }

  // The line runs through consecutive shown values only: a hidden value is a gap, not a guess.
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 1) parts.push(element('polyline', { class: 'trend-line', points: run.join(' '), fill: 'none', stroke: LINE, 'stroke-width': 2.5 }));
    run = [];
  };
  input.points.forEach((point, i) => {
    if (point.value === null) endRun();
    else run.push(`${Math.round(x(i) * 10) / 10},${Math.round(y(point.value) * 10) / 10}`);
  });
  endRun();

  input.points.forEach((point, i) => {
    parts.push(label(point.label, { x: x(i), y: PLOT.bottom + 18, 'text-anchor': 'middle' }, { size: 11, width: Math.max(24, slot - 6) }));
    if (point.value === null) {
      const reason = point.hiddenReason ?? t('chart.hidden');
      parts.push(
        element(
          'g',
          { class: 'hidden-point', 'data-reason': reason },
          [
            `<title>${escapeMarkup(`${point.label}: ${reason}`)}</title>`,
            element('rect', { x: x(i) - 8, y: PLOT.top, width: 16, height: PLOT.bottom - PLOT.top, fill: `url(#${pattern.id})`, stroke: GRID }),
            label('?', { x: x(i), y: PLOT.bottom - 6, 'text-anchor': 'middle', fill: MUTED, 'font-weight': 'bold' }, { size: 12 }),
          ].join(''),
        ),
      );
      return;
    }
    const value = decimal(point.value, digits, input.language);
    const cy = y(point.value);
    parts.push(
      element(
        'g',
        { class: point.marked ? 'point marked' : 'point', 'data-value': point.value },
        [
          `<title>${escapeMarkup(`${point.label}: ${value}${point.marked ? ` – ${t('chart.marked')}` : ''}`)}</title>`,
          point.marked ? element('circle', { class: 'mark', cx: x(i), cy, r: 10, fill: 'none', stroke: MARK, 'stroke-width': 2.5 }) : '',
          element('circle', { cx: x(i), cy, r: 5, fill: LINE, stroke: '#ffffff', 'stroke-width': 1.5 }),
          label(value, { x: x(i), y: cy - 14, 'text-anchor': 'middle', 'font-weight': 'bold', ...HALO }, { size: 12 }),
        ].join(''),
      ),
    );
  });
  parts.push(element('line', { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom, stroke: INK, 'stroke-width': 1 }));
  if (n === 0) parts.push(label(t('chart.empty'), { x: WIDTH / 2, y: (PLOT.top + PLOT.bottom) / 2, 'text-anchor': 'middle', fill: MUTED }));
  parts.push(legend(input, t, pattern.id));

  const caption = [input.title, ...[input.norm, input.threshold].flatMap((r) => (r ? [`${r.label}: ${decimal(r.value, Number.isInteger(r.value) ? 0 : digits, input.language)}`] : []))].join(' · ');
  const head = [input.pointHead ?? t('chart.head.when'), input.unit ? t('chart.head.value_unit', { unit: input.unit }) : t('chart.head.value'), t('chart.head.note')];
  const rows = input.points.map((p) => [
    p.label,
    p.value === null ? (p.hiddenReason ?? t('chart.hidden')) : decimal(p.value, digits, input.language),
    p.value !== null && p.marked ? t('chart.marked') : '',
  ]);
  return { svg: svgDocument({ width: WIDTH, height: HEIGHT }, input.title, parts.join('')), width: WIDTH, height: HEIGHT, title: input.title, table: { caption, head, rows } };
}

/** What the lines, the ring and the hatching mean, shown only when the chart has them: the reference lines on one row, the marks below. */
function legend(input: TrendInput, t: ReturnType<typeof translator>, hatchId: string): string {
  const items: string[] = [];
  const row = (base: number, entries: Array<[swatch: (left: number, base: number) => string, text: string]>) => {
    let left = PLOT.left;
    for (const [swatch, text] of entries) {
      items.push(swatch(left, base), label(text, { x: left + 30, y: base }, { size: 11, width: 280 }));
      left += 48 + Math.min(280, textWidth(text, 11));
    }
  };
  const digits = input.digits ?? 1;
  row(
    HEIGHT - 38,
    REFERENCES.flatMap(([kind, colour, dash]) => {
      const line = input[kind];
      if (!line) return [];
      const swatch = (left: number, base: number) => element('line', { x1: left, x2: left + 24, y1: base - 4, y2: base - 4, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': dash });
      return [[swatch, `${line.label} (${decimal(line.value, Number.isInteger(line.value) ? 0 : digits, input.language)})`] as const];
    }),
  );
  const marks: Array<[(left: number, base: number) => string, string]> = [];
  if (input.points.some((p) => p.value !== null && p.marked))
    marks.push([(left, base) => element('circle', { cx: left + 12, cy: base - 4, r: 7, fill: 'none', stroke: MARK, 'stroke-width': 2.5 }), t('chart.marked')]);
  if (input.points.some((p) => p.value === null))
    marks.push([(left, base) => element('rect', { x: left + 4, y: base - 12, width: 16, height: 16, fill: `url(#${hatchId})`, stroke: GRID }), t('chart.hidden')]);
  row(HEIGHT - 14, marks);
  return items.length ? element('g', { class: 'legend' }, items.join('')) : '';
}
