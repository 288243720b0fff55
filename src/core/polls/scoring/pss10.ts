// PSS-10 by its manual (BRIEF point 7): ten items 0-4, items 4, 5, 7 and 8 reversed (the file marks
// them), total 0-40. Cohen's manual sets no cut-offs (the scale compares people and groups); the
// Danish national health profile counts 18 or more as high perceived load, which the networks used
// as their level of concern (seed 003:573-575: "over 17-18"); above about 25 is where treatment is
// usual (same lines). Band names speak of load, never of a person (BRIEF point 5).
import type { ScoringRule, Threshold } from './rule.ts';
import { isBeyond, sumOf } from './rule.ts';

const BANDS = ['typical', 'raised', 'high'] as const;
type Band = (typeof BANDS)[number];

const RAISED_AT_LEAST = 18;
/** Totals above this lie in the range where treatment is usual (seed 003:575: "over ca. 25"). */
const HIGH_ABOVE = 25;
const MAX = 40;

const THRESHOLD: Threshold = {
  beyond: { atLeast: RAISED_AT_LEAST },
  texts: { mean: 'poll.results.mean_pss10', flagged: 'poll.results.flagged_pss10' },
  // The Danish population's mean total is 11.0 (seed 003:573-575).
  chart: {
    unit: 'poll.chart.unit_pss10',
    norm: { value: 11, label: 'poll.chart.norm_pss10' },
    threshold: { value: RAISED_AT_LEAST, label: 'poll.chart.threshold_pss10' },
    beyondLabel: 'poll.chart.beyond_pss10',
    withinLabel: 'poll.chart.within_pss10',
    bands: [
      { from: RAISED_AT_LEAST, to: HIGH_ABOVE, label: 'poll.chart.band_pss10_raised' },
      { from: HIGH_ABOVE, to: MAX, label: 'poll.chart.band_pss10_high' },
    ],
  },
};

export const pss10: ScoringRule = {
  shape: { items: 10, scale: { min: 0, max: 4 }, bands: BANDS, reverses: true, citesSeeds: false },
  threshold: THRESHOLD,
  range: () => ({ min: 0, max: MAX, step: 1, flagged: { min: RAISED_AT_LEAST, max: MAX }, unflagged: { min: 0, max: RAISED_AT_LEAST - 1 }, higherIsBetter: false }),
  score(answers) {
    const total = sumOf(answers);
    const flagged = isBeyond(THRESHOLD, total);
    const band: Band = total > HIGH_ABOVE ? 'high' : flagged ? 'raised' : 'typical';
    return { value: total, band, flagged };
  },
  texts: { ownScore: 'poll.own_score.pss10' },
};
