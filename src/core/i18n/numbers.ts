// Numbers as the reader writes them, shared by chat, CSV, charts and report pages.
import type { Language } from '../model/domain.ts';

/** A number as the reader writes it: "52,8" in Danish, "52.8" in English; `signed` adds + before a rise. */
export function decimal(value: number, digits: number, language: Language, signed = false): string {
  return value.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) });
}

/** A share 0..1 as a whole percentage, "40 %", the way chat has always written it. */
export function percent(share: number, language: Language): string {
  return `${decimal(Math.round(share * 100), 0, language)} %`;
}
