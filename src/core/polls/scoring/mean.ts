// Our own templates (the workplace pulse): the mean of the items on the file's own scale. There is
// no manual, so no threshold and no bands: HR results report each item, and the file cites the
// seed lines it is written from instead. Items are all worded so that agreeing is good, so none is
// reversed and a higher mean is better.
import type { ScoringRule } from './rule.ts';
import { sumOf } from './rule.ts';

export const mean: ScoringRule = {
  shape: { items: null, scale: null, bands: [], reverses: false, citesSeeds: true },
  threshold: null,
  range: (instrument) => ({ min: instrument.scale.min, max: instrument.scale.max, step: 1 / instrument.items.length, higherIsBetter: true }),
  score: (answers) => ({ value: sumOf(answers) / answers.length, band: null, flagged: false }),
  texts: { ownScore: 'poll.own_score.mean' },
};
