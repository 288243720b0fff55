// Suppression of WHO-5 and PSS-10 scores (BRIEF "Anonymous pulse polls"): a group's mean score
// must not be recoverable from the total's mean × n minus the shown groups' sums, must not give
// away a hidden count of respondents beyond the threshold, and must not tell everyone's score.
// Hand examples, then the exact attacker of poll-attacker.ts over 500 seeded random polls; last,
// how a change since the previous wave is shown.
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/core/polls/instrument.ts';
import { buildResults, type GroupAggregate, type PollResults } from '../../src/core/polls/results.ts';
import { isHidden, type Shown } from '../../src/core/polls/suppression.ts';
import { exactPins, linearPins, prng, SystemBuilder } from './poll-attacker.ts';

const text = { da: 'Spørgsmål', en: 'Question' };
const H = (reason: 'too_few' | 'protects_other', threshold = 5) => ({ hidden: true as const, reason, threshold });
const num = (v: Shown<number> | null | undefined) => (v === null || v === undefined || isHidden(v) ? undefined : v);
const names = (b: SystemBuilder, vars: number[]) => vars.map((v) => b.sys.names[v]);

const fixture = (id: 'who5' | 'pss10'): Instrument => {
  const max = id === 'who5' ? 5 : 4;
  return {
    id,
    name: text,
    source: text,
    intro: text,
    scale: { min: 0, max, labels: Array.from({ length: max + 1 }, (_, value) => ({ value, label: { da: `${value}`, en: `v${value}` } })) },
    items: Array.from({ length: id === 'who5' ? 5 : 10 }, (_, i) => ({ id: `i${i}`, text, reverse: id === 'pss10' && [3, 4, 6, 7].includes(i) ? true : undefined })),
    scoring: id,
    meaningfulChange: id === 'who5' ? 10 : 11,
  };
};
const who5 = fixture('who5');

/**
 * Per person, in whole units: WHO-5 raw 0-25 (index = raw × 4), flagged at 0-12; PSS-10 total
 * 0-40, flagged at 18-40. `unit` turns a unit back into the published score.
 */
const KINDS = {
  who5: { instrument: who5, unit: 4, max: 25, flagged: [0, 12], unflagged: [13, 25] },
  pss10: { instrument: fixture('pss10'), unit: 1, max: 40, flagged: [18, 40], unflagged: [0, 17] },
} as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];

/** A random scored poll, skewed towards the ends of the scale and towards the threshold. */
function randomScores(seed: number, kind: Kind) {
  const r = prng(seed);
  const G = 1 + r.int(6);
  const low = r.next();
  return Array.from({ length: G }, (_, g): GroupAggregate => {
    const responded = r.int(13);
    const units = Array.from({ length: responded - (r.next() < 0.2 ? Math.min(responded, 1) : 0) }, () =>
      r.next() < 0.15 ? (r.next() < 0.5 ? 0 : kind.max) : Math.round(kind.max * (r.next() < low ? r.next() * 0.5 : 0.5 + r.next() * 0.5)),
    );
    const flagged = units.filter((x) => x >= kind.flagged[0] && x <= kind.flagged[1]).length;
    const score = { n: units.length, sum: units.reduce((a, b) => a + kind.unit * b, 0), flagged };
    return { groupId: `g${g}`, name: `G${g}`, invited: responded + r.int(3), responded, questions: [], score };
  });
}

/**
 * Respondents, scored counts, the flagged split and the score sums, with the bounds each person's
 * score obeys. `blind`: as if every number were hidden (see countSystem in poll-suppression).
 */
