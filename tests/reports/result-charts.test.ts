// Poll results as charts: the figures buildResults shows and nothing else, hidden ones with the
// words chat uses, the norm and threshold from the instrument's scoring rule.
import { describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { translator } from '../../src/core/i18n/translate.ts';
import { hiddenText } from '../../src/core/polls/render.ts';
import { questionCharts, responseRateChart, scoreChart, seriesCharts } from '../../src/core/polls/result-charts.ts';
import { buildResults, type GroupAggregate } from '../../src/core/polls/results.ts';
import { findAll, hasClass, parseSvg } from '../support/svg-tree.ts';

const instruments = loadInstruments();
const who5 = instruments.find((i) => i.id === 'who5')!;
const pulse = instruments.find((i) => i.id === 'workplace-pulse')!;

const scored = (groupId: string, invited: number, responded: number, sum: number, flagged: number): GroupAggregate => ({
  groupId,
  name: `Gruppe ${groupId}`,
  invited,
  responded,
  questions: [],
  score: { n: responded, sum, flagged },
});

describe('poll result charts', () => {
  it('shows response rates per group, a group too small hidden with the chat’s words', () => {
    const results = buildResults({ instrument: who5, groups: [scored('a', 8, 7, 7 * 60, 2), scored('b', 6, 6, 6 * 70, 1), scored('c', 3, 2, 2 * 40, 1)] });
    const chart = responseRateChart(results, 'da');
    const bars = findAll(parseSvg(chart.svg), hasClass('bar'));
    expect(bars).toHaveLength(4);
    const t = translator('da');
    const hiddenRows = chart.table.rows.filter((r) => r[1]!.startsWith('–'));
    for (const [i, g] of [results.total, ...results.groups].entries()) {
      const reason = hiddenText(g.responded, t);
      expect(chart.table.rows[i]![1]).toBe(reason ?? String(g.responded));
    }
    expect(hiddenRows.length).toBeGreaterThan(0);
    expect(chart.table.head[0]).toBe('Gruppe');
  });

  it('splits a scored instrument at its rule’s threshold, and draws the series against the norm', () => {
    const first = buildResults({ instrument: who5, groups: [scored('a', 10, 10, 10 * 52, 5)] });
    const second = buildResults({ instrument: who5, groups: [scored('a', 12, 12, 12 * 64, 5)], previous: [scored('a', 10, 10, 10 * 52, 5)] });
    const split = scoreChart(second.total, who5, 'en')!;
    expect(split.table.rows).toEqual([
      ['Below 50', '5', '42 %'],
      ['50 or more', '7', '58 %'],
    ]);
    const [trend, rate] = seriesCharts(
      [
        { wave: 1, results: first },
        { wave: 2, results: second },
      ],
      who5,
      'en',
    );
    const svg = parseSvg(trend!.svg);
    expect(findAll(svg, hasClass('point')).map((p) => [p.attrs['data-value'], hasClass('marked')(p)])).toEqual([
      ['52', false],
      ['64', true],
    ]);
    expect(findAll(svg, hasClass('norm'))[0]!.attrs['data-value']).toBe('68');
    expect(findAll(svg, hasClass('threshold'))[0]!.attrs['data-value']).toBe('50');
    expect(trend!.table.rows).toEqual([
      ['Wave 1', '52.0', ''],
      ['Wave 2', '64.0', 'Meaningful change'],
    ]);
    expect(rate!.table.rows.map((r) => r[1])).toEqual(['100', '100']);
    expect(scoreChart(second.total, pulse, 'en')).toBeNull();
  });

  it('charts each item of an instrument reported item by item, hiding what buildResults hides', () => {
    const counts = (values: number[]) => Object.fromEntries(values.map((n, i) => [String(i + 1), n]));
    const group = (id: string, rows: number[][]): GroupAggregate => ({
      groupId: id,
      name: id,
      invited: 12,
      responded: rows[0]!.reduce((a, b) => a + b, 0),
      questions: pulse.items.map((item, i) => {
        const row = rows[i % rows.length]!;
        return { questionId: item.id, counts: counts(row), sum: row.reduce((a, n, v) => a + n * (v + 1), 0), answered: row.reduce((a, b) => a + b, 0) };
      }),
    });
    const results = buildResults({ instrument: pulse, groups: [group('a', [[0, 1, 2, 4, 3]])] });
    const charts = questionCharts(results.total, 'da');
    expect(charts).toHaveLength(pulse.items.length);
    const first = results.total.questions[0]!;
    const bars = findAll(parseSvg(charts[0]!.svg), hasClass('bar'));
    expect(bars.map((b) => hasClass('hidden')(b))).toEqual(first.options.map((o) => typeof o.count !== 'number'));
    expect(bars.filter((b) => hasClass('hidden')(b)).map((b) => b.attrs['data-reason'])).toEqual(
      first.options.filter((o) => typeof o.count !== 'number').map((o) => hiddenText(o.count, translator('da'))),
    );
    expect(bars.some((b) => hasClass('hidden')(b))).toBe(true);
  });
});
