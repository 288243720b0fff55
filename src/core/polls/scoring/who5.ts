// WHO-5 by its manual (BRIEF point 7; Topp et al. 2015): five items 0-5, the raw sum ×4 gives an
// index 0-100. An index of 28 or below suggests talking to a doctor (screening); below 50 is a
// signal to look after one's well-being, and is the threshold HR results count.
import type { ScoringRule, Threshold } from './rule.ts';
import { isBeyond, sumOf } from './rule.ts';

const BANDS = ['good', 'risk', 'screening'] as const;
type Band = (typeof BANDS)[number];

/** At or below this index the manual suggests talking to a doctor (the private view's lowest band too). */
export const SCREENING_AT_MOST = 28;

const THRESHOLD: Threshold = {
  beyond: { below: 50 },
  texts: { mean: 'poll.results.mean_who5', flagged: 'poll.results.flagged_who5' },
  // The Danish population's mean index is 68 (seed 003:584-593; the Danish guide to the index).
  chart: {
    unit: 'poll.chart.unit_who5',
    norm: { value: 68, label: 'poll.chart.norm_who5' },
    threshold: { value: 50, label: 'poll.chart.threshold_who5' },
    beyondLabel: 'poll.chart.beyond_who5',
    withinLabel: 'poll.chart.within_who5',
    bands: [
      { from: 0, to: SCREENING_AT_MOST, label: 'poll.chart.band_who5_screening' },
      { from: SCREENING_AT_MOST, to: 50, label: 'poll.chart.band_who5_risk' },
    ],
  },
};

export const who5: ScoringRule = {
  shape: { items: 5, scale: { min: 0, max: 5 }, bands: BANDS, reverses: false, citesSeeds: false },
  threshold: THRESHOLD,
  // Indexes are multiples of 4: below 50 means at most 48, otherwise at least 52.
  range: () => ({ min: 0, max: 100, step: 4, flagged: { min: 0, max: 48 }, unflagged: { min: 52, max: 100 }, higherIsBetter: true }),
  score(answers) {
    const index = sumOf(answers) * 4;
    const flagged = isBeyond(THRESHOLD, index);
    const band: Band = index <= SCREENING_AT_MOST ? 'screening' : flagged ? 'risk' : 'good';
    return { value: index, band, flagged };
  },
  texts: { ownScore: 'poll.own_score.who5' },
};
