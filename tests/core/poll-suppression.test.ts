// Small-cell suppression (BRIEF "Anonymous pulse polls"): hand examples, then an attacker that
// knows everything shown plus the structure tries to pin each hidden number, over hundreds of
// seeded random polls. The attacker (poll-attacker.ts) shares no code with the suppression.
import { describe, expect, it } from 'vitest';
import type { Instrument, OwnQuestion } from '../../src/core/polls/instrument.ts';
import { buildResults, type GroupAggregate, type PollResults } from '../../src/core/polls/results.ts';
import { isHidden, type Shown } from '../../src/core/polls/suppression.ts';
import { exactPins, linearPins, SystemBuilder } from './poll-attacker.ts';

/** mulberry32: small, seeded, so a failing case can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const text = { da: 'Spørgsmål', en: 'Question' };
const choice = (id: string, n: number): OwnQuestion => ({
  id,
  kind: 'choice',
  text,
  options: Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: { da: `Valg ${i}`, en: `Choice ${i}` } })),
});

interface Poll {
  questions: OwnQuestion[];
  groups: GroupAggregate[];
}

/** A random poll: skewed answers so that zeros, small cells and "everyone chose Y" all occur. */
function randomPoll(seed: number, size = { groups: 6, people: 12, options: 11 }): Poll {
  const r = prng(seed);
  const G = 1 + r.int(size.groups);
  const questions = [choice('q1', 2 + r.int(size.options - 1))];
  if (r.next() < 0.3) questions.push(choice('q2', 2 + r.int(3)));
  const weights = questions.map((q) => (q.kind === 'choice' ? q.options.map(() => r.next() ** 3) : []));
  const groups = Array.from({ length: G }, (_, g): GroupAggregate => {
    const responded = r.int(size.people + 1);
    const answers = questions.map((q, qi) => {
      const w = weights[qi]!;
      const counts: Record<string, number> = {};
      let answered = 0;
      for (let p = 0; p < responded; p++) {
        if (r.next() < 0.1) continue; // skipped the question
        let pick = r.next() * w.reduce((a, b) => a + b, 0);
        let o = 0;
        while (o < w.length - 1 && (pick -= w[o]!) > 0) o++;
        const key = `o${o}`;
        counts[key] = (counts[key] ?? 0) + 1;
        answered++;
      }
      return { questionId: q.id, counts, sum: 0, answered };
    });
    return { groupId: `g${g}`, name: `Group ${g}`, invited: responded + r.int(4), responded, questions: answers };
  });
  return { questions, groups };
}

const num = (v: Shown<number> | null | undefined) => (v === null || v === undefined || isHidden(v) ? undefined : v);

/**
 * The count tables as the attacker sees them: every respondent, answered and option count, shown
 * ones fixed, hidden ones free within 0..invited; "did not answer" is never shown.
 */
function countSystem(poll: Poll, results: Pick<PollResults, 'groups' | 'total'>) {
  const b = new SystemBuilder();
  const invited = poll.groups.reduce((a, g) => a + g.invited, 0);
  const R = b.add('R', poll.groups.reduce((a, g) => a + g.responded, 0), num(results.total.responded), invited);
  const r = poll.groups.map((g, i) => b.add(`r${i}`, g.responded, num(results.groups[i]!.responded), g.invited));
  b.sum(R, r);
  poll.questions.forEach((q, qi) => {
    const keys = q.kind === 'choice' ? q.options.map((o) => o.value) : [];
    const cells = poll.groups.map((g, i) => {
      const agg = g.questions[qi]!;
      const shown = results.groups[i]!.questions[qi]!;
      const a = b.add(`a${i}.${q.id}`, agg.answered, num(shown.answered), g.invited);
      const skip = b.add(`skip${i}.${q.id}`, g.responded - agg.answered, undefined, g.invited, false);
      b.sum(r[i]!, [a, skip]);
      const x = keys.map((key, o) => b.add(`x${i}.${q.id}.${key}`, agg.counts[key] ?? 0, num(shown.options[o]!.count), g.invited));
      b.sum(a, x);
      return { a, x };
    });
    const shownTotal = results.total.questions[qi]!;
    const A = b.add(`A.${q.id}`, cells.reduce((s, c) => s + b.sys.truth[c.a]!, 0), num(shownTotal.answered), invited);
    b.sum(A, cells.map((c) => c.a));
    const T = keys.map((key, o) => {
      const t = b.add(`T.${q.id}.${key}`, poll.groups.reduce((s, g) => s + (g.questions[qi]!.counts[key] ?? 0), 0), num(shownTotal.options[o]!.count), invited);
      b.sum(t, cells.map((c) => c.x[o]!));
      return t;
    });
    if (T.length) b.sum(A, T);
  });
  return b;
}

