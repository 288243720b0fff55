// What a scoring rule is: everything about one way of turning an instrument's answers into a
// score, in one object (issue 17). The core scores, reports and words a score through this shape
// only, and the content loader checks instrument files against it, so a new rule is one file here
// and one line in rules.ts, with its texts in ../texts-flow.ts.
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { Instrument } from '../instrument.ts';

/**
 * Where a score can lie, in the score's own unit, and for a rule with a threshold where a flagged
 * and an unflagged respondent's score can lie. `step` is the smallest difference two scores can have.
 */
export interface ScoreRange {
  min: number;
  max: number;
  step: number;
  flagged?: { min: number; max: number } | undefined;
  unflagged?: { min: number; max: number } | undefined;
  higherIsBetter: boolean;
}

/** What an instrument file must look like for the rule's numbers to hold; null where any will do. */
export interface FileShape {
  /** The number of items the manual scores. */
  items: number | null;
  /** The answer scale the manual scores. */
  scale: { min: number; max: number } | null;
  /** The band ids the file explains, worst last; none where the score has no bands. */
  bands: readonly string[];
  /** Whether an item may be marked reversed (scored as max + min − answer). */
  reverses: boolean;
  /** Whether the file must cite the seed lines it is written from: our own templates have no manual to point to. */
  citesSeeds: boolean;
}

/** The threshold HR results count respondents beyond, and the lines that report a group against it. */
export interface Threshold {
  beyond: { below: number } | { atLeast: number };
  texts: { mean: MessageKey; flagged: MessageKey };
  /** How charts draw a score against it: the Danish population's mean, the threshold's line and the bands, each with its short label. */
  chart: ScoreChart;
}

/** A score drawn on a chart: its unit, the Danish norm, the line at the threshold and the bands (in the score's own unit, bounds inclusive). */
export interface ScoreChart {
  unit: MessageKey;
  norm: { value: number; label: MessageKey };
  threshold: { value: number; label: MessageKey };
  /** The respondents beyond the threshold and the others, as a distribution's two bars. */
  beyondLabel: MessageKey;
  withinLabel: MessageKey;
  bands: ReadonlyArray<{ from: number; to: number; label: MessageKey }>;
}

/** One respondent's score in the rule's own unit. */
export interface RuleScore {
  value: number;
  band: string | null;
  flagged: boolean;
}

export interface ScoringRule {
  shape: FileShape;
  range(instrument: Instrument): ScoreRange;
  /** The score of answers already checked against the scale and reverse-scored. */
  score(answers: readonly number[], instrument: Instrument): RuleScore;
  /** Null where HR results report the items instead of a score (no published threshold). */
  threshold: Threshold | null;
  /** What the respondent is told of their own score, with {score}. */
  texts: { ownScore: MessageKey };
}

/** Whether a score lies beyond the threshold; never where there is none. */
export function isBeyond(threshold: Threshold | null, value: number): boolean {
  if (!threshold) return false;
  const { beyond } = threshold;
  return 'below' in beyond ? value < beyond.below : value >= beyond.atLeast;
}

export const sumOf = (answers: readonly number[]) => answers.reduce((a, b) => a + b, 0);
