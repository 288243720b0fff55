// Scoring rules from the instruments' published manuals (BRIEF point 7), not from the seeds.
// WHO-5: five items 0-5, raw sum ×4 = index 0-100; ≤ 28 suggests talking to a doctor, < 50 is a
// signal to look after one's well-being (Topp et al. 2015). PSS-10: ten items 0-4, items 4, 5, 7
// and 8 reversed, total 0-40. Cohen's manual sets no cut-offs (the scale compares people and
// groups); the Danish national health profile counts 18 or more as high perceived load, which the
// networks used as their level of concern (seed 003:573-575: "over 17-18"); above about 25 is where
// treatment is usual (same lines). Band names speak of load, never of a person (BRIEF point 5). A respondent sees their own score privately; HR only ever sees aggregates.
import type { Instrument, ScoringKind } from './instrument.ts';

export type Who5Band = 'good' | 'risk' | 'screening';
export type Pss10Band = 'typical' | 'raised' | 'high';
export type ScoreBand = Who5Band | Pss10Band;

export type RespondentScore =
  | { ok: true; kind: 'who5'; raw: number; index: number; band: Who5Band }
  | { ok: true; kind: 'pss10'; total: number; band: Pss10Band }
  | { ok: true; kind: 'mean'; mean: number };

export type ScoreProblem =
  | { ok: false; reason: 'wrong_count'; expected: number; got: number }
  | { ok: false; reason: 'not_integer'; item: string }
  | { ok: false; reason: 'out_of_scale'; item: string };

/** The band ids each kind of scoring uses, worst last; a `mean` instrument has none. */
export const BANDS: Record<ScoringKind, readonly ScoreBand[]> = {
  who5: ['good', 'risk', 'screening'],
  pss10: ['typical', 'raised', 'high'],
  mean: [],
};

/** The threshold HR results count "beyond": WHO-5 index below 50, PSS-10 total 18 or more. */
export const FLAG = {
  who5: { below: 50 },
  pss10: { atLeast: 18 },
} as const;

/** PSS-10 totals above this lie in the range where treatment is usual (seed 003:575: "over ca. 25"). */
const PSS10_VERY_HIGH_ABOVE = 25;

/**
 * Where a score can lie, in the score's own unit, and for WHO-5 and PSS-10 where a flagged and an
 * unflagged respondent's score can lie. `step` is the smallest difference two scores can have.
 */
export interface ScoreRange {
  min: number;
  max: number;
  step: number;
  flagged?: { min: number; max: number } | undefined;
  unflagged?: { min: number; max: number } | undefined;
  higherIsBetter: boolean;
}

export function scoreRange(instrument: Instrument): ScoreRange {
  switch (instrument.scoring) {
    case 'who5':
      // Indexes are multiples of 4: below 50 means at most 48, otherwise at least 52.
      return { min: 0, max: 100, step: 4, flagged: { min: 0, max: 48 }, unflagged: { min: 52, max: 100 }, higherIsBetter: true };
    case 'pss10':
      return { min: 0, max: 40, step: 1, flagged: { min: FLAG.pss10.atLeast, max: 40 }, unflagged: { min: 0, max: FLAG.pss10.atLeast - 1 }, higherIsBetter: false };
    case 'mean':
      // Items of a mean instrument are all worded so that agreeing is good (no reversed items).
      return { min: instrument.scale.min, max: instrument.scale.max, step: 1 / instrument.items.length, higherIsBetter: true };
  }
}

function checkValues(instrument: Instrument, values: readonly number[]): ScoreProblem | undefined {
  const { items, scale } = instrument;
  if (values.length !== items.length) return { ok: false, reason: 'wrong_count', expected: items.length, got: values.length };
  for (const [i, value] of values.entries()) {
    const item = items[i]?.id ?? String(i);
    if (!Number.isInteger(value)) return { ok: false, reason: 'not_integer', item };
    if (value < scale.min || value > scale.max) return { ok: false, reason: 'out_of_scale', item };
  }
  return undefined;
}

/** One respondent's score, or why the answers cannot be scored (never throws). */
export function scoreRespondent(instrument: Instrument, values: readonly number[]): RespondentScore | ScoreProblem {
  const problem = checkValues(instrument, values);
  if (problem) return problem;
  const { scale, items } = instrument;
  const scored = values.map((v, i) => (items[i]?.reverse ? scale.max + scale.min - v : v));
  const sum = scored.reduce((a, b) => a + b, 0);
  switch (instrument.scoring) {
    case 'who5': {
      const index = sum * 4;
      const band: Who5Band = index <= 28 ? 'screening' : index < FLAG.who5.below ? 'risk' : 'good';
      return { ok: true, kind: 'who5', raw: sum, index, band };
    }
    case 'pss10': {
      const band: Pss10Band = sum > PSS10_VERY_HIGH_ABOVE ? 'high' : sum >= FLAG.pss10.atLeast ? 'raised' : 'typical';
      return { ok: true, kind: 'pss10', total: sum, band };
    }
    case 'mean':
      return { ok: true, kind: 'mean', mean: sum / values.length };
  }
}

/** The score in its own unit: WHO-5 index, PSS-10 total or the item mean. */
export function scoreValue(score: RespondentScore): number {
  return score.kind === 'who5' ? score.index : score.kind === 'pss10' ? score.total : score.mean;
}

/** Whether a score counts as beyond the threshold in HR results; a mean instrument has none. */
export function isFlagged(score: RespondentScore): boolean {
  if (score.kind === 'who5') return score.index < FLAG.who5.below;
  if (score.kind === 'pss10') return score.total >= FLAG.pss10.atLeast;
  return false;
}

export interface Change {
  delta: number;
  direction: 'better' | 'worse' | 'same';
  meaningful: boolean;
}

// Scores are sums of small integers or their means, so a change of exactly the threshold can come
// out a hair short in floating point (e.g. 3.6 - 3.1); the tolerance keeps "exactly" meaning ≥.
const EPSILON = 1e-9;

/** The change from one score (or mean score) to the next, and whether it is large enough to matter. */
export function meaningfulChange(instrument: Instrument, previous: number, current: number): Change {
  const delta = current - previous;
  const { higherIsBetter } = scoreRange(instrument);
  const direction = Math.abs(delta) < EPSILON ? 'same' : delta > 0 === higherIsBetter ? 'better' : 'worse';
  return { delta, direction, meaningful: Math.abs(delta) + EPSILON >= instrument.meaningfulChange };
}
