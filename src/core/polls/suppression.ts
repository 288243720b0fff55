// Small-cell suppression for poll results (BRIEF "Anonymous pulse polls"). Pure and exact.
// Each rule below names what it protects; the exact "can a hidden count be worked out?" test is
// the flow network of network.ts. The rules, in order: a cell (any count, zero included) below
// k is hidden; the hidden parts of a shown whole must hold k people between them; and no hidden
// count may be recoverable from the shown ones by any sums — hide more until none is.
import { protectEdges, type FlowEdge } from './network.ts';

/** `across_polls`: another released poll's respondents differ too little (across.ts). */
export type HiddenReason = 'too_few' | 'protects_other' | 'across_polls';

/** A number the results do not show, why, and the threshold that applied (k, or the text threshold). */
export interface Hidden {
  hidden: true;
  reason: HiddenReason;
  threshold: number;
}

export type Shown<T> = T | Hidden;

export function isHidden(value: unknown): value is Hidden {
  return typeof value === 'object' && value !== null && (value as { hidden?: unknown }).hidden === true;
}

export function hide(reason: HiddenReason, threshold: number): Hidden {
  return { hidden: true, reason, threshold };
}

/**
 * Why a hidden number is hidden — and what the reason tells a reader, which network.ts counts as
 * known. A whole (a group's respondents or answers, or the total's) says whether it is itself
 * below k: "fewer than 5" is then true of it, and "to protect" means it is at least k. A part (a
 * count per option) takes the reason of its whole: "fewer than 5" when the whole row is small,
 * else "to protect the answers" — for a zero as much as for a 7, so the reason on a single count
 * says nothing about its size. (Were each count labelled by its own size, a row of 5, 5 and 0
 * with 10 answers shown would read: both at least 5, so both 5, and the 0 follows.)
 */
export function reasonOf(value: number, threshold: number): HiddenReason {
  return value < threshold ? 'too_few' : 'protects_other';
}

/**
 * The hidden parts of a shown whole are recoverable together (total minus shown parts), so they
 * must hold at least `k` people between them: otherwise the one or two people in the hidden rows
 * are described by the remainder. Hides the smallest usable shown rows (lowest index on ties)
 * until they do; false if it cannot, and then the whole must be hidden. Mutates `hidden`.
 */
export function protectRemainder(sizes: readonly number[], hidden: boolean[], k: number, usable: (i: number) => boolean = () => true): boolean {
  for (;;) {
    const held = sizes.reduce((sum, size, i) => sum + (hidden[i] ? size : 0), 0);
    if (!hidden.some(Boolean) || held >= k) return true;
    let pick = -1;
    sizes.forEach((size, i) => {
      if (!hidden[i] && usable(i) && (pick < 0 || size < sizes[pick]!)) pick = i;
    });
    if (pick < 0) return false;
    hidden[pick] = true;
  }
}

// — Tables —

/** One group's row of one question: who responded, who answered, and the count per option. */
export interface CountRow {
  /** Set when the whole group is hidden (see protectRespondents); its row is hidden with it. */
  hidden: HiddenReason | null;
  respondents: number;
  invited: number;
  answered: number;
  counts: number[];
}

export interface CountMask {
  answered: Array<HiddenReason | null>;
  counts: Array<Array<HiddenReason | null>>;
  totalAnswered: HiddenReason | null;
  totalCounts: Array<HiddenReason | null>;
}

/** A whole, with the bounds its reason tells once hidden: 0..k-1 below k, k..cap otherwise. */
function whole(from: number, to: number, value: number, role: FlowEdge['role'], hidden: boolean, k: number, cap = Infinity): FlowEdge {
  const [floor, most] = value < k ? [0, Math.min(cap, k - 1)] : [k, cap];
  return { from, to, value, floor, cap: most, role, hidden };
}

/** A part, or a number never shown: its reason tells nothing beyond its whole's. */
function part(from: number, to: number, value: number, role: FlowEdge['role'], hidden: boolean): FlowEdge {
  return { from, to, value, floor: 0, cap: Infinity, role, hidden };
}

/** Hiding this whole would pin it by its own reason: at least k, and at most k (everyone invited answered). */
const selfPinned = (value: number, cap: number, k: number) => value === k && cap === k;

/**
 * The respondents per group and in total. A group with fewer than k respondents is hidden whole,
 * zero included; hidden groups must hold k people between them and none may be recoverable
 * (the network knows each group's invited count, which the attacker knows too).
 */
export function protectRespondents(rows: ReadonlyArray<{ respondents: number; invited: number; forced?: boolean }>, k: number, totalForced = false) {
  const total = rows.reduce((sum, r) => sum + r.respondents, 0);
  let totalHidden = total < k || totalForced;
  // `forced`: hidden by the cross-poll rule (across.ts); then protected here like any hidden group.
  const hidden = rows.map((r) => totalHidden || r.respondents < k || r.forced === true);
  // A group nobody was invited to is empty for all to see: hiding it protects nobody.
  const open = hidden.map((h, i) => h && rows[i]!.invited > 0);
  if (!totalHidden)
    totalHidden = !protectRemainder(
      rows.map((r) => r.respondents),
      open,
      k,
      (i) => !selfPinned(rows[i]!.respondents, rows[i]!.invited, k),
    );
  open.forEach((h, i) => {
    hidden[i] ||= h;
  });
  // The total is a cell here: if every hidden group had all its invited respond, only hiding the
  // total keeps their counts from being read off the invited counts.
  const edges = [whole(1, 0, total, 'cell', totalHidden, k), ...rows.map((r, i) => whole(0, 1, r.respondents, 'cell', hidden[i]!, k, r.invited))];
  protectEdges(2, edges);
  const reason = (e: FlowEdge) => (e.hidden ? reasonOf(e.value, k) : null);
  return { groups: edges.slice(1).map(reason), total: reason(edges[0]!) };
}

