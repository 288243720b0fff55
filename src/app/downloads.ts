// GET /polls/<grant>/results.csv: a poll's aggregated results as a CSV file, for the HR person the
// link was signed for, until it expires (src/app/links.ts). Only aggregates leave: the same cells,
// hidden the same way, as in chat. Anything wrong answers 404 and says nothing about why.
import type { Express } from 'express';
import type { CoreDeps } from '../core/context.ts';
import { translator } from '../core/i18n/translate.ts';
import { resultsOf } from '../core/polls/aggregates.ts';
import { resultsCsvFile } from '../core/polls/render.ts';
import { openGrant } from './links.ts';

export function mountDownloads(http: Express, deps: CoreDeps): void {
  http.get('/polls/:grant/results.csv', async (req, res) => {
    const refuse = () => res.status(404).type('text/plain').send('Not found. Ask Lederrum for a new link.');
    try {
      const fields = deps.sign ? openGrant(deps.sign, req.params.grant, { fields: 2, now: deps.clock.now().getTime() }) : null;
      if (!fields) return refuse();
      const [pollId, personId] = fields as [string, string];
      const [poll, [person], hr] = await Promise.all([deps.store.poll(pollId), deps.store.people([personId]), deps.store.hasRole(personId, 'hr')]);
      // The link's HR person must still hold the role, in the poll's own workspace.
      if (poll?.status !== 'closed' || !person || !hr || person.workspace !== poll.workspace) return refuse();
      const language = person.locale ?? deps.defaultLanguage;
      const csv = resultsCsvFile(await resultsOf(deps, poll, language), language, translator(language));
      res
        .type('text/csv; charset=utf-8')
        .attachment(`lederrum-${poll.title.replace(/[^\p{L}\p{N}]+/gu, '-')}-${poll.wave}.csv`)
        .send(csv);
    } catch (error) {
      deps.logger.error('download failed', { error: error instanceof Error ? error.name : typeof error });
      res.status(500).type('text/plain').send('Something went wrong. Try again in a moment.');
    }
  });
}
