// Issue 17: a scoring rule is one self-contained object (src/core/polls/scoring/). The registry is
// a fixed list, so this file proves the point the other way round: one checker, written against
// the ScoringRule interface alone, finds every registered rule consistent (bands worst last, the
// range and its flagged and unflagged parts in step with the threshold, texts in both languages),
// finds a made-up rule consistent too, and is not blind (a made-up rule off by one step fails). The
// loader refuses a file whose `scoring` names no rule, naming the file and the field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import type { MessageKey } from '../../src/core/i18n/catalogue.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import type { Instrument } from '../../src/core/polls/instrument.ts';
import { scoreRange, scoreRespondent } from '../../src/core/polls/scoring.ts';
import { isBeyond, type ScoringRule, type Threshold } from '../../src/core/polls/scoring/rule.ts';
import { hasThreshold, isScoringKind, ruleOf, SCORING_RULES, type ScoringKind } from '../../src/core/polls/scoring/rules.ts';

const text = { da: 'tekst', en: 'text' };
const EPSILON = 1e-9;

/** The smallest instrument file a rule accepts: its item count and scale, or 5 items 1-5 where it leaves them open. */
function instrumentFor(rule: ScoringRule, scoring: ScoringKind): Instrument {
  const { min, max } = rule.shape.scale ?? { min: 1, max: 5 };
  return {
    id: 'made-up',
    name: text,
    source: text,
    intro: text,
    scale: { min, max, labels: Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: text })) },
    items: Array.from({ length: rule.shape.items ?? 5 }, (_, i) => ({ id: `i${i}`, text })),
    scoring,
    meaningfulChange: 1,
  };
}

/** Answers (already reverse-scored) for every sum the items can reach, lowest first. */
function everySum(instrument: Instrument): number[][] {
  const { scale, items } = instrument;
  const width = scale.max - scale.min;
  return Array.from({ length: items.length * width + 1 }, (_, extra) => items.map((_, i) => scale.min + Math.min(width, Math.max(0, extra - i * width))));
}

const inside = (value: number, part: { min: number; max: number } | undefined) => part !== undefined && value >= part.min - EPSILON && value <= part.max + EPSILON;

/** Every way the rule contradicts itself on this instrument, as readable lines; none is consistent. */
function ruleProblems(rule: ScoringRule, instrument: Instrument): string[] {
  const problems: string[] = [];
  const range = rule.range(instrument);
  const scores = everySum(instrument).map((answers) => rule.score(answers, instrument));
  const lowest = scores[0]!;
  const highest = scores[scores.length - 1]!;
  if (lowest.value !== range.min || highest.value !== range.max) problems.push(`scores run ${lowest.value}-${highest.value}, the range ${range.min}-${range.max}`);

  const { bands } = rule.shape;
  const [worst, best] = range.higherIsBetter ? [lowest, highest] : [highest, lowest];
  if (bands.length > 0 && (worst.band !== bands[bands.length - 1] || best.band !== bands[0])) problems.push(`worst score is "${worst.band}", best "${best.band}": bands are not worst last`);
  for (const s of scores) {
    if (bands.length === 0 ? s.band !== null : !bands.includes(s.band ?? '')) problems.push(`${s.value}: band "${s.band}" is not one of [${bands.join(', ')}]`);
    const steps = (s.value - range.min) / range.step;
    if (Math.abs(steps - Math.round(steps)) > EPSILON) problems.push(`${s.value}: not a step of ${range.step} from ${range.min}`);
    if (s.flagged !== isBeyond(rule.threshold, s.value)) problems.push(`${s.value}: flagged ${s.flagged}, but the threshold says ${!s.flagged}`);
    if (rule.threshold && (inside(s.value, range.flagged) !== s.flagged || inside(s.value, range.unflagged) === s.flagged)) {
      problems.push(`${s.value}: flagged ${s.flagged}, outside its part of the range`);
    }
  }
  if (!rule.threshold && (range.flagged || range.unflagged || scores.some((s) => s.flagged))) problems.push('flags without a threshold');
  if (rule.threshold) {
    const { flagged, unflagged } = range;
    if (!flagged || !unflagged) problems.push('a threshold without flagged and unflagged ranges');
    else if (Math.min(flagged.min, unflagged.min) !== range.min || Math.max(flagged.max, unflagged.max) !== range.max) problems.push('flagged and unflagged do not span the range');
    // A chart draws the threshold where the rule counts from, and its norm and bands inside the range.
    const { chart, beyond } = rule.threshold;
    if (chart.threshold.value !== ('below' in beyond ? beyond.below : beyond.atLeast)) problems.push(`the chart's threshold line ${chart.threshold.value} is not the rule's threshold`);
    const within = (v: number) => v >= range.min && v <= range.max;
    if (!within(chart.norm.value)) problems.push(`the norm ${chart.norm.value} lies outside the range`);
    for (const band of chart.bands) if (!within(band.from) || !within(band.to) || band.from >= band.to) problems.push(`the band ${band.from}-${band.to} is not inside the range`);
  }

  const threshold = rule.threshold?.texts;
  const texts: Array<{ key: MessageKey; params: Record<string, string | number>; shows: string }> = [
    { key: rule.texts.ownScore, params: { score: 42 }, shows: '42' },
    ...(threshold
      ? [
          { key: threshold.mean, params: { mean: '4,2' }, shows: '4,2' },
          { key: threshold.flagged, params: { share: '13 %' }, shows: '13 %' },
        ]
      : []),
  ];
  for (const { key, params, shows } of texts) {
    for (const language of ['da', 'en'] as const) {
      if (!translate(language, key, params).includes(shows)) problems.push(`${key} (${language}) does not show ${shows}`);
    }
  }
  return problems;
}

