// A person's own entries as a trend: each entry with its change from the one before, a change of
// the instrument's meaningful size (10 index points, seed 003:592-593) marked, and the same trend
// as text lines (date · index) that stand on their own where no chart is shown.
import type { Language } from '../model/domain.ts';
import type { Translator } from '../i18n/translate.ts';
import type { Instrument } from '../polls/instrument.ts';
import { meaningfulChange, type Change } from '../polls/scoring.ts';
import type { WellbeingEntry } from './model.ts';

/** How many of the latest entries the view shows. */
export const TREND_LENGTH = 12;

export interface TrendPoint {
  entry: WellbeingEntry;
  /** The change from the entry before; null for the first. */
  change: Change | null;
}

export function trendOf(entries: readonly WellbeingEntry[], instrument: Instrument): TrendPoint[] {
  return entries.map((entry, i) => ({ entry, change: i === 0 ? null : meaningfulChange(instrument, entries[i - 1]!.index, entry.index) }));
}

/** A day in the person's zone and language, e.g. "12. nov. 2026" / "12 Nov 2026". */
export function dayOf(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(at);
}

/** One line per entry, oldest first; a meaningful change says so on its line. */
export function trendLines(points: readonly TrendPoint[], language: Language, timeZone: string, t: Translator): string[] {
  return points.map(({ entry, change }) => {
    const line = t('wellbeing.trend_line', { date: dayOf(entry.takenAt, language, timeZone), index: entry.index });
    if (!change?.meaningful) return line;
    const delta = Math.abs(change.delta);
    return `${line}   ${t(change.delta > 0 ? 'wellbeing.change_up' : 'wellbeing.change_down', { delta })}`;
  });
}
