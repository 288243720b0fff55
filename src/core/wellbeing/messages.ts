// What `min trivsel` shows: the view (a first-time intro or the person's trend), the WHO-5 form
// with the instrument's own items and options, the result after saving, and the monthly
// reminder. Pure: entries and settings in, neutral messages out, in the person's language.
import type { Language } from '../model/domain.ts';
import { plainText, type Block, type Button, type Form, type Message } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import type { Instrument } from '../polls/instrument.ts';
import { instrumentFields } from '../polls/instrument-form.ts';
import { BAND_RANGES, bandOf, DANISH_NORM, helpWanted, type WellbeingBand } from './bands.ts';
import type { WellbeingEntry } from './model.ts';
import { dayOf, trendLines, trendOf } from './trend.ts';

export const WELLBEING_ACTIONS = { take: 'wellbeing.take', reminderOn: 'wellbeing.reminder_on', reminderOff: 'wellbeing.reminder_off' } as const;
export const WELLBEING_FORM = 'wellbeing.who5';

/** What the view and the result are drawn from: the person's own entries (oldest first) and reminder. */
export interface WellbeingView {
  language: Language;
  timeZone: string;
  instrument: Instrument;
  entries: WellbeingEntry[];
  /** The monthly reminder in words and its next time, when it is on. */
  reminder: { when: string; next: string } | null;
  /** The signed link to the person's own chart page and until when it works (page.ts), where Lederrum has an address. */
  chartLink: { url: string; until: string } | null;
}

/** `min trivsel`: the intro the first time, the trend after; always the way to take it now. */
export function viewMessage(view: WellbeingView): Message {
  const t = translator(view.language);
  const latest = view.entries.at(-1);
  const blocks: Block[] = [{ type: 'header', text: t('wellbeing.header') }];
  if (!latest) blocks.push({ type: 'section', text: t('wellbeing.intro') });
  else {
    blocks.push(trendBlock(view, t), ...chartLinkBlocks(view, t));
    const band = bandOf(latest.index);
    blocks.push({ type: 'text', text: latestText(latest, view, t) });
    blocks.push(...helpBlocks(band, t));
  }
  blocks.push(...footer(view, t));
  return message(blocks, buttons(view, t, true));
}

/** After saving: the index, what its band means, help where it is low, and the trend. */
export function resultMessage(view: WellbeingView): Message {
  const t = translator(view.language);
  const entry = view.entries.at(-1)!;
  const previous = view.entries.at(-2);
  const band = bandOf(entry.index);
  const blocks: Block[] = [
    { type: 'header', text: t('wellbeing.result_title', { index: entry.index }) },
    { type: 'text', text: t(`wellbeing.band.${band}`) },
  ];
  if (previous) blocks.push({ type: 'context', text: t('wellbeing.result_change', { previous: previous.index, date: dayOf(previous.takenAt, view.language, view.timeZone) }) });
  blocks.push(...helpBlocks(band, t));
  if (view.entries.length > 1) blocks.push(trendBlock(view, t));
  blocks.push(...chartLinkBlocks(view, t), ...footer(view, t));
  return message(blocks, buttons(view, t, false));
}

/** The five WHO-5 items with their six options, worded as the instrument file has them. */
export function who5Form(instrument: Instrument, language: Language): Form {
  const t = translator(language);
  return {
    id: WELLBEING_FORM,
    language,
    state: '',
    title: t('wellbeing.form_title'),
    submitLabel: t('wellbeing.form_submit'),
    intro: [
      { type: 'section', text: instrument.intro[language] },
      { type: 'context', text: `${t('wellbeing.form_private')} ${t('poll.required.all')}` },
    ],
    fields: instrumentFields(instrument, language, t),
  };
}

