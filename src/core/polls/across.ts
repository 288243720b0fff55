// No subtraction across polls (issue 14, item 2). Suppression inside one poll (suppression.ts)
// cannot see that HR sent WHO-5 to a group and, at the same time, to the group minus one person:
// 7 × 60.0 − 6 × 68.0 is that person's index. A "cell" here is the set of people behind one
// column of results: a poll's group, or its total. Pure; the store gives only overlap sizes
// (PollRegions), never who.
//
// The rule. Released (closed) polls of one workspace, whoever sent them, are taken in the order
// they were released (closing time, then id); each poll's cells are decided against the cells the
// polls before it show, and the decision never changes afterwards:
//  1. Pairs. A cell of k or more respondents (smaller ones are hidden anyway) is hidden when a
//     shown cell of an earlier overlapping poll has a respondent set that differs from it by 1..k-1
//     people (symmetric difference). Equal sets, or sets k or more apart, are fine.
//  2. Sums of several. Pairs miss A − B − C (A = B ∪ C plus one person, B and C from two earlier
//     polls). The poll's cells and the earlier shown cells span a space of "sums over people"; the
//     poll's cells are hidden, smallest first, until no group of fewer than k people that the cells
//     tell apart (an atom of their Venn diagram) has its sum in that space. Exact for pinning one
//     person: a person's value follows from shown sums only if they are an atom of the cells and
//     that atom's indicator lies in the span.
// Why ordered, not symmetric ("hide both"): what HR has read cannot be unread, so hiding the older
// poll later protects nothing, and an attacker who saved it would combine it with whatever the
// symmetric rule still shows of the newer one. Ordered, nothing shown is ever withdrawn, what was
// shown only grows, and each newcomer is checked against all of it: of any close pair, the later
// poll is the one hidden. Two polls closing at the same moment are ordered by id. For earlier polls
// the check assumes every cell of k or more that this rule let through is shown (suppression
// inside the poll may show less), so it errs towards hiding.
//
// Known limits, stated in the README: the sets are "who answered the poll"; a person who skipped a
// question makes that question's set smaller by one, which the store cannot see (answers are not
// linked to people). Bounds are not used: with counts of 0/1 per person, a difference of several
// people can still pin them when it sits at an extreme (all chose the option), as "everyone chose
// Y" does inside one poll.
import type { RespondentRegion } from './model.ts';

export interface ReleasedPoll {
  id: string;
  threshold: number;
  /** When its results were released; ties are broken by id. */
  closesAt: Date;
}

export interface AcrossInput {
  /** The poll whose results are being shown. */
  poll: string;
  /** Every released poll of the workspace (the poll itself included). */
  polls: readonly ReleasedPoll[];
  /** Whether two polls ask the same or overlapping questions (overlap.ts); only those are compared. */
  overlaps: (a: string, b: string) => boolean;
  regions: readonly RespondentRegion[];
}

/** What rule 1 or 2 hides of the poll: group ids (null: the "others" group) and whether the total. */
export interface AcrossMask {
  groups: Array<string | null>;
  total: boolean;
}

interface Cell {
  poll: string;
  /** undefined: the poll's total. */
  group: string | null | undefined;
  /** Per region: whether its people are in this cell. */
  members: boolean[];
  size: number;
}

function cellsOf(poll: ReleasedPoll, regions: readonly RespondentRegion[]): Cell[] {
  const groups = [...new Set(regions.flatMap((r) => r.cells.filter((c) => c.pollId === poll.id).map((c) => c.groupId)))];
  const cell = (group: string | null | undefined): Cell => {
    const members = regions.map((r) => r.cells.some((c) => c.pollId === poll.id && (group === undefined || c.groupId === group)));
    return { poll: poll.id, group, members, size: regions.reduce((sum, r, i) => sum + (members[i] ? r.n : 0), 0) };
  };
  return [...groups.map(cell), cell(undefined)];
}

const difference = (a: Cell, b: Cell, regions: readonly RespondentRegion[]) => regions.reduce((sum, r, i) => sum + (a.members[i] !== b.members[i] ? r.n : 0), 0);

