// Scoring by the published manuals (BRIEF point 7), worked out by hand, on the real content files.
import { describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import type { Instrument } from '../../src/core/polls/instrument.ts';
import { isFlagged, meaningfulChange, scoreRange, scoreRespondent, scoreValue } from '../../src/core/polls/scoring.ts';
import { isBeyond } from '../../src/core/polls/scoring/rule.ts';
import { ruleOf } from '../../src/core/polls/scoring/rules.ts';

const byId = new Map<string, Instrument>(loadInstruments().map((i) => [i.id, i]));
const who5 = byId.get('who5')!;
const pss10 = byId.get('pss10')!;
const pulse = byId.get('workplace-pulse')!;

describe('WHO-5', () => {
  it('sums the five items and multiplies by 4', () => {
    // 3+4+2+1+3 = 13 raw (52 / 4); 13 × 4 = 52, not below 50.
    expect(scoreRespondent(who5, [3, 4, 2, 1, 3])).toEqual({ ok: true, kind: 'who5', value: 52, band: 'good', flagged: false });
    // 1+1+2+1+2 = 7 raw (28 / 4); 7 × 4 = 28, at most 28, and below 50.
    expect(scoreRespondent(who5, [1, 1, 2, 1, 2])).toEqual({ ok: true, kind: 'who5', value: 28, band: 'screening', flagged: true });
    expect(scoreRespondent(who5, [5, 5, 5, 5, 5])).toMatchObject({ value: 100, band: 'good' }); // raw 25
    expect(scoreRespondent(who5, [0, 0, 0, 0, 0])).toMatchObject({ value: 0, band: 'screening' }); // raw 0
  });

  it('draws the bands at 28 and 50', () => {
    // Indexes are multiples of 4, so 50 itself cannot occur: 48 is below, 52 is not.
    expect(scoreRespondent(who5, [3, 3, 2, 2, 2])).toMatchObject({ value: 48, band: 'risk', flagged: true });
    expect(scoreRespondent(who5, [3, 3, 3, 2, 2])).toMatchObject({ value: 52, band: 'good', flagged: false });
    expect(scoreRespondent(who5, [2, 2, 1, 1, 1])).toMatchObject({ value: 28, band: 'screening' });
    expect(scoreRespondent(who5, [2, 2, 2, 1, 1])).toMatchObject({ value: 32, band: 'risk' });
    // The HR threshold counts below 50 only: a (constructed) 50 is not beyond it, 48 is.
    const { threshold } = ruleOf(who5);
    expect([isBeyond(threshold, 48), isBeyond(threshold, 50), isBeyond(threshold, 52)]).toEqual([true, false, false]);
    const scored = scoreRespondent(who5, [3, 3, 2, 2, 2]);
    expect(scored.ok && isFlagged(scored)).toBe(true);
  });
});

describe('PSS-10', () => {
  it('reverses items 4, 5, 7 and 8', () => {
    expect(pss10.items.flatMap((item, i) => (item.reverse ? [i + 1] : []))).toEqual([4, 5, 7, 8]);
    // Answers 1,2,3,3,2,1,3,2,0,1. Items 1,2,3,6,9,10 count as given: 1+2+3+1+0+1 = 8.
    // Items 4,5,7,8 count as 4 − answer: (4−3)+(4−2)+(4−3)+(4−2) = 1+2+1+2 = 6. Total 14.
    expect(scoreRespondent(pss10, [1, 2, 3, 3, 2, 1, 3, 2, 0, 1])).toEqual({ ok: true, kind: 'pss10', value: 14, band: 'typical', flagged: false });
    // All 0: the reversed items count 4 each, 16 in all.
    expect(scoreRespondent(pss10, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ value: 16 });
    expect(scoreRespondent(pss10, [0, 0, 0, 4, 4, 0, 4, 4, 0, 0])).toMatchObject({ value: 0, band: 'typical' });
    expect(scoreRespondent(pss10, [4, 4, 4, 0, 0, 4, 0, 0, 4, 4])).toMatchObject({ value: 40, band: 'high', flagged: true });
  });

  it('draws the bands at 18 or more and above 25 (the Danish health profile counts 18 as high)', () => {
    // Reversed items all answered 2 count 2 each: 8. The other six carry the rest.
    expect(scoreRespondent(pss10, [1, 2, 2, 2, 2, 2, 2, 2, 1, 1])).toMatchObject({ value: 17, band: 'typical', flagged: false }); // 9 + 8
    expect(scoreRespondent(pss10, [1, 2, 2, 2, 2, 2, 2, 2, 2, 1])).toMatchObject({ value: 18, band: 'raised', flagged: true }); // 10 + 8
    expect(scoreRespondent(pss10, [2, 2, 2, 2, 2, 2, 2, 2, 2, 1])).toMatchObject({ value: 19, band: 'raised', flagged: true }); // 11 + 8
    expect(scoreRespondent(pss10, [3, 3, 3, 2, 2, 3, 2, 2, 3, 2])).toMatchObject({ value: 25, band: 'raised', flagged: true }); // 17 + 8
    expect(scoreRespondent(pss10, [3, 3, 3, 2, 2, 3, 2, 2, 3, 3])).toMatchObject({ value: 26, band: 'high', flagged: true }); // 18 + 8
    const { threshold } = ruleOf(pss10);
    expect([isBeyond(threshold, 17), isBeyond(threshold, 18), isBeyond(threshold, 19)]).toEqual([false, true, true]);
  });

  it('keeps the flagged range HR results count in step with the band', () => {
    expect(scoreRange(pss10)).toMatchObject({ flagged: { min: 18, max: 40 }, unflagged: { min: 0, max: 17 } });
    expect(scoreRange(who5)).toMatchObject({ flagged: { min: 0, max: 48 }, unflagged: { min: 52, max: 100 } });
  });
});

describe('a mean instrument', () => {
  it('averages the items without reversing any', () => {
    // (4+5+3+4+4) / 5 = 20 / 5 = 4
    const score = scoreRespondent(pulse, [4, 5, 3, 4, 4]);
    expect(score).toEqual({ ok: true, kind: 'mean', value: 4, band: null, flagged: false });
    expect(score.ok && scoreValue(score)).toBe(4);
    expect(score.ok && isFlagged(score)).toBe(false);
  });
});

describe('answers that cannot be scored', () => {
  it('reports the problem instead of throwing', () => {
    expect(scoreRespondent(who5, [3, 4, 2, 1])).toEqual({ ok: false, reason: 'wrong_count', expected: 5, got: 4 });
    expect(scoreRespondent(who5, [3, 4, 2, 1, 3, 3])).toEqual({ ok: false, reason: 'wrong_count', expected: 5, got: 6 });
    expect(scoreRespondent(who5, [3, 4, 2.5, 1, 3])).toEqual({ ok: false, reason: 'not_integer', item: 'active' });
    expect(scoreRespondent(who5, [3, 4, Number.NaN, 1, 3])).toEqual({ ok: false, reason: 'not_integer', item: 'active' });
    expect(scoreRespondent(who5, [3, 6, 2, 1, 3])).toEqual({ ok: false, reason: 'out_of_scale', item: 'calm' });
    expect(scoreRespondent(pss10, [0, 0, 0, 5, 0, 0, 0, 0, 0, 0])).toEqual({ ok: false, reason: 'out_of_scale', item: 'confident' });
    expect(scoreRespondent(pss10, [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ ok: false, reason: 'out_of_scale', item: 'upset' });
    expect(scoreRespondent(pulse, [0, 3, 3, 3, 3])).toEqual({ ok: false, reason: 'out_of_scale', item: 'pace' });
  });
});

describe('meaningful change', () => {
  it('counts 10 WHO-5 points, higher being better', () => {
    expect(meaningfulChange(who5, 48, 58)).toEqual({ delta: 10, direction: 'better', meaningful: true });
    expect(meaningfulChange(who5, 60, 52)).toEqual({ delta: -8, direction: 'worse', meaningful: false });
    expect(meaningfulChange(who5, 64, 52)).toEqual({ delta: -12, direction: 'worse', meaningful: true });
  });

  it('counts 11 PSS-10 points, lower being better', () => {
    expect(meaningfulChange(pss10, 20, 9)).toEqual({ delta: -11, direction: 'better', meaningful: true });
    expect(meaningfulChange(pss10, 12, 22)).toEqual({ delta: 10, direction: 'worse', meaningful: false });
    expect(meaningfulChange(pss10, 14, 14)).toEqual({ delta: 0, direction: 'same', meaningful: false });
  });

  it('treats a change of exactly the threshold as meaningful despite floating point', () => {
    expect(0.7 - 0.2).toBeLessThan(0.5); // the trap
    expect(meaningfulChange(pulse, 0.2, 0.7)).toMatchObject({ direction: 'better', meaningful: true });
    expect(meaningfulChange(pulse, 2.3, 1.8)).toMatchObject({ direction: 'worse', meaningful: true });
    expect(meaningfulChange(pulse, 3.6, 3.2)).toMatchObject({ direction: 'worse', meaningful: false });
  });
});
