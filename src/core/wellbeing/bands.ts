// The private view's four bands of the WHO-5 index, each with a plain-language meaning (texts.ts).
// The lower two are the instrument's own (scoring/who5.ts: 28 or below, the manual's "talk to a
// doctor"; below 50, the signal HR results count); "50 or more" is split at the Danish
// population's mean, 68 (seed 003:584-587, Sundhedsstyrelsen's guide to WHO-5), so a leader sees
// where they stand against the norm. Bands describe a number, never the person.
import { SCREENING_AT_MOST, who5 } from '../polls/scoring/who5.ts';

/** The Danish population's mean WHO-5 index (seed 003:586). */
export const DANISH_NORM = 68;

/** Below this the index is a signal: the WHO-5 rule's own threshold (seed 003:587-588). */
export const SIGNAL_BELOW = (() => {
  const beyond = who5.threshold?.beyond;
  if (!beyond || !('below' in beyond)) throw new Error('the WHO-5 rule has no "below" threshold');
  return beyond.below;
})();

export const BANDS = ['around_norm', 'below_norm', 'low', 'very_low'] as const;
export type WellbeingBand = (typeof BANDS)[number];

/** The bands from the top, with the whole indexes each covers. */
export const BAND_RANGES: ReadonlyArray<{ band: WellbeingBand; from: number; to: number }> = [
  { band: 'around_norm', from: DANISH_NORM, to: 100 },
  { band: 'below_norm', from: SIGNAL_BELOW, to: DANISH_NORM - 1 },
  { band: 'low', from: SCREENING_AT_MOST + 1, to: SIGNAL_BELOW - 1 },
  { band: 'very_low', from: 0, to: SCREENING_AT_MOST },
];

export function bandOf(index: number): WellbeingBand {
  return (BAND_RANGES.find((range) => index >= range.from) ?? BAND_RANGES[BAND_RANGES.length - 1]!).band;
}

/** Whether the view names where to find help. */
export function helpWanted(band: WellbeingBand): boolean {
  return band === 'low' || band === 'very_low';
}