/** Only the first rule: every count below k hidden, nothing more (what secondary suppression is for). */
function primaryOnly(poll: Poll, k: number): Pick<PollResults, 'groups' | 'total'> {
  const shown = (n: number): Shown<number> => (n < k ? { hidden: true, reason: 'too_few', threshold: k } : n);
  const row = (responded: number, qs: Array<{ answered: number; counts: number[] }>) => ({
    responded: shown(responded),
    questions: qs.map((q) => ({ answered: shown(q.answered), options: q.counts.map((c) => ({ count: shown(c) })) })),
  });
  const countsOf = (q: OwnQuestion, counts: Record<string, number>) => (q.kind === 'choice' ? q.options.map((o) => counts[o.value] ?? 0) : []);
  const groups = poll.groups.map((g) => row(g.responded, poll.questions.map((q, qi) => ({ answered: g.questions[qi]!.answered, counts: countsOf(q, g.questions[qi]!.counts) }))));
  const total = row(
    poll.groups.reduce((a, g) => a + g.responded, 0),
    poll.questions.map((q, qi) => {
      const counts = countsOf(q, {}).map((_, o) => poll.groups.reduce((a, g) => a + (countsOf(q, g.questions[qi]!.counts)[o] ?? 0), 0));
      return { answered: poll.groups.reduce((a, g) => a + g.questions[qi]!.answered, 0), counts };
    }),
  );
  return { groups, total } as unknown as Pick<PollResults, 'groups' | 'total'>;
}

const names = (b: SystemBuilder, vars: number[]) => vars.map((v) => b.sys.names[v]);
const H = (reason: 'too_few' | 'protects_other', threshold = 5) => ({ hidden: true, reason, threshold });
const agg = (groupId: string, invited: number, responded: number, counts: Record<string, number>): GroupAggregate => ({
  groupId,
  name: groupId.toUpperCase(),
  invited,
  responded,
  questions: [{ questionId: 'q', counts, sum: 0, answered: Object.values(counts).reduce((a, b) => a + b, 0) }],
});
const q3 = [choice('q', 3)];

