// A facilitator's view of their group (issue 19, point 3): participation per check-in (answered,
// passed, absent — counts, never who or what), the group's shared agreements by status week by
// week, and benefit against effort. `gruppe rapport` / `group report` answers the facilitator
// alone with a signed link; the page re-checks on every open that they still facilitate the group.
// Private agreements are left out entirely: in a group of six even "one private agreement,
// stopped" can point to a person, and they are their author's alone (BRIEF point 6).
import type { CoreDeps, Turn } from '../context.ts';
import { groupHere, personalLanguage, requireFacilitator } from '../context.ts';
import { benefitCounts, STATUSES, statusCounts, weekEnds } from '../agreements/timeline.ts';
import { BENEFITS } from '../agreements/model.ts';
import { momentText, shortDayText } from '../i18n/dates.ts';
import { translator } from '../i18n/translate.ts';
import type { Group, Language } from '../model/domain.ts';
import type { Block, Reply } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import { distributionChart, gridChart, stackedChart } from '../reports/charts.ts';
import { colourOf, MUTED } from '../reports/svg.ts';
import { section, type ReportDocument, type ReportSection } from '../reports/document.ts';
import { signedLink } from '../reports/links.ts';

export const GROUP_REPORT_LINK = { purpose: 'groupreport.', hours: 24, path: (grant: string) => `/reports/group/${grant}` } as const;
const CHECKINS = 12;
const WEEKS = 12;
const EVENTS = 5000;
const SCALE = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));

/** `gruppe rapport` / `group report`: the link, to the facilitator only, saying who can open it and until when. */
export async function groupReportCommand(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  await requireFacilitator(turn, group);
  const language = personalLanguage(turn);
  const t = translator(language);
  const link = signedLink(turn.deps, { purpose: GROUP_REPORT_LINK.purpose, fields: [group.id, turn.person.id], lifetimeMs: GROUP_REPORT_LINK.hours * 3600_000, path: GROUP_REPORT_LINK.path });
  const blocks: Block[] = link
    ? [
        { type: 'text', text: t('group.report.link', { group: group.name, link: link.url }) },
        { type: 'context', text: t('report.link_warning', { until: momentText(link.expires, language, turn.person.timeZone ?? group.timeZone) }) },
      ]
    : [{ type: 'text', text: t('group.report.no_address') }];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

async function participationSection(deps: CoreDeps, group: Group, language: Language, timeZone: string): Promise<ReportSection> {
  const t = translator(language);
  const turnout = await deps.store.checkinTurnout(group.id, CHECKINS);
  const heading = t('group.report.participation_heading');
  if (turnout.length === 0) return section(heading, { paragraphs: [t('group.report.no_checkins')] });
  const chart = stackedChart({
    title: t('group.report.participation_title'),
    language,
    pointHead: t('group.report.checkin_head'),
    series: [{ label: t('group.report.answered') }, { label: t('group.report.passed') }, { label: t('group.report.absent'), colour: '#c4ccd4' }],
    columns: turnout.map((c) => ({ label: `${c.sequence} · ${shortDayText(c.openedAt, language, timeZone)}`, values: [c.answered, c.passed, c.absent] })),
  });
  return section(heading, { paragraphs: [t('group.report.participation_note', { count: turnout.length })], charts: [chart] });
}

async function agreementSection(deps: CoreDeps, group: Group, language: Language, timeZone: string): Promise<ReportSection> {
  const t = translator(language);
  // Group-visible only (the store never hands out private ones here).
  const agreements = await deps.store.groupAgreements(group.id);
  const heading = t('group.report.agreements_heading');
  const note = t('group.report.agreements_note');
  if (agreements.length === 0) return section(heading, { paragraphs: [note, t('group.report.no_agreements')] });
  const events = await deps.store.agreementEvents(
    agreements.map((a) => a.id),
    EVENTS,
  );
  const first = agreements.reduce<Date | null>((min, a) => (min === null || a.createdAt < min ? a.createdAt : min), null);
  const moments = weekEnds(deps.clock.now(), first, WEEKS);
  const counts = statusCounts(agreements, events, moments);
  const byStatus = stackedChart({
    title: t('group.report.status_title'),
    language,
    pointHead: t('group.report.week_head'),
    series: STATUSES.map((s, i) => ({ label: t(`agreement.status.${s}`), colour: s === 'stopped' ? MUTED : colourOf(i) })),
    columns: moments.map((moment, i) => ({ label: shortDayText(moment, language, timeZone), values: STATUSES.map((s) => counts[i]![s]) })),
  });
  const cells = new Map<string, { x: number; y: number; count: number }>();
  for (const a of agreements) {
    const key = `${a.expectedEffort}:${a.expectedBenefit}`;
    const cell = cells.get(key) ?? { x: a.expectedEffort, y: a.expectedBenefit, count: 0 };
    cell.count += 1;
    cells.set(key, cell);
  }
  const expected = gridChart({
    title: t('group.report.expected_title'),
    language,
    x: { label: t('group.report.effort'), values: SCALE },
    y: { label: t('group.report.benefit'), values: SCALE },
    cells: [...cells.values()],
  });
  const weighed = benefitCounts(events);
  const total = BENEFITS.reduce((sum, b) => sum + weighed[b], 0);
  const outcome = distributionChart({
    title: t('group.report.outcome_title'),
    language,
    bars: BENEFITS.map((b) => ({ label: t(`agreement.benefit.${b}`), count: weighed[b], share: total > 0 ? weighed[b] / total : null })),
  });
  return section(heading, { paragraphs: [note], charts: [byStatus, expected, outcome] });
}

/** The page for a facilitator: their language and zone, and the link's expiry for its honest footer. */
export async function groupReport(deps: CoreDeps, group: Group, viewer: { language: Language; timeZone: string; linkExpires: Date; members: number }): Promise<ReportDocument> {
  const { language, timeZone } = viewer;
  const t = translator(language);
  return {
    language,
    title: t('group.report.title', { group: group.name }),
    subtitle: t('group.report.subtitle', { members: viewer.members }),
    sections: [await participationSection(deps, group, language, timeZone), await agreementSection(deps, group, language, timeZone)],
    footer: [t('report.made', { when: momentText(deps.clock.now(), language, timeZone) }), t('report.link_until', { until: momentText(viewer.linkExpires, language, timeZone) })],
  };
}