function scoreSystem(groups: GroupAggregate[], results: Pick<PollResults, 'groups' | 'total'>, kind: Kind, blind = false) {
  const b = new SystemBuilder();
  const whole = (name: string, truth: number, shown: Shown<number>, max: number) => b.whole(name, truth, blind ? H(truth < 5 ? 'too_few' : 'protects_other') : shown, max);
  const part = (name: string, truth: number, shown: number | undefined, max: number) => b.add(name, truth, blind ? undefined : shown, max);
  const invited = groups.reduce((a, g) => a + g.invited, 0);
  const unitsOf = (mean: Shown<number>, n: Shown<number>) => (isHidden(mean) || isHidden(n) ? undefined : Math.round((mean * n) / kind.unit));
  const all = { r: 0, n: 0, sum: 0, flagged: 0 };
  for (const g of groups)
    for (const [key, v] of [
      ['r', g.responded],
      ['n', g.score!.n],
      ['sum', g.score!.sum],
      ['flagged', g.score!.flagged],
    ] as const)
      all[key] += v;
  const rows = [
    ...groups.map((g, i) => ({ t: { r: g.responded, ...g.score! }, shown: results.groups[i]!, max: g.invited, name: `${i}` })),
    { t: all, shown: results.total, max: invited, name: 'total' },
  ];
  const vars = rows.map(({ t, shown, max, name }) => {
    const s = shown.score!;
    if (!isHidden(s.mean)) expect(isHidden(s.n)).toBe(false); // a mean never shows without its n
    if (!isHidden(s.shareFlagged)) expect(isHidden(s.flagged) || isHidden(s.n)).toBe(false);
    const r = whole(`r${name}`, t.r, shown.responded, max);
    const n = whole(`n${name}`, t.n, s.n, max);
    const f = part(`f${name}`, t.flagged, num(s.flagged), max);
    const u = b.add(`u${name}`, t.n - t.flagged, undefined, max, false);
    const sum = part(`sum${name}`, t.sum / kind.unit, unitsOf(s.mean, s.n), kind.max * max);
    b.sum(r, [n, b.add(`skip${name}`, t.r - t.n, undefined, max, false)]);
    b.sum(n, [f, u]);
    // sum ≥ f·flaggedMin + u·unflaggedMin and sum ≤ f·flaggedMax + u·unflaggedMax, with slack.
    const [fl, fh] = kind.flagged;
    const [ul, uh] = kind.unflagged;
    const t0 = t.sum / kind.unit;
    const lo = b.add(`lo${name}`, t0 - fl * t.flagged - ul * (t.n - t.flagged), undefined, kind.max * max, false);
    const hi = b.add(`hi${name}`, fh * t.flagged + uh * (t.n - t.flagged) - t0, undefined, kind.max * max, false);
    b.equation(
      [
        [sum, 1],
        [f, -fl],
        [u, -ul],
        [lo, -1],
      ],
      0,
    );
    b.equation(
      [
        [f, fh],
        [u, uh],
        [sum, -1],
        [hi, -1],
      ],
      0,
    );
    return { r, n, f, u, sum };
  });
  const total = vars.at(-1)!;
  for (const key of ['r', 'n', 'f', 'u', 'sum'] as const)
    b.sum(
      total[key],
      vars.slice(0, -1).map((v) => v[key]),
    );
  return b;
}

/** What a careless report would show: each number hidden only below k, nothing more. */
function naiveScores(groups: GroupAggregate[], k: number) {
  const shown = (n: number) => (n < k ? H('too_few') : n);
  const row = (r: number, s: { n: number; sum: number; flagged: number }) => ({
    responded: shown(r),
    score: { n: shown(s.n), flagged: shown(s.flagged), shareFlagged: H('too_few'), mean: s.n < k ? H('too_few') : s.sum / s.n },
  });
  const sumOf = (f: (g: GroupAggregate) => number) => groups.reduce((a, g) => a + f(g), 0);
  const total = row(
    sumOf((g) => g.responded),
    { n: sumOf((g) => g.score!.n), sum: sumOf((g) => g.score!.sum), flagged: sumOf((g) => g.score!.flagged) },
  );
  return { groups: groups.map((g) => row(g.responded, g.score!)), total } as unknown as Pick<PollResults, 'groups' | 'total'>;
}