describe('suppression by hand', () => {
  it('hides a small group and, so it cannot be subtracted out, the next smallest too', () => {
    // Respondents 8, 9 and 3 (total 20). C (3) is below k, but with only C hidden, C = 20 − 8 − 9.
    // Hiding A (the smaller of the rest) as well leaves only A + C = 11 known.
    const poll = { questions: q3, groups: [agg('a', 9, 8, { o0: 5, o1: 3 }), agg('b', 10, 9, { o0: 6, o1: 3 }), agg('c', 4, 3, { o0: 2, o2: 1 })] };
    const results = buildResults(poll);
    expect(results.groups.map((g) => g.responded)).toEqual([H('protects_other'), 9, H('too_few')]);
    expect(results.total.responded).toBe(20);
    expect(results.groups[0]!.questions[0]!.options.map((o) => o.count)).toEqual([H('protects_other'), H('protects_other'), H('protects_other')]);
    expect(exactPins(countSystem(poll, results).sys, countSystem(poll, results).hidden)).toEqual([]);
  });

  it('hides "everyone chose Y" by hiding the zeros and then the Y they would reveal', () => {
    // One group of 10, all chose o1. Zeros are small cells; with them hidden and 10 answered shown,
    // o1 = 10 − 0 − 0 would still show, so o1 is hidden too, in the group and in the total.
    const poll = { questions: q3, groups: [agg('a', 12, 10, { o1: 10 })] };
    const results = buildResults(poll);
    for (const row of [results.groups[0]!, results.total]) {
      expect(row.questions[0]!.answered).toBe(10);
      expect(row.questions[0]!.options.map((o) => o.count)).toEqual([H('too_few'), H('protects_other'), H('too_few')]);
      expect(row.questions[0]!.options[1]!.share).toEqual(H('protects_other'));
    }
  });

  it('hides a second cell in the row and in the column of a small count', () => {
    // Two groups of 10: a = [7, 3], b = [6, 4]. Both 3 and 4 are small; a's 7 and b's 6 would give
    // them away (10 − 7), so the whole 2×2 block hides, while the totals 13 and 7 stay shown.
    const poll = { questions: [choice('q', 2)], groups: [agg('a', 10, 10, { o0: 7, o1: 3 }), agg('b', 10, 10, { o0: 6, o1: 4 })] };
    const results = buildResults(poll);
    expect(results.groups.map((g) => g.questions[0]!.options.map((o) => o.count))).toEqual([
      [H('protects_other'), H('too_few')],
      [H('protects_other'), H('too_few')],
    ]);
    expect(results.total.questions[0]!.options.map((o) => o.count)).toEqual([13, 7]);
    expect(results.groups.map((g) => g.questions[0]!.mean)).toEqual([null, null]);
  });

  it('shows a mean only where every count it is made of is shown', () => {
    const agree = [{ id: 'q', kind: 'agree5', text } as const];
    const counts = { 4: 6, 5: 6 };
    const row = (id: string, c: Record<string, number>) => ({ ...agg(id, 20, 12, c), questions: [{ questionId: 'q', counts: c, sum: Object.entries(c).reduce((a, [k, v]) => a + Number(k) * v, 0), answered: 12 }] });
    const results = buildResults({ questions: [...agree], groups: [row('a', counts), row('b', counts)] });
    // 1-3 are zero, so hidden: the mean (4.5) would let them be solved for, and is hidden too.
    expect(results.groups[0]!.questions[0]!.mean).toEqual(H('protects_other'));
    const full = { 1: 5, 2: 5, 3: 5, 4: 5, 5: 5 };
    const shown = buildResults({ questions: [...agree], groups: [{ ...row('a', full), responded: 25, invited: 25, questions: [{ questionId: 'q', counts: full, sum: 75, answered: 25 }] }] });
    expect(shown.groups[0]!.questions[0]!.mean).toBe(3);
  });

  it('shows free text only in cells with at least 10 texts, and pools the hidden ones', () => {
    const free = [{ id: 't', kind: 'text', text } as const];
    const texts = (n: number, who: string) => Array.from({ length: n }, (_, i) => `${who} ${i}`);
    const row = (id: string, n: number) => ({ groupId: id, name: id, invited: 20, responded: 15, questions: [{ questionId: 't', counts: {}, sum: 0, answered: n, texts: texts(n, id) }] });
    // a: 12 texts, b: 6, c: 11. b alone is below 10, and total − a − c would give b's six, so
    // the smaller of the rest (c, 11) is pooled with it: 17 texts nobody can tie to b or c.
    const results = buildResults({ questions: [...free], groups: [row('a', 12), row('b', 6), row('c', 11)] });
    const lists = results.groups.map((g) => g.questions[0]!.texts);
    expect(lists[0]).toEqual([...texts(12, 'a')].sort((x, y) => x.localeCompare(y, 'da')));
    expect(lists.slice(1)).toEqual([H('too_few', 10), H('protects_other', 10)]);
    expect(results.total.questions[0]!.texts).toHaveLength(29);
    // Counts of texts follow k, not the text threshold: b's 6 answers can be shown.
    expect(results.groups.map((g) => g.questions[0]!.answered)).toEqual([12, 6, 11]);
  });

  it('refuses a threshold below 3 and inconsistent aggregates', () => {
    const poll = { questions: q3, groups: [agg('a', 9, 8, { o0: 5, o1: 3 })] };
    expect(() => buildResults({ ...poll, threshold: 2 })).toThrow(/threshold must be a whole number of 3 or more/);
    const broken = { ...poll, groups: [{ ...poll.groups[0]!, responded: 10 }] };
    expect(() => buildResults(broken)).toThrow(/responded 10 of 9 invited/);
    const wrong = { ...poll, groups: [{ ...poll.groups[0]!, questions: [{ questionId: 'q', counts: { o0: 5, o9: 3 }, sum: 0, answered: 8 }] }] };
    expect(() => buildResults(wrong)).toThrow(/unknown option "o9"/);
  });
});

