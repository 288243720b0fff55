// Small-cell suppression for poll results (BRIEF "Anonymous pulse polls"). Pure and exact.
//
// A results table is a flow network: every published count is the flow on one edge and every
// "parts add up to a whole" rule is conservation at a node (a group's respondents split into
// those who answered and those who did not; answers split into options; options add up across
// groups to the total). What an attacker can do with the shown numbers is then exactly what a
// flow can do: a hidden count can take another value, keeping every shown number and every sum,
// if and only if there is a cycle through its edge in the residual graph of the hidden edges
// (forward while below its cap, backward while above 0). A hidden count with no such cycle is
// pinned, i.e. recoverable by subtraction, and secondary suppression hides the cheapest set of
// further cells that closes a cycle through it. Hiding more never pins anything, so the loop ends.
export type HiddenReason = 'too_few' | 'protects_other';

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
 * One published number. `cell`: protected here; `given`: published, but whether it is hidden is
 * decided elsewhere (a group's respondents) so it is neither checked nor hidden here; `slack`:
 * never published (those who did not answer), so free to take any value within its bounds.
 */
export interface FlowEdge {
  from: number;
  to: number;
  value: number;
  cap: number;
  role: 'cell' | 'given' | 'slack';
  hidden: HiddenReason | null;
}

type Arc = { to: number; edge: number; cost: number };

/** Residual arcs of the edges that may change; `price` gives shown cells a cost, or undefined to leave them out. */
function residual(nodes: number, edges: readonly FlowEdge[], price: (e: FlowEdge) => number | undefined): Arc[][] {
  const adj: Arc[][] = Array.from({ length: nodes }, () => []);
  edges.forEach((e, edge) => {
    const cost = e.role === 'slack' || e.hidden !== null ? 0 : price(e);
    if (cost === undefined) return;
    if (e.value < e.cap) adj[e.from]!.push({ to: e.to, edge, cost });
    if (e.value > 0) adj[e.to]!.push({ to: e.from, edge, cost });
  });
  return adj;
}

/** Cheapest path (Dijkstra, ties to the lower node) avoiding one edge; the edges on it, or undefined. */
function cheapestPath(adj: Arc[][], from: number, to: number, without: number): { cost: number; edges: number[] } | undefined {
  const dist = adj.map(() => Infinity);
  const via: Array<Arc & { prev: number } | undefined> = adj.map(() => undefined);
  const done = adj.map(() => false);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    dist.forEach((d, i) => {
      if (!done[i] && d < Infinity && (u < 0 || d < dist[u]!)) u = i;
    });
    if (u < 0) return undefined;
    if (u === to) break;
    done[u] = true;
    for (const arc of adj[u]!) {
      if (arc.edge === without || done[arc.to]) continue;
      const d = dist[u]! + arc.cost;
      if (d < dist[arc.to]!) {
        dist[arc.to] = d;
        via[arc.to] = { ...arc, prev: u };
      }
    }
  }
  const edges: number[] = [];
  for (let node = to; node !== from; node = via[node]!.prev) edges.push(via[node]!.edge);
  return { cost: dist[to]!, edges };
}

/** The cheapest way to let edge `i` change: increase it (a path back from its head) or decrease it. */
function release(adj: Arc[][], edges: readonly FlowEdge[], i: number) {
  const e = edges[i]!;
  const up = e.value < e.cap ? cheapestPath(adj, e.to, e.from, i) : undefined;
  const down = e.value > 0 ? cheapestPath(adj, e.from, e.to, i) : undefined;
  if (up && down) return down.cost < up.cost ? down : up;
  return up ?? down;
}

/** The hidden cells that no shown number leaves room for: each is recoverable by subtraction. */
export function pinnedEdges(nodes: number, edges: readonly FlowEdge[]): number[] {
  const adj = residual(nodes, edges, () => undefined);
  return edges.flatMap((e, i) => (e.role === 'cell' && e.hidden !== null && !release(adj, edges, i) ? [i] : []));
}

/**
 * Secondary suppression: while a hidden cell is pinned, hide the shown cells on the cheapest cycle
 * through it (cost: the cell's value + 1, so small cells and few cells go first). Deterministic:
 * cells are taken in edge order and ties go to the lower node. Mutates `edges`.
 */
export function protectEdges(nodes: number, edges: FlowEdge[], cost: (e: FlowEdge) => number = (e) => e.value + 1): void {
  const price = (e: FlowEdge) => (e.role === 'cell' ? cost(e) : undefined);
  let queue = edges.flatMap((e, i) => (e.role === 'cell' && e.hidden !== null ? [i] : []));
  while (queue.length > 0) {
    const i = queue.shift()!;
    if (release(residual(nodes, edges, () => undefined), edges, i)) continue;
    const path = release(residual(nodes, edges, price), edges, i);
    if (!path) {
      // Fixed by the structure alone (a group nobody was invited to has 0 respondents): public
      // knowledge, nothing to protect. Anything else means the table was built wrong.
      if (!release(residual(nodes, edges, () => 0), edges, i)) continue;
      throw new Error(`suppression: cell ${i} cannot be protected by hiding more cells`);
    }
    const added = path.edges.filter((j) => edges[j]!.hidden === null && edges[j]!.role === 'cell');
    for (const j of added) edges[j]!.hidden = 'protects_other';
    queue = [...new Set([...queue, ...added])].sort((a, b) => a - b);
  }
}