/** Once a month, to someone who asked for it: an invitation, never a nag, with a one-click off. */
export function reminderMessage(language: Language): Message {
  const t = translator(language);
  const blocks: Block[] = [
    { type: 'header', text: t('wellbeing.reminder_header') },
    { type: 'text', text: t('wellbeing.reminder_text') },
    { type: 'context', text: t('wellbeing.reminder_footer') },
  ];
  return message(blocks, [
    { action: WELLBEING_ACTIONS.take, value: '', label: t('wellbeing.take_button'), style: 'primary' },
    { action: WELLBEING_ACTIONS.reminderOff, value: '', label: t('wellbeing.reminder_off_button') },
  ]);
}

function trendBlock(view: WellbeingView, t: Translator): Block {
  const lines = trendLines(trendOf(view.entries, view.instrument), view.language, view.timeZone, t);
  return { type: 'section', title: t('wellbeing.trend_title'), text: lines.join('\n') };
}

/** The meaning of each band in short, the norm, what is private, and the reminder when on. */
function footer(view: WellbeingView, t: Translator): Block[] {
  const legend = BAND_RANGES.map(({ band }) => `• ${t(`wellbeing.band.${band}.short`)}`).join('\n');
  const blocks: Block[] = [
    { type: 'section', title: t('wellbeing.legend_title'), text: legend },
    { type: 'context', text: normNote(view.instrument, t) },
    { type: 'context', text: t('wellbeing.private') },
  ];
  if (view.reminder) blocks.push({ type: 'context', text: t('wellbeing.reminder_status', view.reminder) });
  return blocks;
}

/** The latest index, its day and what its band means, e.g. "Senest: 60 af 100 (2. mar. 2026). Det ligger …". */
export function latestText(latest: WellbeingEntry, where: { language: Language; timeZone: string }, t: Translator): string {
  return `${t('wellbeing.latest', { index: latest.index, date: dayOf(latest.takenAt, where.language, where.timeZone) })} ${t(`wellbeing.band.${bandOf(latest.index)}`)}`;
}

/** The Danish norm the bands are drawn at, and the change the instrument file counts as meaningful. */
export function normNote(instrument: Pick<Instrument, 'meaningfulChange'>, t: Translator): string {
  return t('wellbeing.norm_note', { mean: DANISH_NORM, change: instrument.meaningfulChange });
}

/** Where to find help, one line each, where the band asks for it; none otherwise. */
export function helpLines(band: WellbeingBand, t: Translator): string[] {
  if (!helpWanted(band)) return [];
  return [...t('wellbeing.help').split('\n'), ...(band === 'very_low' ? [t('wellbeing.help_urgent')] : [])];
}

function helpBlocks(band: WellbeingBand, t: Translator): Block[] {
  const lines = helpLines(band, t);
  return lines.length ? [{ type: 'section', title: t('wellbeing.help_title'), text: lines.join('\n') }] : [];
}

/** "Se din kurve" with its honest words: an hour, for whoever has the link. */
function chartLinkBlocks(view: WellbeingView, t: Translator): Block[] {
  if (!view.chartLink) return [];
  return [
    { type: 'text', text: t('wellbeing.chart_link', { link: view.chartLink.url }) },
    { type: 'context', text: t('wellbeing.chart_link_note', { until: view.chartLink.until }) },
  ];
}

function buttons(view: WellbeingView, t: Translator, offerTake: boolean): Button[] {
  const take: Button[] = offerTake ? [{ action: WELLBEING_ACTIONS.take, value: '', label: t('wellbeing.take_button'), style: 'primary' }] : [];
  const reminder: Button = view.reminder
    ? { action: WELLBEING_ACTIONS.reminderOff, value: '', label: t('wellbeing.reminder_off_button') }
    : { action: WELLBEING_ACTIONS.reminderOn, value: '', label: t('wellbeing.reminder_on_button') };
  return [...take, reminder];
}

function message(blocks: Block[], buttonList: Button[]): Message {
  const all: Block[] = [...blocks, { type: 'buttons', buttons: buttonList }];
  return { text: plainText(all), blocks: all };
}