/** A rule no instrument uses: five items 0-10, their mean ×10 (0-100, steps of 2), beyond below 40. */
function meanTimesTen(flaggedMax: number): ScoringRule {
  const chart = { ...SCORING_RULES.who5.threshold!.chart, threshold: { ...SCORING_RULES.who5.threshold!.chart.threshold, value: 40 } };
  const threshold: Threshold = { beyond: { below: 40 }, texts: { mean: 'poll.results.mean_who5', flagged: 'poll.results.flagged_who5' }, chart };
  return {
    shape: { items: 5, scale: { min: 0, max: 10 }, bands: ['fine', 'low'], reverses: false, citesSeeds: true },
    threshold,
    range: () => ({ min: 0, max: 100, step: 2, flagged: { min: 0, max: flaggedMax }, unflagged: { min: 40, max: 100 }, higherIsBetter: true }),
    score(answers) {
      const value = (answers.reduce((a, b) => a + b, 0) / answers.length) * 10;
      const flagged = isBeyond(threshold, value);
      return { value, band: flagged ? 'low' : 'fine', flagged };
    },
    texts: { ownScore: 'poll.own_score.mean' },
  };
}

describe('the scoring rules', () => {
  it('are named by the registry alone', () => {
    expectTypeOf<ScoringKind>().toEqualTypeOf<'who5' | 'pss10' | 'mean'>();
    expect(Object.keys(SCORING_RULES)).toEqual(['who5', 'pss10', 'mean']);
    expect(['who5', 'pss10', 'mean', 'median', 'constructor', 'toString'].map(isScoringKind)).toEqual([true, true, true, false, false, false]);
  });

  it('are each consistent with themselves, on the smallest file they accept', () => {
    for (const [kind, rule] of Object.entries(SCORING_RULES)) {
      if (!isScoringKind(kind)) throw new Error(kind);
      expect(ruleProblems(rule, instrumentFor(rule, kind)), kind).toEqual([]);
    }
  });

  it('are consistent on the real instrument files, and scoring reads nothing else', () => {
    for (const instrument of loadInstruments()) {
      const rule = ruleOf(instrument);
      expect(ruleProblems(rule, instrument), instrument.id).toEqual([]);
      expect(scoreRange(instrument)).toEqual(rule.range(instrument));
      expect(hasThreshold(instrument)).toBe(rule.threshold !== null);
      const answers = instrument.items.map(() => instrument.scale.max);
      const scored = instrument.items.map((item) => (item.reverse ? instrument.scale.min : instrument.scale.max));
      expect(scoreRespondent(instrument, answers)).toEqual({ ok: true, kind: instrument.scoring, ...rule.score(scored, instrument) });
    }
  });

  it('need nothing outside their object: a made-up rule passes the same checks', () => {
    const rule = meanTimesTen(38);
    // instrumentFor only needs some registered name to fill the field; the checker never reads it.
    expect(ruleProblems(rule, instrumentFor(rule, 'mean'))).toEqual([]);
    const score = rule.score([4, 4, 4, 4, 3], instrumentFor(rule, 'mean'));
    expect(score).toEqual({ value: 38, band: 'low', flagged: true }); // 19 / 5 × 10
  });

  it('are checked by a checker that is not blind: a flagged range one step short is caught', () => {
    const rule = meanTimesTen(36);
    expect(ruleProblems(rule, instrumentFor(rule, 'mean'))).toEqual(['38: flagged true, outside its part of the range']);
  });
});

describe('an instrument file', () => {
  it('whose scoring names no rule is refused, naming the file and the field', () => {
    const content = fileURLToPath(new URL('../../content/', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'lederrum-scoring-'));
    try {
      cpSync(join(content, 'instruments'), join(dir, 'instruments'), { recursive: true });
      const file = join(dir, 'instruments', 'workplace-pulse.yaml');
      const before = readFileSync(file, 'utf8');
      const after = before.replace(/^scoring: mean$/m, 'scoring: median');
      expect(after).not.toBe(before);
      writeFileSync(file, after);
      expect(() => loadInstruments(dir)).toThrow(/instruments\/workplace-pulse\.yaml: scoring: names no scoring rule; the rules are who5, pss10, mean/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
