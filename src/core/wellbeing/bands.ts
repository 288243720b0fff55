// The private view's four bands of the WHO-5 index, each with a plain-language meaning (texts.ts).
// The lower two are the instrument's own (scoring/who5.ts: 28 or below, the manual's "talk to a
// doctor"; below 50, the signal HR results count); "50 or more" is split at the Danish
// population's mean, 68 (seed 003:584-587, Sundhedsstyrelsen's guide to WHO-5), so a leader sees
// where they stand against the norm. Bands describe a number, never the person.
import { SCREENING_AT_MOST, who5 } from '../polls/scoring/who5.ts';

/** How the WHO-5 rule draws its score: the Danish norm and the threshold it counts against. */
const CHART = (() => {
  const chart = who5.threshold?.chart;
  if (!chart) throw new Error('the WHO-5 rule has no threshold to draw');
  return chart;
})();

/** The Danish population's mean WHO-5 index, 68 (seed 003:586). */
export const DANISH_NORM = CHART.norm.value;

/** Below this the index is a signal: the WHO-5 rule's own threshold, 50 (seed 003:587-588). */
export const SIGNAL_BELOW = CHART.threshold.value;

/** The rule's own words for the norm and threshold lines, so the private chart reads as HR's does. */
export const REFERENCE_LABELS = { unit: CHART.unit, norm: CHART.norm.label, threshold: CHART.threshold.label } as const;

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
