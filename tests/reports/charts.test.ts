// The charts on structure: a well-formed standalone SVG, one mark per figure given, hidden figures
// drawn as hidden with their reason, and the table beside each holding the same figures.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { distributionChart, gridChart, stackedChart, trendChart } from '../../src/core/reports/charts.ts';
import { findAll, hasClass, parseSvg, textOf, type Node } from '../support/svg-tree.ts';

const standalone = (svg: string, width: number, height: number): Node => {
  const root = parseSvg(svg);
  expect(root.name).toBe('svg');
  expect(root.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, role: 'img' });
  expect(root.attrs['font-family']).toMatch(/^DejaVu Sans/);
  expect(root.children[0]!.name).toBe('title');
  expect(root.attrs['aria-label']).toBe(textOf(root.children[0]!));
  return root;
};

describe('trendChart', () => {
  const input = {
    title: 'WHO-5 <trivsel> & "balance"',
    language: 'da' as const,
    min: 0,
    max: 100,
    unit: 'indeks',
    points: [
      { label: 'Runde 1', value: 52.4 },
      { label: 'Runde 2', value: null, hiddenReason: 'skjult: færre end 5' },
      { label: 'Runde 3', value: 64, marked: true },
      { label: 'Runde 4', value: 61.2 },
    ],
    norm: { value: 68, label: 'Dansk gennemsnit' },
    threshold: { value: 50, label: 'Under 50: et signal' },
    bands: [
      { from: 0, to: 28, label: 'Tal med lægen' },
      { from: 28, to: 50, label: 'Et signal' },
    ],
  };

  it('draws each shown value as a point, a hidden one as a gap with its reason, and rings the meaningful change', () => {
    const chart = trendChart(input);
    const root = standalone(chart.svg, chart.width, chart.height);
    expect(textOf(root.children[0]!)).toBe(input.title);
    const points = findAll(root, hasClass('point'));
    expect(points.map((p) => Number(p.attrs['data-value']))).toEqual([52.4, 64, 61.2]);
    expect(points.map((p) => hasClass('marked')(p))).toEqual([false, true, false]);
    const hidden = findAll(root, hasClass('hidden-point'));
    expect(hidden.map((h) => h.attrs['data-reason'])).toEqual(['skjult: færre end 5']);
    expect(textOf(hidden[0]!)).toContain('Runde 2: skjult: færre end 5');
    // The line breaks at the gap: point 1 stands alone, points 3 and 4 are joined.
    expect(findAll(root, hasClass('trend-line')).map((l) => l.attrs.points!.split(' ').length)).toEqual([2]);
    expect(findAll(root, hasClass('norm'))[0]!.attrs['data-value']).toBe('68');
    expect(findAll(root, hasClass('threshold'))[0]!.attrs['data-value']).toBe('50');
    expect(findAll(root, hasClass('band'))).toHaveLength(2);
    expect(textOf(root)).toContain('52,4');
  });

  it('puts the same figures in its table, in the reader’s language', () => {
    const chart = trendChart(input);
    expect(chart.table.head).toEqual(['Tidspunkt', 'Værdi (indeks)', 'Bemærkning']);
    expect(chart.table.rows).toEqual([
      ['Runde 1', '52,4', ''],
      ['Runde 2', 'skjult: færre end 5', ''],
      ['Runde 3', '64,0', 'Betydelig ændring'],
      ['Runde 4', '61,2', ''],
    ]);
    expect(chart.table.caption).toContain('Dansk gennemsnit: 68');
    const english = trendChart({ ...input, language: 'en', pointHead: 'Wave' });
    expect(english.table.head).toEqual(['Wave', 'Value (indeks)', 'Note']);
    expect(english.table.rows[0]).toEqual(['Runde 1', '52.4', '']);
  });

  it('escapes what users wrote, everywhere it appears', () => {
    const chart = trendChart({ ...input, points: [{ label: '</text><script>x</script>', value: 10 }] });
    expect(chart.svg).not.toContain('<script>');
    expect(textOf(parseSvg(chart.svg))).toContain('</text><script>x</script>');
  });

  it('draws nothing false for no points or a single one', () => {
    const none = trendChart({ ...input, points: [] });
    expect(findAll(parseSvg(none.svg), hasClass('point'))).toHaveLength(0);
    expect(textOf(parseSvg(none.svg))).toContain('Ingen tal endnu');
    const one = trendChart({ ...input, points: [{ label: 'Runde 1', value: 40 }] });
    expect(findAll(parseSvg(one.svg), hasClass('point'))).toHaveLength(1);
    expect(findAll(parseSvg(one.svg), hasClass('trend-line'))).toHaveLength(0);
  });
});

describe('hatching on a page of many charts', () => {
  it('gives each chart its own pattern id, the same one each time for the same chart', () => {
    const one = { title: 'A', language: 'da' as const, bars: [{ label: 'x', count: null, share: null, hiddenReason: 'r' }] };
    const other = { ...one, title: 'B' };
    const id = (svg: string) => findAll(parseSvg(svg), (n) => n.name === 'pattern')[0]!.attrs.id;
    expect(id(distributionChart(one).svg)).toBe(id(distributionChart(one).svg));
    expect(id(distributionChart(one).svg)).not.toBe(id(distributionChart(other).svg));
    const bar = findAll(parseSvg(distributionChart(one).svg), hasClass('hidden'))[0]!;
    expect(findAll(bar, (n) => n.name === 'rect')[0]!.attrs.fill).toBe(`url(#${id(distributionChart(one).svg)})`);
  });
});

