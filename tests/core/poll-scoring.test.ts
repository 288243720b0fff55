// Scoring by the published manuals (BRIEF point 7), worked out by hand, on the real content files.
import { describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import type { Instrument } from '../../src/core/polls/instrument.ts';
import { isFlagged, meaningfulChange, scoreRange, scoreRespondent, scoreValue } from '../../src/core/polls/scoring.ts';

const byId = new Map<string, Instrument>(loadInstruments().map((i) => [i.id, i]));
const who5 = byId.get('who5')!;
const pss10 = byId.get('pss10')!;
const pulse = byId.get('workplace-pulse')!;

describe('WHO-5', () => {
  it('sums the five items and multiplies by 4', () => {
    // 3+4+2+1+3 = 13; 13 × 4 = 52, not below 50.
    expect(scoreRespondent(who5, [3, 4, 2, 1, 3])).toEqual({ ok: true, kind: 'who5', raw: 13, index: 52, band: 'good' });
    // 1+1+2+1+2 = 7; 7 × 4 = 28, at most 28.
    expect(scoreRespondent(who5, [1, 1, 2, 1, 2])).toEqual({ ok: true, kind: 'who5', raw: 7, index: 28, band: 'screening' });
    expect(scoreRespondent(who5, [5, 5, 5, 5, 5])).toMatchObject({ raw: 25, index: 100, band: 'good' });
    expect(scoreRespondent(who5, [0, 0, 0, 0, 0])).toMatchObject({ raw: 0, index: 0, band: 'screening' });
  });

  it('draws the bands at 28 and 50', () => {
    // Indexes are multiples of 4, so 50 itself cannot occur: 48 is below, 52 is not.
    expect(scoreRespondent(who5, [3, 3, 2, 2, 2])).toMatchObject({ index: 48, band: 'risk' });
    expect(scoreRespondent(who5, [3, 3, 3, 2, 2])).toMatchObject({ index: 52, band: 'good' });
    expect(scoreRespondent(who5, [2, 2, 1, 1, 1])).toMatchObject({ index: 28, band: 'screening' });
    expect(scoreRespondent(who5, [2, 2, 2, 1, 1])).toMatchObject({ index: 32, band: 'risk' });
    // The HR threshold counts below 50 only: a (constructed) 50 is not flagged, 48 is.
    expect(isFlagged({ ok: true, kind: 'who5', raw: 12.5, index: 50, band: 'good' })).toBe(false);
    expect(isFlagged({ ok: true, kind: 'who5', raw: 12, index: 48, band: 'risk' })).toBe(true);
  });
});

describe('PSS-10', () => {
  it('reverses items 4, 5, 7 and 8', () => {
    expect(pss10.items.flatMap((item, i) => (item.reverse ? [i + 1] : []))).toEqual([4, 5, 7, 8]);
    // Answers 1,2,3,3,2,1,3,2,0,1. Items 1,2,3,6,9,10 count as given: 1+2+3+1+0+1 = 8.
    // Items 4,5,7,8 count as 4 − answer: (4−3)+(4−2)+(4−3)+(4−2) = 1+2+1+2 = 6. Total 14.
    expect(scoreRespondent(pss10, [1, 2, 3, 3, 2, 1, 3, 2, 0, 1])).toEqual({ ok: true, kind: 'pss10', total: 14, band: 'typical' });
    // All 0: the reversed items count 4 each, 16 in all.
    expect(scoreRespondent(pss10, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ total: 16 });
    expect(scoreRespondent(pss10, [0, 0, 0, 4, 4, 0, 4, 4, 0, 0])).toMatchObject({ total: 0, band: 'typical' });
    expect(scoreRespondent(pss10, [4, 4, 4, 0, 0, 4, 0, 0, 4, 4])).toMatchObject({ total: 40, band: 'high' });
  });

  it('draws the bands at 18 or more and above 25 (the Danish health profile counts 18 as high)', () => {
    // Reversed items all answered 2 count 2 each: 8. The other six carry the rest.
    expect(scoreRespondent(pss10, [1, 2, 2, 2, 2, 2, 2, 2, 1, 1])).toMatchObject({ total: 17, band: 'typical' }); // 9 + 8
    expect(scoreRespondent(pss10, [1, 2, 2, 2, 2, 2, 2, 2, 2, 1])).toMatchObject({ total: 18, band: 'raised' }); // 10 + 8
    expect(scoreRespondent(pss10, [2, 2, 2, 2, 2, 2, 2, 2, 2, 1])).toMatchObject({ total: 19, band: 'raised' }); // 11 + 8
    expect(scoreRespondent(pss10, [3, 3, 3, 2, 2, 3, 2, 2, 3, 2])).toMatchObject({ total: 25, band: 'raised' }); // 17 + 8
    expect(scoreRespondent(pss10, [3, 3, 3, 2, 2, 3, 2, 2, 3, 3])).toMatchObject({ total: 26, band: 'high' }); // 18 + 8
    const at = (total: number) => ({ ok: true as const, kind: 'pss10' as const, total, band: 'typical' as const });
    expect([isFlagged(at(17)), isFlagged(at(18)), isFlagged(at(19))]).toEqual([false, true, true]);
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
    expect(score).toEqual({ ok: true, kind: 'mean', mean: 4 });
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