/** The release order: closing time, then id. */
export function releaseOrder(a: ReleasedPoll, b: ReleasedPoll): number {
  return a.closesAt.getTime() - b.closesAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The cells one poll may show, given the cells shown by the polls released before it. */
function decide(poll: ReleasedPoll, earlier: ReadonlyArray<{ poll: ReleasedPoll; cells: Cell[] }>, input: AcrossInput): { own: Cell[]; shown: Cell[] } {
  const { regions } = input;
  // Cells below the threshold are hidden by the poll's own suppression; only these may be shown.
  const own = cellsOf(poll, regions).filter((c) => c.size >= poll.threshold);
  const before = earlier.filter((e) => input.overlaps(poll.id, e.poll.id));
  let shown = own.filter((cell) =>
    before.every((e) => {
      const k = Math.max(poll.threshold, e.poll.threshold);
      return e.cells.every((c) => {
        const d = difference(cell, c, regions);
        return d === 0 || d >= k;
      });
    }),
  );
  const others = before.flatMap((e) => e.cells);
  const k = Math.max(poll.threshold, ...before.map((e) => e.poll.threshold));
  // Rule 2: drop the poll's cells, smallest first (the total last), until nothing small is pinned.
  const order = (cells: Cell[]) => [...cells].sort((a, b) => Number(a.group === undefined) - Number(b.group === undefined) || a.size - b.size);
  while (shown.length > 0 && pinsSmall(shown, others, regions, k)) {
    const sorted = order(shown);
    const drop =
      sorted.find(
        (c) =>
          !pinsSmall(
            shown.filter((s) => s !== c),
            others,
            regions,
            k,
          ),
      ) ?? sorted[0]!;
    shown = shown.filter((s) => s !== drop);
  }
  return { own, shown };
}

export function acrossPolls(input: AcrossInput): AcrossMask {
  const earlier: Array<{ poll: ReleasedPoll; cells: Cell[] }> = [];
  for (const poll of [...input.polls].sort(releaseOrder)) {
    const { own, shown } = decide(poll, earlier, input);
    if (poll.id === input.poll) {
      const hidden = own.filter((c) => !shown.includes(c));
      return { groups: hidden.filter((c) => c.group !== undefined).map((c) => c.group as string | null), total: hidden.some((c) => c.group === undefined) };
    }
    earlier.push({ poll, cells: shown });
  }
  throw new Error('acrossPolls: the poll is not among the released polls');
}

/**
 * Whether the span of the cells' indicator vectors holds the indicator of an atom of 1..k-1 people
 * in a part of the overlap that touches one of `mine` (a leak elsewhere is the other polls' to fix).
 */
function pinsSmall(mine: readonly Cell[], others: readonly Cell[], regions: readonly RespondentRegion[], k: number): boolean {
  const cells = [...mine, ...others];
  // Atoms: regions the cells cannot tell apart are one.
  const atoms = new Map<string, { size: number; in: number[] }>();
  regions.forEach((r, i) => {
    const inCells = cells.flatMap((c, j) => (c.members[i] ? [j] : []));
    if (inCells.length === 0) return;
    const key = inCells.join(',');
    const atom = atoms.get(key) ?? { size: 0, in: inCells };
    atom.size += r.n;
    atoms.set(key, atom);
  });
  const list = [...atoms.values()];
  // Parts of the overlap: cells joined by a shared atom.
  const root = cells.map((_, j) => j);
  const find = (j: number): number => {
    if (root[j] === j) return j;
    // Path compression: every node on the way points at the root afterwards.
    const top = find(root[j]!);
    root[j] = top;
    return top;
  };
  for (const atom of list) for (const j of atom.in.slice(1)) root[find(j)] = find(atom.in[0]!);
  const touched = new Set(mine.map((_, j) => find(j)));
  const small = list.filter((a) => a.size < k && touched.has(find(a.in[0]!)));
  if (small.length === 0) return false;
  const basis = new Span(list.length);
  for (let j = 0; j < cells.length; j++) basis.add(list.map((a) => (a.in.includes(j) ? 1n : 0n)));
  return small.some((a) => basis.contains(list.map((b) => (b === a ? 1n : 0n))));
}

/** Exact row space over the rationals, kept as integer rows (fraction-free elimination). */
class Span {
  private readonly rows: Array<{ pivot: number; row: bigint[] }> = [];
  constructor(private readonly width: number) {}

  private reduce(vector: bigint[]): bigint[] {
    let v = vector;
    for (const { pivot, row } of this.rows) {
      const a = v[pivot]!;
      if (a === 0n) continue;
      const b = row[pivot]!;
      v = v.map((x, i) => x * b - row[i]! * a);
      const g = v.reduce((acc, x) => gcd(acc, x < 0n ? -x : x), 0n);
      if (g > 1n) v = v.map((x) => x / g);
    }
    return v;
  }

  add(vector: bigint[]): void {
    const v = this.reduce(vector);
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, row: v });
  }

  contains(vector: bigint[]): boolean {
    if (vector.length !== this.width) throw new Error('Span: vector of the wrong width');
    return this.reduce(vector).every((x) => x === 0n);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}
