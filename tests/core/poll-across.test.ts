// No subtraction across polls (issue 14, item 2): hand examples of the rule (src/core/polls/across.ts),
// then the attacker of poll-attacker.ts on seeded random workspaces: random audiences split into
// random groups, and random sequences of polls built the way a curious HR would build them (a
// previous audience minus one, plus one, one swapped, two groups joined plus one). The attacker
// knows every respondent set exactly and every figure any poll ever showed (each shown cell gives
// the sum of its people's values) and solves for single people by linear algebra. With the rule
// nobody is pinned; with it switched off the same worlds give people away.
import { describe, expect, it } from 'vitest';
import { acrossPolls, type ReleasedPoll } from '../../src/core/polls/across.ts';
import type { RespondentRegion } from '../../src/core/polls/model.ts';
import { buildResults, type GroupAggregate } from '../../src/core/polls/results.ts';
import { isHidden, protectRespondents } from '../../src/core/polls/suppression.ts';
import { linearPins, prng, SystemBuilder } from './poll-attacker.ts';

const K = 5;

/** A poll as the test knows it: who answered, and in which group. */
interface World {
  polls: Array<{ id: string; groups: number[][] }>;
}

/** Overlap sizes as the store computes them: per pattern of (poll, group) cells, how many people. */
function regionsOf(world: World): RespondentRegion[] {
  const pattern = new Map<number, string[]>();
  for (const poll of world.polls) {
    for (const [g, people] of poll.groups.entries()) for (const p of people) pattern.set(p, [...(pattern.get(p) ?? []), `${poll.id}:g${g}`]);
  }
  const counts = new Map<string, number>();
  for (const cells of pattern.values()) counts.set(cells.sort().join('|'), (counts.get(cells.sort().join('|')) ?? 0) + 1);
  return [...counts].map(([key, n]) => ({ n, cells: key.split('|').map((c) => ({ pollId: c.split(':')[0]!, groupId: c.split(':')[1]! })) }));
}

const released = (world: World): ReleasedPoll[] => world.polls.map((p, i) => ({ id: p.id, threshold: K, closesAt: new Date(Date.UTC(2026, 0, 1 + i)) }));

