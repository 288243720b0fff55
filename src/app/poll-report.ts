// GET /reports/poll/<grant>: HR's report page for a closed poll and its series (issue 19, point 1),
// for the HR person the link was signed for, until it expires. On every open the person must
// still hold the HR role in the poll's own workspace and the poll must be closed; the figures are
// the same suppressed aggregates as in chat (src/core/polls/report.ts).
import type { Express } from 'express';
import type { CoreDeps } from '../core/context.ts';
import { POLL_REPORT_LINK, pollReport } from '../core/polls/report.ts';
import { mountReportRoute } from './reports/route.ts';

export function mountPollReport(http: Express, deps: CoreDeps): void {
  mountReportRoute(http, deps, {
    path: '/reports/poll/:grant',
    purpose: POLL_REPORT_LINK.purpose,
    hours: POLL_REPORT_LINK.hours,
    async build(deps, { subjectId, personId }, expires) {
      const [poll, [person], hr] = await Promise.all([deps.store.poll(subjectId), deps.store.people([personId]), deps.store.hasRole(personId, 'hr')]);
      if (poll?.status !== 'closed' || !person || !hr || person.workspace !== poll.workspace) return null;
      return pollReport(deps, poll, { language: person.locale ?? deps.defaultLanguage, timeZone: person.timeZone ?? deps.defaultTimeZone, linkExpires: expires });
    },
  });
}
