// The scoring rules an instrument file may name in `scoring`. Adding a rule is its file in this
// folder and one line here; the content loader, scoring, HR results and the texts all read it
// from this list (issue 17).
import type { Instrument } from '../instrument.ts';
import { mean } from './mean.ts';
import { pss10 } from './pss10.ts';
import type { ScoringRule } from './rule.ts';
import { who5 } from './who5.ts';

export const SCORING_RULES = { who5, pss10, mean } as const;

/** How an instrument turns answers into one number: the name of its rule. */
export type ScoringKind = keyof typeof SCORING_RULES;

export function isScoringKind(kind: string): kind is ScoringKind {
  return Object.hasOwn(SCORING_RULES, kind);
}

export function ruleOf(instrument: Pick<Instrument, 'scoring'>): ScoringRule {
  return SCORING_RULES[instrument.scoring];
}

/** Whether HR results report the instrument by its score against a threshold, not item by item. */
export function hasThreshold(instrument: Pick<Instrument, 'scoring'>): boolean {
  return ruleOf(instrument).threshold !== null;
}