describe('the attacker', () => {
  it('recovers cells when only the first rule is applied (it can fire)', () => {
    // a = [7, 3], b = [6, 4]: with only 3 and 4 hidden, each is 10 minus the shown 7 or 6.
    const poll = { questions: [choice('q', 2)], groups: [agg('a', 10, 10, { o0: 7, o1: 3 }), agg('b', 10, 10, { o0: 6, o1: 4 })] };
    const b = countSystem(poll, primaryOnly(poll, 5));
    expect(names(b, exactPins(b.sys, b.hidden))).toEqual(['x0.q.o1', 'x1.q.o1']);
    const unknown = b.sys.lo.flatMap((lo, v) => (lo < b.sys.hi[v]! ? [v] : []));
    expect(names(b, linearPins(b.sys, unknown).filter((v) => b.hidden.includes(v)))).toEqual(['x0.q.o1', 'x1.q.o1']);
  });

  it('finds nothing to recover in 500 random polls, and does in their primary-only versions', () => {
    let fired = 0;
    let hiddenCells = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const poll = randomPoll(seed);
      const results = buildResults(poll);
      const b = countSystem(poll, results);
      hiddenCells += b.hidden.length;
      expect({ seed, pinned: names(b, exactPins(b.sys, b.hidden)) }).toEqual({ seed, pinned: [] });
      // The hidden groups hold at least k people between them whenever the total is shown.
      const held = results.groups.reduce((a, g, i) => a + (isHidden(g.responded) ? poll.groups[i]!.responded : 0), 0);
      if (!isHidden(results.total.responded) && results.groups.some((g) => isHidden(g.responded))) expect(held).toBeGreaterThanOrEqual(5);
      if (seed % 3 !== 0) continue; // a third of them is plenty to show the attacker can fire
      const naive = countSystem(poll, primaryOnly(poll, 5));
      if (exactPins(naive.sys, naive.hidden).length > 0) fired++;
    }
    expect(hiddenCells).toBeGreaterThan(8_000);
    expect(fired).toBeGreaterThan(50);
  });

  it('finds no linear combination that recovers a hidden cell in 60 bigger random polls', () => {
    let fired = 0;
    for (let seed = 1001; seed <= 1060; seed++) {
      const poll = randomPoll(seed, { groups: 30, people: 40, options: 8 });
      const results = buildResults(poll);
      const b = countSystem(poll, results);
      const unknown = b.sys.lo.flatMap((lo, v) => (lo < b.sys.hi[v]! ? [v] : []));
      const pinned = linearPins(b.sys, unknown).filter((v) => b.hidden.includes(v));
      expect({ seed, pinned: names(b, pinned) }).toEqual({ seed, pinned: [] });
      const naive = countSystem(poll, primaryOnly(poll, 5));
      const naiveUnknown = naive.sys.lo.flatMap((lo, v) => (lo < naive.sys.hi[v]! ? [v] : []));
      if (linearPins(naive.sys, naiveUnknown).some((v) => naive.hidden.includes(v))) fired++;
    }
    expect(fired).toBeGreaterThan(30);
  });

  it('never shows a share or a mean that the shown counts do not already give', () => {
    for (let seed = 2001; seed <= 2200; seed++) {
      const poll = randomPoll(seed);
      const results = buildResults(poll);
      for (const row of [...results.groups, results.total]) {
        for (const q of row.questions) {
          for (const o of q.options) {
            if (!isHidden(o.share)) expect(o.share).toBeCloseTo(num(o.count)! / num(q.answered)!, 12);
          }
        }
        if (!isHidden(row.responseRate)) expect(row.responseRate).toBeCloseTo(num(row.responded)! / row.invited, 12);
      }
    }
  });
});

// — Scores: sums and means —

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
 * 0-40, flagged at 19-40. `unit` turns a unit back into the published score.
 */
