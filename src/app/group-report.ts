// GET /reports/group/<grant>: a facilitator's view of their group (issue 19, point 3), for the
// facilitator the link was signed for, until it expires. On every open they must still be an
// active facilitator of that group, in the group's own workspace (src/core/groups/report.ts).
import type { Express } from 'express';
import type { CoreDeps } from '../core/context.ts';
import { GROUP_REPORT_LINK, groupReport } from '../core/groups/report.ts';
import { mountReportRoute } from './reports/route.ts';

export function mountGroupReport(http: Express, deps: CoreDeps): void {
  mountReportRoute(http, deps, {
    path: '/reports/group/:grant',
    purpose: GROUP_REPORT_LINK.purpose,
    hours: GROUP_REPORT_LINK.hours,
    async build(deps, { subjectId, personId }, expires) {
      const [group, [person]] = await Promise.all([deps.store.group(subjectId), deps.store.people([personId])]);
      if (!group || !person || person.workspace !== group.workspace) return null;
      const memberships = await deps.store.memberships(group.id);
      if (!memberships.some((m) => m.person.id === person.id && m.role === 'facilitator')) return null;
      const language = person.locale ?? group.language;
      return groupReport(deps, group, { language, timeZone: person.timeZone ?? group.timeZone, linkExpires: expires, members: memberships.length });
    },
  });
}