/**
 * One question's table: rows are groups, columns are options (none for free text), and the
 * total row is the column sums. Primary: any count below k, zero included — hiding "nobody chose
 * X" is what keeps "everyone chose Y" from showing. Then the hidden rows must hold k answers
 * between them, then no hidden count may be recoverable.
 */
export function protectCounts(rows: readonly CountRow[], totalHidden: HiddenReason | null, k: number): CountMask {
  const G = rows.length;
  const O = rows[0]?.counts.length ?? 0;
  const totals = Array.from({ length: O }, (_, o) => rows.reduce((sum, r) => sum + (r.counts[o] ?? 0), 0));
  const answered = rows.reduce((sum, r) => sum + r.answered, 0);
  let totalAnswered = totalHidden !== null || answered < k;
  const rowHidden = rows.map((r) => r.hidden !== null || r.answered < k);
  // A row whose answers are all its respondents (shown, exactly k) would be pinned by its reason.
  const usable = (g: number) => rows[g]!.hidden !== null || !selfPinned(rows[g]!.answered, rows[g]!.respondents, k);
  const open = rowHidden.map((h, g) => h && rows[g]!.invited > 0);
  if (!totalAnswered)
    totalAnswered = !protectRemainder(
      rows.map((r) => r.answered),
      open,
      k,
      usable,
    );
  open.forEach((h, g) => {
    rowHidden[g] ||= h;
  });

  // Nodes: 0 source, 1 sink, 2 the total's options meet, 3+g group g, 3+G+g its answers, 3+2G+o option o.
  const [S, T, U] = [0, 1, 2];
  const group = (g: number) => 3 + g;
  const answers = (g: number) => (O === 0 ? U : 3 + G + g);
  const option = (o: number) => 3 + 2 * G + o;
  const edges: FlowEdge[] = [];
  const add = (e: FlowEdge) => edges.push(e) - 1;

  add(
    whole(
      T,
      S,
      rows.reduce((sum, r) => sum + r.respondents, 0),
      'given',
      totalHidden !== null,
      k,
    ),
  );
  const rowEdges = rows.map((r, g) => {
    add(whole(S, group(g), r.respondents, 'given', r.hidden !== null, k, r.invited));
    add(part(group(g), T, r.respondents - r.answered, 'slack', true));
    const a = add(whole(group(g), answers(g), r.answered, 'cell', rowHidden[g]!, k));
    const cells = r.counts.map((x, o) => add(part(answers(g), option(o), x, 'cell', rowHidden[g]! || x < k)));
    return { a, cells };
  });
  const totalCells = totals.map((x, o) => add(part(option(o), U, x, 'cell', totalAnswered || x < k)));
  const total = add(whole(U, T, answered, 'cell', totalAnswered, k));
  protectEdges(3 + 2 * G + O, edges);

  const own = (i: number) => (edges[i]!.hidden ? reasonOf(edges[i]!.value, k) : null);
  const of = (i: number, wholeEdge: number) => (edges[i]!.hidden ? reasonOf(edges[wholeEdge]!.value, k) : null);
  return {
    answered: rowEdges.map((r) => own(r.a)),
    counts: rowEdges.map((r) => r.cells.map((c) => of(c, r.a))),
    totalAnswered: own(total),
    totalCounts: totalCells.map((c) => of(c, total)),
  };
}

/**
 * Free-text answers are shown where a cell has at least `threshold` of them. The total's list
 * minus the shown groups' lists gives the hidden groups' texts as one pool, so that pool must hold
 * `threshold` texts too; texts are pooled, never tied to a hidden group. `rows[i].hidden` is the
 * reason the row's count of answers is hidden, if it is; the texts then take that reason, which
 * tells no more than the count's own.
 */
export function protectTexts(rows: ReadonlyArray<{ count: number; hidden: HiddenReason | null }>, total: { count: number; hidden: HiddenReason | null }, threshold: number) {
  const small = (r: { count: number; hidden: HiddenReason | null }) => r.hidden !== null || r.count < threshold;
  let totalHidden = small(total);
  const hidden = rows.map(small);
  if (!totalHidden)
    totalHidden = !protectRemainder(
      rows.map((r) => r.count),
      hidden,
      threshold,
    );
  const reason = (r: { count: number; hidden: HiddenReason | null }, isHidden: boolean) => (isHidden ? (r.hidden ?? reasonOf(r.count, threshold)) : null);
  return { groups: rows.map((r, i) => reason(r, hidden[i]!)), total: reason(total, totalHidden) };
}