const KINDS = {
  who5: { instrument: who5, unit: 4, max: 25, flagged: [0, 12], unflagged: [13, 25] },
  pss10: { instrument: fixture('pss10'), unit: 1, max: 40, flagged: [19, 40], unflagged: [0, 18] },
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

/** Respondents, scored counts, the flagged split and the score sums, with the bounds each person's score obeys. */
function scoreSystem(groups: GroupAggregate[], results: Pick<PollResults, 'groups' | 'total'>, kind: Kind) {
  const b = new SystemBuilder();
  const invited = groups.reduce((a, g) => a + g.invited, 0);
  const unitsOf = (mean: Shown<number>, n: Shown<number>) => (isHidden(mean) || isHidden(n) ? undefined : Math.round((mean * n) / kind.unit));
  const all = { r: 0, n: 0, sum: 0, flagged: 0 };
  for (const g of groups) for (const [key, v] of [['r', g.responded], ['n', g.score!.n], ['sum', g.score!.sum], ['flagged', g.score!.flagged]] as const) all[key] += v;
  const rows = [...groups.map((g, i) => ({ t: { r: g.responded, ...g.score! }, shown: results.groups[i]!, max: g.invited, name: `${i}` })), { t: all, shown: results.total, max: invited, name: 'total' }];
  const vars = rows.map(({ t, shown, max, name }) => {
    const s = shown.score!;
    if (!isHidden(s.mean)) expect(isHidden(s.n)).toBe(false); // a mean never shows without its n
    if (!isHidden(s.shareFlagged)) expect(isHidden(s.flagged) || isHidden(s.n)).toBe(false);
    const r = b.add(`r${name}`, t.r, num(shown.responded), max);
    const n = b.add(`n${name}`, t.n, num(s.n), max);
    const f = b.add(`f${name}`, t.flagged, num(s.flagged), max);
    const u = b.add(`u${name}`, t.n - t.flagged, undefined, max, false);
    const sum = b.add(`sum${name}`, t.sum / kind.unit, unitsOf(s.mean, s.n), kind.max * max);
    b.sum(r, [n, b.add(`skip${name}`, t.r - t.n, undefined, max, false)]);
    b.sum(n, [f, u]);
    // sum ≥ f·flaggedMin + u·unflaggedMin and sum ≤ f·flaggedMax + u·unflaggedMax, with slack.
    const [fl, fh] = kind.flagged;
    const [ul, uh] = kind.unflagged;
    const t0 = t.sum / kind.unit;
    const lo = b.add(`lo${name}`, t0 - fl * t.flagged - ul * (t.n - t.flagged), undefined, kind.max * max, false);
    const hi = b.add(`hi${name}`, fh * t.flagged + uh * (t.n - t.flagged) - t0, undefined, kind.max * max, false);
    b.equation([[sum, 1], [f, -fl], [u, -ul], [lo, -1]], 0);
    b.equation([[f, fh], [u, uh], [sum, -1], [hi, -1]], 0);
    return { r, n, f, u, sum };
  });
  const total = vars.at(-1)!;
  for (const key of ['r', 'n', 'f', 'u', 'sum'] as const) b.sum(total[key], vars.slice(0, -1).map((v) => v[key]));
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
  const total = row(sumOf((g) => g.responded), { n: sumOf((g) => g.score!.n), sum: sumOf((g) => g.score!.sum), flagged: sumOf((g) => g.score!.flagged) });
  return { groups: groups.map((g) => row(g.responded, g.score!)), total } as unknown as Pick<PollResults, 'groups' | 'total'>;
}

describe('score sums and means', () => {
  it('hides a mean where everyone scored the same extreme', () => {
    const everyone100 = { groupId: 'a', name: 'A', invited: 8, responded: 6, questions: [], score: { n: 6, sum: 600, flagged: 0 } };
    const results = buildResults({ instrument: who5, groups: [everyone100] });
    expect(results.groups[0]!.score!.mean).toEqual(H('too_few'));
    expect(results.total.score!.mean).toEqual(H('too_few'));
    const mixed = { ...everyone100, score: { n: 6, sum: 480, flagged: 0 } };
    expect(buildResults({ instrument: who5, groups: [mixed] }).groups[0]!.score!.mean).toBe(80);
  });

  it('hides a second mean so that the total minus the shown ones gives no single group', () => {
    // Groups of 6, 7 and 8 all shown, then b scores everyone 100: its mean is hidden, and with the
    // total shown it would be total − a − c, so the smallest other group (a) is hidden as well.
    const g = (id: string, n: number, sum: number, flagged: number) => ({ groupId: id, name: id, invited: 10, responded: n, questions: [], score: { n, sum, flagged } });
    const results = buildResults({ instrument: who5, groups: [g('a', 6, 360, 1), g('b', 7, 700, 0), g('c', 8, 480, 2)] });
    expect(results.groups.map((x) => x.score!.mean)).toEqual([H('protects_other'), H('too_few'), 60]);
    expect(results.total.score!.mean).toBeCloseTo(1540 / 21, 12);
    expect(results.groups.map((x) => x.score!.n)).toEqual([6, 7, 8]);
  });

  it('lets no hidden count or sum be pinned in 500 random WHO-5 and PSS-10 polls (exact search)', () => {
    let checked = 0;
    let fired = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const kind = seed % 2 ? KINDS.who5 : KINDS.pss10;
      const groups = randomScores(seed, kind);
      const results = buildResults({ instrument: kind.instrument, groups });
      const b = scoreSystem(groups, results, kind);
      // An empty group's sum is 0 by definition; whether it is empty is what protects it.
      const empty = (v: number) => /^sum\d/.test(b.sys.names[v]!) && groups[Number(b.sys.names[v]!.slice(3))]!.score!.n === 0;
      const check = b.hidden.filter((v) => !empty(v));
      checked += check.length;
      expect({ seed, pinned: names(b, exactPins(b.sys, check)) }).toEqual({ seed, pinned: [] });
      const naive = scoreSystem(groups, naiveScores(groups, 5), kind);
      if (exactPins(naive.sys, naive.hidden.filter((v) => !empty(v))).length > 0) fired++;
    }
    expect(checked).toBeGreaterThan(3000);
    expect(fired).toBeGreaterThan(100);
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
    expect(names(b, linearPins(b.sys, unknown).filter((v) => b.hidden.includes(v)))).toEqual(['sum1']);
  });
});
