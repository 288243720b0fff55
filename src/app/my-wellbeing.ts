// GET /me/wellbeing/<grant>: a person's own well-being chart (issue 19, point 4), for the person
// the link was signed for, for an hour, in the report pages' shell with their policy and refusal
// pages. Their entries are read again on every open (src/core/wellbeing/page.ts).
import type { Express } from 'express';
import type { CoreDeps } from '../core/context.ts';
import { MY_WELLBEING_LINK, myWellbeingPage } from '../core/wellbeing/page.ts';
import { mountReportRoute } from './reports/route.ts';

export function mountMyWellbeing(http: Express, deps: CoreDeps): void {
  mountReportRoute(http, deps, {
    path: '/me/wellbeing/:grant',
    purpose: MY_WELLBEING_LINK.purpose,
    hours: MY_WELLBEING_LINK.hours,
    build: (deps, { subjectId, personId }, expires) => myWellbeingPage(deps, { workspace: subjectId, personId }, expires),
  });
}
