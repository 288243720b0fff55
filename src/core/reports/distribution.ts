// How the answers to one question spread over its options: a horizontal bar per option with its
// count and share. A hidden count is a hatched, empty bar with the reason written on it, never a
// bar of some length; a count shown without its share (the number of answers is hidden) gets no
// bar either, since a bar would claim a share that is not known.
import { percent } from '../i18n/numbers.ts';
import { translator } from '../i18n/translate.ts';
import type { Chart, DistributionInput } from './model.ts';
import { colourOf, element, escapeMarkup, GRID, hatch, heading, label, MUTED, svgDocument } from './svg.ts';

const WIDTH = 640;
const TOP = 48;
const ROW = 30;
const LABELS = { left: 16, width: 204 };
const BAR = { left: 228, width: 280 };

export function distributionChart(input: DistributionInput): Chart {
  const t = translator(input.language);
  const height = TOP + Math.max(1, input.bars.length) * ROW + 12;
  const pattern = hatch(input);
  const parts: string[] = [pattern.defs, heading(input.title, WIDTH)];
  input.bars.forEach((bar, i) => {
    const top = TOP + i * ROW;
    const middle = top + ROW / 2;
    parts.push(label(bar.label, { x: LABELS.left, y: middle + 4 }, { size: 12, width: LABELS.width }));
    const track = element('rect', { x: BAR.left, y: top + 5, width: BAR.width, height: ROW - 10, fill: '#f6f8fa' });
    if (bar.count === null) {
      const reason = bar.hiddenReason ?? t('chart.hidden');
      parts.push(
        element(
          'g',
          { class: 'bar hidden', 'data-reason': reason },
          [
            `<title>${escapeMarkup(`${bar.label}: ${reason}`)}</title>`,
            element('rect', { x: BAR.left, y: top + 5, width: BAR.width, height: ROW - 10, fill: `url(#${pattern.id})`, stroke: GRID }),
            label(reason, { x: BAR.left + 6, y: middle + 4, fill: MUTED }, { size: 11, width: WIDTH - BAR.left - 22 }),
          ].join(''),
        ),
      );
      return;
    }
    const share = bar.share;
    const text = share === null ? String(bar.count) : `${bar.count} (${percent(share, input.language)})`;
    const fill = share === null ? '' : element('rect', { class: 'fill', x: BAR.left, y: top + 5, width: Math.max(0, Math.min(1, share)) * BAR.width, height: ROW - 10, fill: colourOf(0) });
    parts.push(
      element(
        'g',
        { class: share === null ? 'bar count-only' : 'bar', 'data-count': bar.count, 'data-share': share ?? undefined },
        [`<title>${escapeMarkup(`${bar.label}: ${text}`)}</title>`, track, fill, label(text, { x: BAR.left + BAR.width + 8, y: middle + 4, 'font-weight': 'bold' }, { size: 12 })].join(''),
      ),
    );
  });
  if (input.bars.length === 0) parts.push(label(t('chart.empty'), { x: BAR.left, y: TOP + ROW / 2 + 4, fill: MUTED }));

  const hidden = (bar: DistributionInput['bars'][number]) => bar.hiddenReason ?? t('chart.hidden');
  const rows = input.bars.map((bar) => [
    bar.label,
    bar.count === null ? hidden(bar) : String(bar.count),
    bar.count === null ? hidden(bar) : bar.share === null ? hidden(bar) : percent(bar.share, input.language),
  ]);
  const table = { caption: input.title, head: [input.labelHead ?? t('chart.head.option'), t('chart.head.count'), t('chart.head.share')], rows };
  return { svg: svgDocument({ width: WIDTH, height }, input.title, parts.join('')), width: WIDTH, height, title: input.title, table };
}