/**
 * The hidden parts of a shown whole are recoverable together (total minus shown parts), so they
 * must hold at least `k` people between them: otherwise the one or two people in the hidden rows
 * are described by the residual. Hides the smallest shown rows (lowest index on ties) until they
 * do. Mutates `hidden`; `sizes` are the rows' people counts.
 */
export function protectRemainder(sizes: readonly number[], hidden: Array<HiddenReason | null>, k: number): void {
  for (;;) {
    const held = sizes.reduce((sum, size, i) => sum + (hidden[i] ? size : 0), 0);
    if (!hidden.some(Boolean) || held >= k) return;
    let pick = -1;
    sizes.forEach((size, i) => {
      if (!hidden[i] && (pick < 0 || size < sizes[pick]!)) pick = i;
    });
    if (pick < 0) return;
    hidden[pick] = 'protects_other';
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

const small = (n: number, k: number): HiddenReason | null => (n < k ? 'too_few' : null);

/**
 * The respondents per group and in total. A group with fewer than k respondents is hidden whole,
 * zero included; hidden groups must hold k people between them and none may be recoverable
 * (the network knows each group's invited count, which the attacker knows too).
 */
export function protectRespondents(rows: ReadonlyArray<{ respondents: number; invited: number }>, k: number) {
  const total = rows.reduce((sum, r) => sum + r.respondents, 0);
  const totalHidden = small(total, k);
  const hidden = rows.map((r) => totalHidden ?? small(r.respondents, k));
  if (!totalHidden) protectRemainder(rows.map((r) => r.respondents), hidden, k);
  // The total is a cell here: if every hidden group had all its invited respond, only hiding the
  // total keeps their counts from being read off the invited counts.
  const edges: FlowEdge[] = [
    { from: 1, to: 0, value: total, cap: Infinity, role: 'cell', hidden: totalHidden },
    ...rows.map((r, i): FlowEdge => ({ from: 0, to: 1, value: r.respondents, cap: r.invited, role: 'cell', hidden: hidden[i] ?? null })),
  ];
  protectEdges(2, edges);
  return { groups: edges.slice(1).map((e) => e.hidden), total: edges[0]!.hidden };
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
  const totalAnswered = totalHidden ?? small(answered, k);
  const rowHidden = rows.map((r) => r.hidden ?? totalAnswered ?? small(r.answered, k));
  if (!totalAnswered) protectRemainder(rows.map((r) => r.answered), rowHidden, k);

  // Nodes: 0 source, 1 sink, 2 the total's options meet, 3+g group g, 3+G+g its answers, 3+2G+o option o.
  const [S, T, U] = [0, 1, 2];
  const group = (g: number) => 3 + g;
  const answers = (g: number) => (O === 0 ? U : 3 + G + g);
  const option = (o: number) => 3 + 2 * G + o;
  const edges: FlowEdge[] = [];
  const add = (from: number, to: number, value: number, role: FlowEdge['role'], hidden: HiddenReason | null, cap = Infinity) =>
    edges.push({ from, to, value, cap, role, hidden }) - 1;

  add(T, S, rows.reduce((sum, r) => sum + r.respondents, 0), 'given', totalHidden);
  const rowEdges = rows.map((r, g) => {
    add(S, group(g), r.respondents, 'given', r.hidden, r.invited);
    add(group(g), T, r.respondents - r.answered, 'slack', null);
    const a = add(group(g), answers(g), r.answered, 'cell', rowHidden[g] ?? null);
    const cells = r.counts.map((x, o) => add(answers(g), option(o), x, 'cell', rowHidden[g] ?? small(x, k)));
    return { a, cells };
  });
  const totalCells = totals.map((x, o) => add(option(o), U, x, 'cell', totalAnswered ?? small(x, k)));
  const total = add(U, T, answered, 'cell', totalAnswered);
  protectEdges(3 + 2 * G + O, edges);

  const state = (i: number) => edges[i]!.hidden;
  return {
    answered: rowEdges.map((r) => state(r.a)),
    counts: rowEdges.map((r) => r.cells.map(state)),
    totalAnswered: state(total),
    totalCounts: totalCells.map(state),
  };
}

/**
 * Free-text answers are shown where a cell has at least `threshold` of them. The total's list
 * minus the shown groups' lists gives the hidden groups' texts as one pool, so that pool must hold
 * `threshold` texts too; texts are pooled, never tied to a hidden group. `rows[i].hidden` is set
 * when the row's count of answers is hidden.
 */
export function protectTexts(rows: ReadonlyArray<{ count: number; hidden: HiddenReason | null }>, total: { count: number; hidden: HiddenReason | null }, threshold: number) {
  const totalHidden = total.hidden ?? small(total.count, threshold);
  const hidden = rows.map((r) => r.hidden ?? small(r.count, threshold));
  if (!totalHidden) protectRemainder(rows.map((r) => r.count), hidden, threshold);
  return { groups: hidden, total: totalHidden };
}
