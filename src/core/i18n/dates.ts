// Moments as the reader writes them, in their own time zone: "3. mar. 2025 14.30" / "3 Mar 2025, 14:30".
import type { Language } from '../model/domain.ts';

export function momentText(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** A day without the time: "3. mar. 2025" / "3 Mar 2025". */
export function dayText(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeZone }).format(at);
}

/** A day and month for a chart's axis: "3. mar." / "3 Mar". */
export function shortDayText(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', timeZone }).format(at);
}