function maskOf(world: World, index: number) {
  return acrossPolls({ poll: world.polls[index]!.id, polls: released(world), overlaps: () => true, regions: regionsOf(world) });
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('the cross-poll rule by hand', () => {
  it('hides the decoy: a group and the same group minus one person, sent at the same time', () => {
    // HR's attack: target group of 7, decoy of the same people but person 6. 7 × 60.0 − 6 × 68.0.
    const world = {
      polls: [
        { id: 'a', groups: [range(0, 7)] },
        { id: 'b', groups: [range(0, 6)] },
      ],
    };
    expect(maskOf(world, 0)).toEqual({ groups: [], total: false });
    expect(maskOf(world, 1)).toEqual({ groups: ['g0'], total: true });
  });

  it("hides a group cell one person away from another poll's total, and what would give it back", () => {
    // b's g0 is a's 6 plus one more (rule 1). b's total (12) is 6 away from a's, fine as a pair,
    // but total − g1 is g0 again: rule 2 hides g1 (the smaller), so the total can stay.
    const world = {
      polls: [
        { id: 'a', groups: [range(0, 6)] },
        { id: 'b', groups: [range(0, 7), range(7, 12)] },
      ],
    };
    expect(maskOf(world, 1)).toEqual({ groups: ['g0', 'g1'], total: false });
  });

  it('hides A when A − B − C pins one person, although every pair is 7 apart', () => {
    const world = {
      polls: [
        { id: 'b', groups: [range(0, 6)] },
        { id: 'c', groups: [range(6, 12)] },
        { id: 'a', groups: [range(0, 13)] },
      ],
    };
    expect(maskOf(world, 2)).toEqual({ groups: ['g0'], total: true });
  });

  it('shows polls whose respondents are equal or at least the threshold apart', () => {
    // A second wave to the same 20: 17 of them answered again, 3 did not and 3 new people did (6 apart).
    const world = {
      polls: [
        { id: 'w1', groups: [range(0, 10), range(10, 20)] },
        { id: 'w2', groups: [range(0, 10), [...range(13, 20), 20, 21, 22]] },
      ],
    };
    expect(maskOf(world, 1)).toEqual({ groups: [], total: false });
  });

  it('never withdraws what an earlier poll showed: the later one of a close pair is hidden', () => {
    const world = {
      polls: [
        { id: 'a', groups: [range(0, 6)] },
        { id: 'b', groups: [range(0, 8)] },
        { id: 'c', groups: [range(0, 20)] },
      ],
    };
    expect(maskOf(world, 0)).toEqual({ groups: [], total: false });
    expect(maskOf(world, 1)).toEqual({ groups: ['g0'], total: true });
    expect(maskOf(world, 2)).toEqual({ groups: [], total: false });
  });

  it('hides the figures of a cell hidden across polls, with that reason, and protects it inside the poll', () => {
    const score = (n: number, mean: number) => ({ n, sum: n * mean, flagged: 0 });
    const group = (id: string, n: number, mean: number): GroupAggregate => ({ groupId: id, name: id, invited: n + 2, responded: n, questions: [], score: score(n, mean) });
    const instrument = {
      id: 'who5',
      name: { da: '', en: '' },
      source: { da: '', en: '' },
      intro: { da: '', en: '' },
      scale: { min: 0, max: 5, labels: [] },
      items: [],
      scoring: 'who5' as const,
      meaningfulChange: 10,
    };
    const results = buildResults({ instrument, groups: [group('a', 7, 60), group('b', 8, 72), group('c', 9, 64)], across: { groups: ['a'], total: false } });
    const a = results.groups[0]!;
    expect(a.responded).toEqual({ hidden: true, reason: 'across_polls', threshold: K });
    expect(a.score!.mean).toEqual({ hidden: true, reason: 'across_polls', threshold: K });
    // With the total shown, a = total − b − c, so one more group is hidden inside the poll.
    expect(isHidden(results.total.responded)).toBe(false);
    expect(results.groups.filter((g) => isHidden(g.responded))).toHaveLength(2);
  });
});

/** A random workspace: people, and a sequence of polls, many of them built to subtract. */
function randomWorld(seed: number): World {
  const r = prng(seed);
  const N = 12 + r.int(14);
  const pick = <T>(list: readonly T[]) => list[r.int(list.length)]!;
  const polls: World['polls'] = [];
  const M = 2 + r.int(5);
  for (let i = 0; i < M; i++) {
    const earlier = polls.flatMap((p) => [...p.groups, p.groups.flat()]);
    const outside = (set: number[]) => range(0, N).filter((p) => !set.includes(p));
    let people: number[];
    const how = earlier.length === 0 ? 0 : r.int(6);
    if (how === 0) people = range(0, N).filter(() => r.next() < 0.3 + 0.6 * r.next());
    else if (how === 1) people = pick(earlier).filter((_, j, all) => j !== r.int(all.length));
    else if (how === 2) people = [...pick(earlier), ...outside(pick(earlier)).slice(0, 1 + r.int(2))];
    else if (how === 3) {
      const base = pick(earlier);
      people = [...base.filter((p) => p !== pick(base)), pick(outside(base).length ? outside(base) : base)];
    } else if (how === 4) {
      const [x, y] = [pick(earlier), pick(earlier)];
      people = [...x, ...y, ...outside([...x, ...y]).slice(0, 1)];
    } else people = pick(earlier).filter(() => r.next() < 0.85);
    people = [...new Set(people)].sort((a, b) => a - b);
    // One to three groups, sometimes the audience's own split, sometimes at random.
    const G = 1 + r.int(3);
    const groups: number[][] = Array.from({ length: G }, () => []);
    people.forEach((p, j) => {
      groups[r.next() < 0.5 ? Math.floor((j * G) / people.length) : r.int(G)]!.push(p);
    });
    polls.push({ id: `p${i}`, groups: groups.filter((g) => g.length > 0) });
  }
  return { polls };
}

/** What each poll shows of its respondents: the real suppression inside the poll, with or without the cross-poll rule. */
function shownCells(world: World, rule: boolean): number[][] {
  const cells: number[][] = [];
  world.polls.forEach((poll, i) => {
    const mask = rule ? maskOf(world, i) : { groups: [], total: false };
    const people = protectRespondents(
      poll.groups.map((g, j) => ({ respondents: g.length, invited: g.length + 1, forced: mask.groups.includes(`g${j}`) })),
      K,
      mask.total,
    );
    poll.groups.forEach((g, j) => {
      if (people.groups[j] === null) cells.push(g);
    });
    if (people.total === null) cells.push(poll.groups.flat());
  });
  return cells;
}

/** People whose value the shown sums give away: e_p in the span of the shown cells (poll-attacker.ts). */
function pinned(world: World, cells: number[][], seed: number): number[] {
  const r = prng(seed * 7919);
  const everyone = [...new Set(world.polls.flatMap((p) => p.groups.flat()))];
  const b = new SystemBuilder();
  const v = new Map(everyone.map((p) => [p, b.add(`person ${p}`, r.int(101), undefined, 100)]));
  for (const cell of cells)
    b.equation(
      cell.map((p) => [v.get(p)!, 1] as [number, number]),
      cell.reduce((s, p) => s + b.sys.truth[v.get(p)!]!, 0),
    );
  return linearPins(b.sys, [...v.values()]).map((x) => everyone[[...v.values()].indexOf(x)]!);
}

describe('the cross-poll attacker', () => {
  it("pins the decoy's missing person without the rule, and nobody with it", () => {
    const world = {
      polls: [
        { id: 'a', groups: [range(0, 7)] },
        { id: 'b', groups: [range(0, 6)] },
      ],
    };
    expect(pinned(world, shownCells(world, false), 1)).toEqual([6]);
    expect(pinned(world, shownCells(world, true), 1)).toEqual([]);
  });

  it('pins nobody in 400 random workspaces with the rule, and people in many without it', () => {
    let fired = 0;
    let hiddenAcross = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const world = randomWorld(seed);
      const withRule = shownCells(world, true);
      expect({ seed, pinned: pinned(world, withRule, seed) }).toEqual({ seed, pinned: [] });
      const without = shownCells(world, false);
      hiddenAcross += without.length - withRule.length;
      if (pinned(world, without, seed).length > 0) fired++;
    }
    expect(fired).toBeGreaterThan(100);
    expect(hiddenAcross).toBeGreaterThan(0);
  });
});