describe('distributionChart', () => {
  const bars = [
    { label: 'Helt enig', count: 8, share: 0.4 },
    { label: 'Enig', count: 12, share: 0.6 },
    { label: 'Uenig', count: null, share: null, hiddenReason: 'skjult for at beskytte enkeltes svar' },
    { label: 'Helt uenig', count: 6, share: null, hiddenReason: 'antal svar skjult' },
  ];

  it('draws a bar per option as wide as its share, hidden ones hatched with their reason', () => {
    const chart = distributionChart({ title: 'Spørgsmål 1', language: 'da', bars });
    const root = standalone(chart.svg, chart.width, chart.height);
    const drawn = findAll(root, hasClass('bar'));
    expect(drawn).toHaveLength(4);
    const widths = drawn.map((b) => findAll(b, hasClass('fill'))[0]?.attrs.width);
    expect(widths[1]).toBe(String(0.6 * 280));
    expect(Number(widths[0]) / Number(widths[1])).toBeCloseTo(8 / 12, 2);
    expect(hasClass('hidden')(drawn[2]!)).toBe(true);
    expect(drawn[2]!.attrs['data-reason']).toBe('skjult for at beskytte enkeltes svar');
    expect(textOf(drawn[2]!)).toContain('skjult for at beskytte enkeltes svar');
    expect(findAll(drawn[2]!, hasClass('fill'))).toHaveLength(0);
    expect(hasClass('count-only')(drawn[3]!)).toBe(true);
    expect(findAll(drawn[3]!, hasClass('fill'))).toHaveLength(0);
    expect(textOf(drawn[0]!)).toContain('8 (40 %)');
  });

  it('tables the same counts and shares', () => {
    const chart = distributionChart({ title: 'Question 1', language: 'en', bars });
    expect(chart.table.head).toEqual(['Option', 'Count', 'Share']);
    expect(chart.table.rows).toEqual([
      ['Helt enig', '8', '40 %'],
      ['Enig', '12', '60 %'],
      ['Uenig', 'skjult for at beskytte enkeltes svar', 'skjult for at beskytte enkeltes svar'],
      ['Helt uenig', '6', 'antal svar skjult'],
    ]);
  });
});

describe('stackedChart', () => {
  it('stacks each column’s series and tables them with their totals', () => {
    const chart = stackedChart({
      title: 'Deltagelse',
      language: 'da',
      series: [{ label: 'Svarede' }, { label: 'Sprang over' }, { label: 'Fraværende' }],
      columns: [
        { label: '3. mar', values: [4, 1, 1] },
        { label: '10. mar', values: [5, 0, 1] },
      ],
    });
    const root = standalone(chart.svg, chart.width, chart.height);
    const columns = findAll(root, hasClass('column'));
    expect(columns.map((c) => c.attrs['data-total'])).toEqual(['6', '6']);
    expect(findAll(columns[0]!, hasClass('segment')).map((s) => s.attrs['data-value'])).toEqual(['4', '1', '1']);
    const heights = findAll(columns[0]!, hasClass('segment')).map((s) => Number(s.attrs.height));
    expect(heights[0]! / heights[1]!).toBeCloseTo(4, 1);
    expect(chart.table.head).toEqual(['Tidspunkt', 'Svarede', 'Sprang over', 'Fraværende', 'I alt']);
    expect(chart.table.rows).toEqual([
      ['3. mar', '4', '1', '1', '6'],
      ['10. mar', '5', '0', '1', '6'],
    ]);
  });
});

describe('gridChart', () => {
  it('draws a bubble for each cell that holds any, and tables them', () => {
    const scale = [1, 2, 3].map((v) => ({ value: v, label: String(v) }));
    const chart = gridChart({
      title: 'Gevinst mod indsats',
      language: 'da',
      x: { label: 'Indsats', values: scale },
      y: { label: 'Gevinst', values: scale },
      cells: [
        { x: 1, y: 3, count: 4 },
        { x: 3, y: 1, count: 1 },
        { x: 2, y: 2, count: 0 },
      ],
    });
    const root = standalone(chart.svg, chart.width, chart.height);
    const cells = findAll(root, hasClass('cell'));
    expect(cells.map((c) => [c.attrs['data-x'], c.attrs['data-y'], c.attrs['data-count']])).toEqual([
      ['1', '3', '4'],
      ['3', '1', '1'],
    ]);
    expect(chart.table.rows).toEqual([
      ['1', '3', '4'],
      ['3', '1', '1'],
    ]);
  });
});

describe('every chart renders with resvg and the DejaVu font', () => {
  it('gives a PNG of the chart’s own size', async () => {
    const { createRequire } = await import('node:module');
    const font = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    const chart = trendChart({ title: 'WHO-5', language: 'en', min: 0, max: 100, points: [{ label: 'Wave 1', value: 60 }] });
    const png = new Resvg(chart.svg, { font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render();
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    expect(png.asPng().subarray(1, 4).toString()).toBe('PNG');
  });
});
