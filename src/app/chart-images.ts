// GET /charts/<grant>/chart.png: one chart of a closed poll's results as a picture, fetched by
// Slack, Teams or the playground's browser from a results message (src/core/polls/chart-images.ts
// makes the links, src/app/links.ts signs them). The link is the permission and carries only what
// redraws the chart; each fetch checks the poll is still closed and redraws it from the same
// suppressed results, refusing it when the figures are no longer the ones the message showed.
// Anything wrong answers the same 404, which says nothing about why. Fetches are bounded (two
// drawn at once, a few waiting, then 503), so a flood of them cannot take the bot's database and
// CPU from its chats.
import type { Express, Response } from 'express';
import type { CoreDeps } from '../core/context.ts';
import { CHART_FIELDS, CHART_LINK_DAYS, CHART_PURPOSE, currentChart } from '../core/polls/chart-images.ts';
import type { Language } from '../core/model/domain.ts';
import { WorkQueue } from '../../adapters/work-queue.ts';
import { openGrant } from './links.ts';
import { PngCache } from './chart-png.ts';

/** Pictures drawn at once and waiting at most: each is a few database reads and ~20-40 ms of drawing. */
export const CHART_WORK = { concurrency: 2, limit: 16 };
/** How long a cache may keep a picture: a day at most, so a poll deleted since is not shown for long. */
const MAX_AGE_SECONDS = 86_400;

export interface ChartImageOptions {
  work?: WorkQueue;
  cache?: PngCache;
}

export function mountChartImages(http: Express, deps: CoreDeps, options: ChartImageOptions = {}): void {
  const work = options.work ?? new WorkQueue(CHART_WORK);
  const cache = options.cache ?? new PngCache();
  http.get('/charts/:grant/chart.png', async (req, res) => {
    const refuse = () => plain(res, 404, 'Not found.');
    try {
      const now = deps.clock.now().getTime();
      const grant = req.params.grant;
      const fields = deps.sign ? openGrant(deps.sign, grant, { fields: CHART_FIELDS, purpose: CHART_PURPOSE, now, maxAgeMs: (CHART_LINK_DAYS * 24 + 1) * 3600_000 }) : null;
      if (!fields) return refuse();
      const [pollId, key, language, digest] = fields as [string, string, Language, string];
      const drawing = work.offer(async () => {
        const chart = await currentChart(deps, { pollId, key, language, digest });
        return chart ? cache.png(chart.svg) : null;
      });
      if (!drawing) {
        res.set('Retry-After', '5');
        return plain(res, 503, 'Busy. Try again in a moment.');
      }
      const picture = await drawing;
      if (!picture) return refuse();
      const expires = Number(grant.split('.').at(-2));
      const maxAge = Math.max(0, Math.min(MAX_AGE_SECONDS, Math.floor((expires - now) / 1000)));
      res
        .set({ 'Cache-Control': `public, max-age=${maxAge}, immutable`, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' })
        .type('image/png')
        .send(picture.png);
    } catch (error) {
      deps.logger.error('chart picture failed', { error: error instanceof Error ? error.name : typeof error });
      plain(res, 500, 'Something went wrong. Try again in a moment.');
    }
  });
}

function plain(res: Response, status: number, text: string): void {
  res.status(status).set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).type('text/plain').send(text);
}
