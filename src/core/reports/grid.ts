// How many things lie at each point of two small scales, e.g. agreements by their expected effort
// and expected benefit: a bubble per cell, its area by the count, the count written in it. Empty
// cells draw nothing; the table lists the cells that hold any.
import { translator } from '../i18n/translate.ts';
import type { Chart, GridInput } from './model.ts';
import { colourOf, element, escapeMarkup, GRID, heading, label, MUTED, svgDocument } from './svg.ts';

const WIDTH = 640;
const CELL_HEIGHT = 44;
const PLOT = { left: 150, right: WIDTH - 24, top: 56 };

export function gridChart(input: GridInput): Chart {
  const t = translator(input.language);
  const xs = input.x.values;
  const ys = [...input.y.values].reverse(); // highest at the top
  const bottom = PLOT.top + Math.max(1, ys.length) * CELL_HEIGHT;
  const height = bottom + 64;
  const cellWidth = (PLOT.right - PLOT.left) / Math.max(1, xs.length);
  const cx = (i: number) => PLOT.left + cellWidth * (i + 0.5);
  const cy = (j: number) => PLOT.top + CELL_HEIGHT * (j + 0.5);
  const largest = Math.max(1, ...input.cells.map((c) => c.count));
  const radius = Math.min(cellWidth, CELL_HEIGHT) / 2 - 3;
  const parts: string[] = [heading(input.title, WIDTH)];
  ys.forEach((value, j) => {
    parts.push(element('line', { x1: PLOT.left, x2: PLOT.right, y1: cy(j), y2: cy(j), stroke: GRID, 'stroke-width': 1 }));
    parts.push(label(value.label, { x: PLOT.left - 8, y: cy(j) + 4, 'text-anchor': 'end', fill: MUTED }, { size: 11, width: PLOT.left - 40 }));
  });
  xs.forEach((value, i) => {
    parts.push(element('line', { x1: cx(i), x2: cx(i), y1: PLOT.top, y2: bottom, stroke: GRID, 'stroke-width': 1 }));
    parts.push(label(value.label, { x: cx(i), y: bottom + 16, 'text-anchor': 'middle', fill: MUTED }, { size: 11, width: cellWidth - 4 }));
  });
  parts.push(label(input.x.label, { x: (PLOT.left + PLOT.right) / 2, y: bottom + 40, 'text-anchor': 'middle', 'font-weight': 'bold' }, { size: 12, width: PLOT.right - PLOT.left }));
  parts.push(label(input.y.label, { x: 16, y: PLOT.top - 12, 'font-weight': 'bold' }, { size: 12, width: WIDTH - 32 }));
  const shown = input.cells.filter((c) => c.count > 0 && xs.some((v) => v.value === c.x) && ys.some((v) => v.value === c.y));
  for (const cell of shown) {
    const i = xs.findIndex((v) => v.value === cell.x);
    const j = ys.findIndex((v) => v.value === cell.y);
    const r = Math.max(7, radius * Math.sqrt(cell.count / largest));
    const tip = `${input.x.label}: ${xs[i]!.label} · ${input.y.label}: ${ys[j]!.label} · ${cell.count}`;
    parts.push(
      element(
        'g',
        { class: 'cell', 'data-x': cell.x, 'data-y': cell.y, 'data-count': cell.count },
        [
          `<title>${escapeMarkup(tip)}</title>`,
          element('circle', { cx: cx(i), cy: cy(j), r, fill: colourOf(0), 'fill-opacity': 0.8 }),
          label(String(cell.count), { x: cx(i), y: cy(j) + 4, 'text-anchor': 'middle', fill: '#ffffff', 'font-weight': 'bold' }, { size: 11 }),
        ].join(''),
      ),
    );
  }
  if (shown.length === 0) parts.push(label(t('chart.empty'), { x: (PLOT.left + PLOT.right) / 2, y: (PLOT.top + bottom) / 2, 'text-anchor': 'middle', fill: MUTED }));

  const nameOf = (values: GridInput['x']['values'], v: number) => values.find((o) => o.value === v)?.label ?? String(v);
  const rows = [...shown].sort((a, b) => a.x - b.x || a.y - b.y).map((c) => [nameOf(xs, c.x), nameOf(input.y.values, c.y), String(c.count)]);
  const table = { caption: input.title, head: [input.x.label, input.y.label, t('chart.head.count')], rows };
  return { svg: svgDocument({ width: WIDTH, height }, input.title, parts.join('')), width: WIDTH, height, title: input.title, table };
}
