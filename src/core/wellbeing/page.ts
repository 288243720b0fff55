// The person's own chart as a page (issue 19, point 4): `min trivsel` hands them a link, signed
// for them alone with its own purpose, that works for an hour; the page is drawn in the report
// pages' shell (src/app/reports) from their own entries, read again on every open. Nobody else is
// ever given such a link, and no report, HR or facilitator path makes one (only service.ts does,
// for turn.person). Deleted data — the person gone, or their entries — gets the refusal page.
import type { CoreDeps } from '../context.ts';
import { momentText } from '../i18n/dates.ts';
import { translator } from '../i18n/translate.ts';
import type { Person } from '../model/domain.ts';
import { section, type ReportDocument } from '../reports/document.ts';
import { signedLink, type SignedLink } from '../reports/links.ts';
import { BAND_RANGES, bandOf } from './bands.ts';
import { wellbeingTrendChart } from './chart.ts';
import { who5Of } from './instrument.ts';
import { helpLines, latestText, normNote } from './messages.ts';
import { TREND_LENGTH } from './trend.ts';

/** What the link grants (the person, in their workspace) and how long: an hour, signed with its own purpose. */
export const MY_WELLBEING_LINK = { purpose: 'mywellbeing.', hours: 1, path: (grant: string) => `/me/wellbeing/${grant}` } as const;

export function myWellbeingLink(deps: Pick<CoreDeps, 'publicUrl' | 'sign' | 'clock'>, person: Pick<Person, 'id' | 'workspace'>): SignedLink | null {
  const { purpose, hours, path } = MY_WELLBEING_LINK;
  return signedLink(deps, { purpose, fields: [person.workspace, person.id], lifetimeMs: hours * 3600_000, path });
}

/** The page for the person the link names, from their entries now; null where they or their entries are gone. */
export async function myWellbeingPage(deps: CoreDeps, ids: { workspace: string; personId: string }, linkExpires: Date): Promise<ReportDocument | null> {
  const [person] = await deps.store.people([ids.personId]);
  if (!person || person.workspace !== ids.workspace) return null;
  const entries = await deps.store.ownWellbeing(person, TREND_LENGTH);
  const latest = entries.at(-1);
  if (!latest) return null;
  const language = person.locale ?? deps.defaultLanguage;
  const timeZone = person.timeZone ?? deps.defaultTimeZone;
  const t = translator(language);
  const instrument = who5Of(deps);
  const chart = wellbeingTrendChart(entries, language, { instrument, timeZone });
  const help = helpLines(bandOf(latest.index), t);
  return {
    language,
    title: t('wellbeing.header'),
    subtitle: t('wellbeing.page.subtitle'),
    sections: [
      section(t('wellbeing.chart_title'), { paragraphs: [latestText(latest, { language, timeZone }, t), normNote(instrument, t)], charts: [chart] }),
      ...(help.length ? [section(t('wellbeing.help_title'), { paragraphs: help })] : []),
      section(t('wellbeing.legend_title'), { paragraphs: BAND_RANGES.map(({ band }) => t(`wellbeing.band.${band}.short`)) }),
    ],
    footer: [t('wellbeing.page.private'), t('report.made', { when: momentText(deps.clock.now(), language, timeZone) }), t('report.link_until', { until: momentText(linkExpires, language, timeZone) })],
  };
}
