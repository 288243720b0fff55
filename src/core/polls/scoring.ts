// Scoring an instrument's answers: checking them against the scale, reverse-scoring the items the
// file marks, and handing the rest to the instrument's scoring rule (scoring/, one file a rule,
// each from its published manual, BRIEF point 7). Nothing here knows a rule by name, so a new rule
// changes nothing in this file. A respondent sees their own score privately; HR only ever sees
// aggregates.
import type { Instrument, ScoringKind } from './instrument.ts';
import type { ScoreRange } from './scoring/rule.ts';
import { ruleOf } from './scoring/rules.ts';

export type { ScoreRange } from './scoring/rule.ts';

/** One respondent's score in its rule's own unit (WHO-5 index, PSS-10 total, item mean). */
export type RespondentScore = { ok: true; kind: ScoringKind; value: number; band: string | null; flagged: boolean };

export type ScoreProblem =
  | { ok: false; reason: 'wrong_count'; expected: number; got: number }
  | { ok: false; reason: 'not_integer'; item: string }
  | { ok: false; reason: 'out_of_scale'; item: string };

export function scoreRange(instrument: Instrument): ScoreRange {
  return ruleOf(instrument).range(instrument);
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
  const { value, band, flagged } = ruleOf(instrument).score(scored, instrument);
  return { ok: true, kind: instrument.scoring, value, band, flagged };
}

/** The score in its own unit: WHO-5 index, PSS-10 total or the item mean. */
export function scoreValue(score: RespondentScore): number {
  return score.value;
}

/** Whether a score counts as beyond the threshold in HR results; a rule without one flags none. */
export function isFlagged(score: RespondentScore): boolean {
  return score.flagged;
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