describe('score sums and means', () => {
  it('hides a mean where everyone scored the same extreme', () => {
    const everyone100 = { groupId: 'a', name: 'A', invited: 8, responded: 6, questions: [], score: { n: 6, sum: 600, flagged: 0 } };
    const results = buildResults({ instrument: who5, groups: [everyone100] });
    expect(results.groups[0]!.score!.mean).toEqual(H('protects_other'));
    expect(results.total.score!.mean).toEqual(H('protects_other'));
    const mixed = { ...everyone100, score: { n: 6, sum: 480, flagged: 0 } };
    expect(buildResults({ instrument: who5, groups: [mixed] }).groups[0]!.score!.mean).toBe(80);
  });

  it('hides a second mean so that the total minus the shown ones gives no single group', () => {
    // Groups of 6, 7 and 8 all shown, then b scores everyone 100: its mean is hidden, and with the
    // total shown it would be total − a − c, so the smallest other group (a) is hidden as well.
    const g = (id: string, n: number, sum: number, flagged: number) => ({ groupId: id, name: id, invited: 10, responded: n, questions: [], score: { n, sum, flagged } });
    const results = buildResults({ instrument: who5, groups: [g('a', 6, 360, 1), g('b', 7, 700, 0), g('c', 8, 480, 2)] });
    expect(results.groups.map((x) => x.score!.mean)).toEqual([H('protects_other'), H('protects_other'), 60]);
    expect(results.total.score!.mean).toBeCloseTo(1540 / 21, 12);
    expect(results.groups.map((x) => x.score!.n)).toEqual([6, 7, 8]);
  });

  it('lets no hidden count or sum be pinned in 500 random WHO-5 and PSS-10 polls (exact search)', () => {
    let checked = 0;
    let fired = 0;
    let inherent = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const kind = seed % 2 ? KINDS.who5 : KINDS.pss10;
      const groups = randomScores(seed, kind);
      const results = buildResults({ instrument: kind.instrument, groups });
      const b = scoreSystem(groups, results, kind);
      // An empty group's sum is 0 by definition; whether it is empty is what protects it.
      const empty = (v: number) => /^sum\d/.test(b.sys.names[v]!) && groups[Number(b.sys.names[v]!.slice(3))]!.score!.n === 0;
      const check = b.hidden.filter((v) => !empty(v));
      checked += check.length;
      // What the threshold rule itself gives away (pinned with every number hidden) cannot be hidden.
      let pins = names(b, exactPins(b.sys, check));
      if (pins.length > 0) {
        const blind = scoreSystem(groups, results, kind, true);
        const given = names(blind, exactPins(blind.sys, blind.hidden));
        pins = pins.filter((name) => !given.includes(name));
        inherent++;
      }
      expect({ seed, pinned: pins }).toEqual({ seed, pinned: [] });
      const naive = scoreSystem(groups, naiveScores(groups, 5), kind);
      if (
        exactPins(
          naive.sys,
          naive.hidden.filter((v) => !empty(v)),
        ).length > 0
      )
        fired++;
    }
    expect(checked).toBeGreaterThan(3000);
    expect(fired).toBeGreaterThan(100);
    expect(inherent).toBeLessThan(10); // rare: small groups where every invited answered
  });

  it('the attacker recovers a group mean from the total when only one is hidden (it can fire)', () => {
    const g = (id: string, n: number, sum: number, flagged: number) => ({ groupId: id, name: id, invited: 10, responded: n, questions: [], score: { n, sum, flagged } });
    const groups = [g('a', 6, 360, 1), g('b', 7, 560, 0), g('c', 8, 480, 2)];
    const results = buildResults({ instrument: who5, groups });
    expect(results.groups.every((x) => !isHidden(x.score!.mean))).toBe(true);
    const leaky = structuredClone(results);
    leaky.groups[1]!.score!.mean = H('too_few') as never; // hide b's mean alone, total still shown
    const b = scoreSystem(groups, leaky, KINDS.who5);
    expect(names(b, exactPins(b.sys, b.hidden))).toEqual(['sum1']);
    const unknown = b.sys.lo.flatMap((lo, v) => (lo < b.sys.hi[v]! ? [v] : []));
    expect(
      names(
        b,
        linearPins(b.sys, unknown).filter((v) => b.hidden.includes(v)),
      ),
    ).toEqual(['sum1']);
  });
});

