// HR's report page for a closed poll and its series (issue 19, point 1): the response rate, the
// score against the Danish norms of its scoring rule, each question's distribution and the series
// over its waves, every figure from resultsOf exactly as chat shows it. Reached through a signed
// link that HR asks for in chat; the page holds aggregates only (no names, no free text), because
// anyone who has the link can open it until it expires.
import type { CoreDeps, Turn } from '../context.ts';
import { personalLanguage } from '../context.ts';
import { momentText } from '../i18n/dates.ts';
import { translator } from '../i18n/translate.ts';
import type { Language } from '../model/domain.ts';
import type { Block, Reply } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import { section, type ReportDocument, type ReportSection } from '../reports/document.ts';
import { signedLink, type SignedLink } from '../reports/links.ts';
import { resultsOf, wavesOf } from './aggregates.ts';
import type { Instrument } from './instrument.ts';
import type { Poll } from './model.ts';
import { decimal, shownAs } from './render.ts';
import { meanTrendCharts, questionCharts, rateTrendChart, responseRateChart, scoreChart, scoreTrendChart } from './result-charts.ts';
import type { GroupResult, PollResults } from './results.ts';
import { ruleOf } from './scoring/rules.ts';
import { closedPoll, rateText, scoreLines } from './show.ts';

/** What a report link grants and how long: signed with its purpose, so no other link passes for it. */
export const POLL_REPORT_LINK = { purpose: 'pollreport.', hours: 24, path: (grant: string) => `/reports/poll/${grant}` } as const;

export function pollReportLink(deps: Pick<CoreDeps, 'publicUrl' | 'sign' | 'clock'>, poll: Poll, personId: string): SignedLink | null {
  return signedLink(deps, { purpose: POLL_REPORT_LINK.purpose, fields: [poll.id, personId], lifetimeMs: POLL_REPORT_LINK.hours * 3600_000, path: POLL_REPORT_LINK.path });
}

/** The `Rapport` / `Report` button: the link, to the HR person only, saying who can open it and until when. */
export async function showReport(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await closedPoll(turn, pollId);
  const language = personalLanguage(turn);
  const t = translator(language);
  const link = pollReportLink(turn.deps, poll, turn.person.id);
  const until = link ? momentText(link.expires, language, turn.person.timeZone ?? turn.deps.defaultTimeZone) : '';
  const blocks: Block[] = link
    ? [
        { type: 'text', text: t('poll.report.link', { link: link.url }) },
        { type: 'context', text: t('report.link_warning', { until }) },
      ]
    : [{ type: 'text', text: t('poll.report.no_address') }];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

/** The figures of one group (or all together): its rate, its score against the threshold or its questions. */
function groupSection(heading: string, group: GroupResult, results: PollResults, instrument: Instrument | null, language: Language): ReportSection {
  const t = translator(language);
  const threshold = results.scoring ? ruleOf({ scoring: results.scoring }).threshold : null;
  const paragraphs = [rateText(t, group), ...(group.score && threshold ? scoreLines(t, language, threshold.texts, group.score).split('\n') : [])];
  const split = instrument && group.score ? scoreChart(group, instrument, language) : null;
  const facts = group.questions.flatMap((q) =>
    q.mean === null ? [] : [{ label: t('poll.report.mean_of', { question: q.text[language] }), value: shownAs(q.mean, t, (v) => decimal(v, 2, language)) }],
  );
  return section(heading, { paragraphs, facts, charts: [...(split ? [split] : []), ...questionCharts(group, language)] });
}

/** The report as a document for an HR person: their language and time zone, and the link's expiry for its honest footer. */
export async function pollReport(deps: CoreDeps, poll: Poll, viewer: { language: Language; timeZone: string; linkExpires: Date }): Promise<ReportDocument> {
  const { language, timeZone } = viewer;
  const t = translator(language);
  const instrument = poll.instrumentId ? ((deps.instruments ?? []).find((i) => i.id === poll.instrumentId) ?? null) : null;
  const results = await resultsOf(deps, poll, language);
  const waves = await wavesOf(deps, poll, language, results);
  const sections: ReportSection[] = [section(t('poll.report.rate_heading'), { paragraphs: [rateText(t, results.total)], charts: [responseRateChart(results, language)] })];

  const trend = instrument ? scoreTrendChart(waves, instrument, language) : null;
  const all = groupSection(t('poll.report.all'), results.total, results, instrument, language);
  if (trend && instrument) {
    sections.push(section(t('poll.report.score_heading', { instrument: instrument.name[language] }), { paragraphs: all.paragraphs.slice(1), charts: [trend, ...all.charts] }));
  } else if (all.charts.length > 0) {
    sections.push({ ...all, heading: t('poll.report.questions_heading'), paragraphs: [] });
  }
  if (results.groups.length > 1) for (const group of results.groups) sections.push(groupSection(t('poll.report.group_heading', { name: group.name }), group, results, instrument, language));

  // One wave has no series yet; a scored instrument's one point still stands against its norm above.
  if (waves.length > 1) {
    const seriesNote = instrument ? t('poll.report.series_note', { change: decimal(instrument.meaningfulChange, 0, language) }) : t('poll.report.series_note_own');
    sections.push(section(t('poll.report.series_heading'), { paragraphs: [seriesNote], charts: [...meanTrendCharts(waves, language), rateTrendChart(waves, language)] }));
  }

  const freeText = results.total.questions.some((q) => q.texts !== null);
  return {
    language,
    title: poll.title,
    subtitle: t('poll.report.subtitle', { wave: poll.wave, closed: momentText(poll.closesAt, language, timeZone) }),
    sections,
    footer: [
      t('poll.report.no_personal'),
      ...(freeText ? [t('poll.report.free_text_note')] : []),
      t('poll.results.footer', { k: poll.threshold }),
      t('report.made', { when: momentText(deps.clock.now(), language, timeZone) }),
      t('report.link_until', { until: momentText(viewer.linkExpires, language, timeZone) }),
    ],
  };
}
