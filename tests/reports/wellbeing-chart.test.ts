// A leader's own trend as a chart, on structure: a well-formed SVG with one point per entry at
// its index, the 10-point changes ringed, the Danish norm (68) and the signal line (50) across,
// the four bands the text explains, and the table beside it with the same figures and full dates,
// in the reader's language. It renders to a PNG of the chart's size.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { wellbeingTrendChart } from '../../src/core/wellbeing/chart.ts';
import type { WellbeingEntry } from '../../src/core/wellbeing/model.ts';
import { findAll, hasClass, parseSvg, textOf } from '../support/svg-tree.ts';

const instrument = loadInstruments().find((i) => i.id === 'who5')!;
const entry = (iso: string, index: number): WellbeingEntry => ({ id: iso, takenAt: new Date(iso), answers: [0, 0, 0, 0, 0], index });
const ENTRIES = [entry('2026-11-23T09:00:00Z', 60), entry('2026-12-23T09:00:00Z', 64), entry('2027-01-22T23:30:00Z', 40), entry('2027-02-21T09:00:00Z', 48)];
const context = { instrument, timeZone: 'Europe/Copenhagen' };

describe('wellbeingTrendChart', () => {
  it('draws each entry at its index, rings the meaningful changes, with the norm, the signal line and the four bands', () => {
    const chart = wellbeingTrendChart(ENTRIES, 'da', context);
    const root = parseSvg(chart.svg);
    expect(root.attrs).toMatchObject({ width: String(chart.width), height: String(chart.height) });
    expect(chart.title).toBe('Din trivsel over tid (WHO-5)');
    const points = findAll(root, hasClass('point'));
    expect(points.map((p) => Number(p.attrs['data-value']))).toEqual(ENTRIES.map((e) => e.index));
    // 60 → 64 (+4), → 40 (−24), → 48 (+8): only the second change is of 10 points or more.
    expect(points.map((p) => hasClass('marked')(p))).toEqual([false, false, true, false]);
    expect(findAll(root, hasClass('norm'))[0]!.attrs['data-value']).toBe('68');
    expect(findAll(root, hasClass('threshold'))[0]!.attrs['data-value']).toBe('50');
    expect(findAll(root, hasClass('band')).map(textOf)).toEqual([
      '68-100: omkring eller over gennemsnittet',
      '50-67: lidt under gennemsnittet',
      '29-49: lavt – tal gerne med nogen',
      '0-28: meget lavt – tal med din læge',
    ]);
    // Dated in the person's zone: 23:30 UTC on 22 January is already the 23rd in Copenhagen.
    expect(findAll(root, (n) => n.name === 'text').map(textOf)).toContain('23.1');
  });

  it('gives the same figures in its table, with full dates, in English too', () => {
    const chart = wellbeingTrendChart(ENTRIES, 'en', context);
    expect(chart.table.head).toEqual(['Date', 'Value (index)', 'Note']);
    expect(chart.table.rows).toEqual([
      ['23 Nov 2026', '60', ''],
      ['23 Dec 2026', '64', ''],
      ['23 Jan 2027', '40', 'Meaningful change'],
      ['21 Feb 2027', '48', ''],
    ]);
    expect(chart.table.caption).toContain('Population mean: 68');
  });

  it('renders to a PNG of the chart’s size', () => {
    const chart = wellbeingTrendChart(ENTRIES, 'da', context);
    const png = new Resvg(chart.svg, { font: { loadSystemFonts: false } }).render();
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    expect(png.asPng().subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
