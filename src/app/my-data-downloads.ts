// GET /me/<grant>/data.json and /me/<grant>/data.md: a person's own data (issue 15, point 1), for
// the person the link was signed for, until it expires a quarter of an hour after it was shown
// (src/core/people/my-data.ts makes the links, src/app/links.ts signs them). The link is the
// permission: whoever holds it can open it until then, so nothing is cached on the way and
// anything wrong (a bad signature, an expired or altered link, a person since deleted) answers
// the same 404, which says nothing about why.
import type { Express, Response } from 'express';
import type { CoreDeps } from '../core/context.ts';
import { documentFor, exportFiles, MY_DATA_LINK_MINUTES } from '../core/people/my-data.ts';
import { openGrant } from './links.ts';

const FORMATS = { 'data.json': 0, 'data.md': 1 } as const;

export function mountMyDataDownloads(http: Express, deps: CoreDeps): void {
  http.get('/me/:grant/:file', async (req, res) => {
    noStore(res);
    const refuse = () => res.status(404).type('text/plain').send('Not found. Ask Lederrum for a new link.');
    try {
      const index = Object.hasOwn(FORMATS, req.params.file) ? FORMATS[req.params.file as keyof typeof FORMATS] : undefined;
      const personId = grantedPerson(deps, req.params.grant);
      if (index === undefined || !personId) return refuse();
      const [person] = await deps.store.people([personId]);
      const doc = person ? await documentFor(deps, person.id) : null;
      if (!person || !doc) return refuse();
      const file = exportFiles(doc, person.locale ?? deps.defaultLanguage, deps)[index];
      res.type(`${file.mimeType}; charset=utf-8`).attachment(file.name).send(file.content);
    } catch (error) {
      deps.logger.error('my-data download failed', { error: error instanceof Error ? error.name : typeof error });
      res.status(500).type('text/plain').send('Something went wrong. Try again in a moment.');
    }
  });
}

/** The person a grant names while it holds, and never longer than a link is made for. */
function grantedPerson(deps: CoreDeps, grant: string): string | null {
  if (!deps.sign) return null;
  const fields = openGrant(deps.sign, grant, { fields: 1, purpose: 'mydata.', now: deps.clock.now().getTime(), maxAgeMs: (MY_DATA_LINK_MINUTES + 1) * 60_000 });
  return fields?.[0] ?? null;
}

/** Personal data: no cache, no referrer to whatever the file links to, no sniffing it into HTML. */
function noStore(res: Response): void {
  res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' });
}