describe('change since the previous wave', () => {
  const g = (id: string, n: number, sum: number, flagged: number) => ({ groupId: id, name: id, invited: 10, responded: n, questions: [], score: { n, sum, flagged } });

  it('marks a WHO-5 change of 10 points or more as meaningful, higher being better', () => {
    const previous = [g('a', 6, 288, 2), g('b', 7, 406, 1)];
    const results = buildResults({ instrument: who5, groups: [g('a', 6, 360, 1), g('b', 7, 406, 1)], previous });
    // a: 288/6 = 48 → 360/6 = 60, +12. b: 58 → 58. Total: 694/13 → 766/13, +72/13 ≈ +5.5.
    expect(results.groups.map((x) => x.score!.change)).toEqual([
      { previous: 48, delta: 12, direction: 'better', meaningful: true },
      { previous: 58, delta: 0, direction: 'same', meaningful: false },
    ]);
    expect(results.total.score!.change).toMatchObject({ direction: 'better', meaningful: false });
    expect((results.total.score!.change as { delta: number }).delta).toBeCloseTo(72 / 13, 12);
  });

  it('hides the change where either wave hides the mean, with that wave’s reason', () => {
    // Before, a had 4 scored: hidden, and b with it so that a cannot be subtracted from the total.
    const results = buildResults({ instrument: who5, groups: [g('a', 6, 360, 1), g('b', 7, 406, 1)], previous: [g('a', 4, 240, 1), g('b', 7, 406, 1)] });
    expect(results.groups.map((x) => x.score!.change)).toEqual([H('too_few'), H('protects_other')]);
    expect(results.total.score!.change).toMatchObject({ previous: 646 / 11 });
  });

  it('gives an own question’s change without a direction or a verdict, and a mean instrument’s with both', () => {
    const flat = { 1: 5, 2: 5, 3: 5, 4: 5, 5: 5 }; // mean 3
    const up = { 1: 5, 2: 5, 3: 5, 4: 10, 5: 15 }; // 145 / 40 = 3.625
    const row = (counts: Record<string, number>) => {
      const answered = Object.values(counts).reduce((a, b) => a + b, 0);
      const sum = Object.entries(counts).reduce((a, [k, v]) => a + Number(k) * v, 0);
      return [{ groupId: 'a', name: 'A', invited: 50, responded: answered, questions: [{ questionId: 'q', counts, sum, answered }] }];
    };
    const own = buildResults({ questions: [{ id: 'q', kind: 'agree5', text }], groups: row(up), previous: row(flat) });
    expect(own.groups[0]!.questions[0]!.change).toEqual({ previous: 3, delta: 0.625, direction: null, meaningful: null });
    const pulse: Instrument = { ...fixture('who5'), id: 'pulse', scoring: 'mean', meaningfulChange: 0.5, items: [{ id: 'q', text }] };
    pulse.scale = { min: 1, max: 5, labels: [1, 2, 3, 4, 5].map((value) => ({ value, label: { da: `${value}`, en: `v${value}` } })) };
    const mean = buildResults({ instrument: pulse, groups: row(up), previous: row(flat) });
    expect(mean.groups[0]!.questions[0]!.change).toEqual({ previous: 3, delta: 0.625, direction: 'better', meaningful: true });
    expect(mean.groups[0]!.score).toBeNull(); // a mean instrument reports its items, not a score
  });
});
