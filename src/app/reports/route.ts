// One route shape for every report page: GET <path>/<grant>, where the grant names what the page
// is about and the person it was made for, signed with the page's purpose (src/app/links.ts). The
// page's own `build` re-checks that the person may still see it (their role now, not when the
// link was made) and returns null when not. Every way in that fails gets a clear page in the
// reader's language: 410 for a genuine link that expired, 404 for anything else, whatever the
// reason, and never a stack trace.
import type { Express, Request } from 'express';
import type { CoreDeps } from '../../core/context.ts';
import type { Language } from '../../core/model/domain.ts';
import type { ReportDocument } from '../../core/reports/document.ts';
import { openGrant } from '../links.ts';
import { sendRefusal, sendReport } from './page.ts';

export interface ReportRoute {
  /** Express path with a :grant parameter, e.g. /reports/poll/:grant. */
  path: string;
  purpose: string;
  hours: number;
  /** What the page shows for [subject id (a poll, a group, the reader's own workspace), person id] until `expires`, or null where the person may not see it (any more). */
  build(deps: CoreDeps, ids: { subjectId: string; personId: string }, expires: Date): Promise<ReportDocument | null>;
}

/** The reader's language before we know who they are: what their browser asks for, else the deployment's. */
function browserLanguage(req: Request, fallback: Language): Language {
  const preferred = req.acceptsLanguages('da', 'en');
  return preferred === 'da' || preferred === 'en' ? preferred : fallback;
}

type Opened = { ids: { subjectId: string; personId: string }; expires: Date } | 'refused' | 'expired';

function openReportGrant(deps: CoreDeps, route: ReportRoute, grant: string): Opened {
  if (!deps.sign) return 'refused';
  const now = deps.clock.now().getTime();
  const options = { fields: 2, purpose: route.purpose, maxAgeMs: (route.hours + 1) * 3600_000 };
  const fields = openGrant(deps.sign, grant, { ...options, now });
  if (fields) return { ids: { subjectId: fields[0]!, personId: fields[1]! }, expires: new Date(Number(grant.split('.')[2])) };
  // Signed by us for this page, but its time is over: say so, so the reader knows a new link will do.
  const genuine = openGrant(deps.sign, grant, { fields: 2, purpose: route.purpose, now: 0 });
  return genuine && Number(grant.split('.')[2]) < now ? 'expired' : 'refused';
}

export function mountReportRoute(http: Express, deps: CoreDeps, route: ReportRoute): void {
  http.get(route.path, async (req, res) => {
    const language = browserLanguage(req, deps.defaultLanguage);
    try {
      const opened = openReportGrant(deps, route, String(req.params.grant ?? ''));
      if (typeof opened === 'string') return sendRefusal(res, language, opened);
      const doc = await route.build(deps, opened.ids, opened.expires);
      if (!doc) return sendRefusal(res, language, 'refused');
      sendReport(res, doc);
    } catch (error) {
      deps.logger.error('report page failed', { path: route.path, error: error instanceof Error ? error.name : typeof error });
      sendRefusal(res, language, 'failed');
    }
  });
}
