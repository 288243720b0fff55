// Small-cell suppression (BRIEF "Anonymous pulse polls"): hand examples, then an attacker that
// knows everything shown plus the structure tries to pin each hidden number, over hundreds of
// seeded random polls. The attacker (poll-attacker.ts) shares no code with the suppression.
import { describe, expect, it } from 'vitest';
import type { OwnQuestion } from '../../src/core/polls/instrument.ts';
import { buildResults, type GroupAggregate, type PollResults } from '../../src/core/polls/results.ts';
import { isHidden, type Shown } from '../../src/core/polls/suppression.ts';
import { exactPins, linearPins, prng, SystemBuilder } from './poll-attacker.ts';

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
        for (pick -= w[0]!; o < w.length - 1 && pick > 0; pick -= w[o]!) o++;
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
 * ones fixed, hidden ones free within 0..invited and within what their reason tells (a whole's
 * reason says whether it is below k); "did not answer" is never shown. `blind`: as if every
 * number were hidden — what is pinned then is given away by the threshold rule itself.
 */
function countSystem(poll: Poll, results: Pick<PollResults, 'groups' | 'total'>, blind = false) {
  const b = new SystemBuilder();
  const whole = (name: string, truth: number, shown: Shown<number>, max: number) => b.whole(name, truth, blind ? H(truth < 5 ? 'too_few' : 'protects_other') : shown, max);
  const part = (name: string, truth: number, shown: Shown<number>, max: number) => b.add(name, truth, blind ? undefined : num(shown), max);
  const invited = poll.groups.reduce((a, g) => a + g.invited, 0);
  const R = whole(
    'R',
    poll.groups.reduce((a, g) => a + g.responded, 0),
    results.total.responded,
    invited,
  );
  const r = poll.groups.map((g, i) => whole(`r${i}`, g.responded, results.groups[i]!.responded, g.invited));
  b.sum(R, r);
  poll.questions.forEach((q, qi) => {
    const keys = q.kind === 'choice' ? q.options.map((o) => o.value) : [];
    const cells = poll.groups.map((g, i) => {
      const agg = g.questions[qi]!;
      const shown = results.groups[i]!.questions[qi]!;
      const a = whole(`a${i}.${q.id}`, agg.answered, shown.answered, g.invited);
      const skip = b.add(`skip${i}.${q.id}`, g.responded - agg.answered, undefined, g.invited, false);
      b.sum(r[i]!, [a, skip]);
      const x = keys.map((key, o) => part(`x${i}.${q.id}.${key}`, agg.counts[key] ?? 0, shown.options[o]!.count, g.invited));
      b.sum(a, x);
      return { a, x };
    });
    const shownTotal = results.total.questions[qi]!;
    const A = whole(
      `A.${q.id}`,
      cells.reduce((s, c) => s + b.sys.truth[c.a]!, 0),
      shownTotal.answered,
      invited,
    );
    b.sum(
      A,
      cells.map((c) => c.a),
    );
    const T = keys.map((key, o) => {
      const t = part(
        `T.${q.id}.${key}`,
        poll.groups.reduce((s, g) => s + (g.questions[qi]!.counts[key] ?? 0), 0),
        shownTotal.options[o]!.count,
        invited,
      );
      b.sum(
        t,
        cells.map((c) => c.x[o]!),
      );
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
  const groups = poll.groups.map((g) =>
    row(
      g.responded,
      poll.questions.map((q, qi) => ({ answered: g.questions[qi]!.answered, counts: countsOf(q, g.questions[qi]!.counts) })),
    ),
  );
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
const H = (reason: 'too_few' | 'protects_other', threshold = 5) => ({ hidden: true as const, reason, threshold });
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
      // A count takes its row's reason: ten answered, so "to protect" for the zeros as for the ten.
      expect(row.questions[0]!.options.map((o) => o.count)).toEqual([H('protects_other'), H('protects_other'), H('protects_other')]);
      expect(row.questions[0]!.options[1]!.share).toEqual(H('protects_other'));
    }
  });

  it('hides a second cell in the row and in the column of a small count', () => {
    // Two groups of 10: a = [7, 3], b = [6, 4]. Both 3 and 4 are small; a's 7 and b's 6 would give
    // them away (10 − 7), so the whole 2×2 block hides, while the totals 13 and 7 stay shown.
    const poll = { questions: [choice('q', 2)], groups: [agg('a', 10, 10, { o0: 7, o1: 3 }), agg('b', 10, 10, { o0: 6, o1: 4 })] };
    const results = buildResults(poll);
    expect(results.groups.map((g) => g.questions[0]!.options.map((o) => o.count))).toEqual([
      [H('protects_other'), H('protects_other')],
      [H('protects_other'), H('protects_other')],
    ]);
    expect(results.total.questions[0]!.options.map((o) => o.count)).toEqual([13, 7]);
    expect(results.groups.map((g) => g.questions[0]!.mean)).toEqual([null, null]);
  });

  it('shows a mean only where every count it is made of is shown', () => {
    const agree = [{ id: 'q', kind: 'agree5', text } as const];
    const counts = { 4: 6, 5: 6 };
    const row = (id: string, c: Record<string, number>) => ({
      ...agg(id, 20, 12, c),
      questions: [{ questionId: 'q', counts: c, sum: Object.entries(c).reduce((a, [k, v]) => a + Number(k) * v, 0), answered: 12 }],
    });
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

  it('gives up nothing more when the threshold rule itself tells the respondent counts', () => {
    // Two groups of 2 and 3 invited, all answered: both are below k, the total of 5 is shown, so
    // anyone can tell both groups are full. No suppression can hide that; their answers stay hidden.
    const poll = { questions: [choice('q', 2)], groups: [agg('a', 2, 2, { o0: 1, o1: 1 }), agg('b', 3, 3, { o0: 2, o1: 1 })] };
    const results = buildResults(poll);
    expect(results.groups.map((g) => g.responded)).toEqual([H('too_few'), H('too_few')]);
    expect(results.total.responded).toBe(5);
    expect(results.groups.flatMap((g) => g.questions[0]!.options.map((o) => isHidden(o.count)))).toEqual([true, true, true, true]);
    const b = countSystem(poll, results);
    expect(names(b, exactPins(b.sys, b.hidden))).toEqual(['r0', 'r1', 'a0.q', 'a1.q']);
    const blind = countSystem(poll, results, true);
    expect(names(blind, exactPins(blind.sys, blind.hidden))).toEqual(['R', 'r0', 'r1', 'a0.q', 'a1.q', 'A.q']);
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
    expect(
      names(
        b,
        linearPins(b.sys, unknown).filter((v) => b.hidden.includes(v)),
      ),
    ).toEqual(['x0.q.o1', 'x1.q.o1']);
  });

  it('finds nothing to recover in 500 random polls, and does in their primary-only versions', () => {
    let fired = 0;
    let hiddenCells = 0;
    let inherent = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const poll = randomPoll(seed);
      const results = buildResults(poll);
      const b = countSystem(poll, results);
      hiddenCells += b.hidden.length;
      // What the threshold rule itself gives away (pinned with every number hidden) cannot be hidden.
      let pins = names(b, exactPins(b.sys, b.hidden));
      if (pins.length > 0) {
        const blind = countSystem(poll, results, true);
        const given = names(blind, exactPins(blind.sys, blind.hidden));
        pins = pins.filter((name) => !given.includes(name));
        inherent++;
      }
      if (pins.length && process.env.DEBUG_SEED) {
        console.log(JSON.stringify(poll.groups.map((g) => [g.invited, g.responded, g.questions.map((q) => [q.answered, q.counts])])));
        console.log(b.sys.names.map((n, i) => `${n}=${b.sys.truth[i]}[${b.sys.lo[i]},${b.sys.hi[i]}]`).join(' '));
      }
      expect({ seed, pinned: pins }).toEqual({ seed, pinned: [] });
      // The hidden groups hold at least k people between them whenever the total is shown.
      const held = results.groups.reduce((a, g, i) => a + (isHidden(g.responded) ? poll.groups[i]!.responded : 0), 0);
      // (A group nobody was invited to is empty for all to see and does not count.)
      const open = results.groups.some((g, i) => isHidden(g.responded) && poll.groups[i]!.invited > 0);
      if (!isHidden(results.total.responded) && open) expect({ seed, held }).toEqual({ seed, held: expect.toSatisfy((n: number) => n >= 5) });
      if (seed % 3 !== 0) continue; // a third of them is plenty to show the attacker can fire
      const naive = countSystem(poll, primaryOnly(poll, 5));
      if (exactPins(naive.sys, naive.hidden).length > 0) fired++;
    }
    expect(hiddenCells).toBeGreaterThan(8_000);
    expect(fired).toBeGreaterThan(50);
    expect(inherent).toBeLessThan(10); // rare: small groups where every invited answered
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
