// The exact test behind small-cell suppression (suppression.ts). A results table is a flow
// network: every published count is the flow on one edge and every "parts add up to a whole" rule
// is conservation at a node. What an attacker can do with the shown numbers is then exactly what a
// flow can do: a hidden count can take another whole value, keeping every shown number and every
// sum, if and only if its edge lies on a cycle of the residual graph of the hidden edges (forward
// while below its cap, backward while above its floor) — flow decomposition, and the matrix being
// totally unimodular, make this exact for whole numbers. A hidden count on no such cycle is pinned:
// recoverable by subtraction. Secondary suppression hides the cheapest shown cells that close a
// cycle through it; hiding more never pins anything, so the loop ends.
//
// Each edge carries the bounds a reader knows for it once hidden: the reason shown with a hidden
// whole tells whether it is below k (suppression.ts, reasonOf), so those bounds are part of what
// the attacker knows and part of the test.

/**
 * One published number. `cell`: protected here; `given`: published, but whether it is hidden is
 * decided elsewhere (a group's respondents), so it is neither checked nor hidden here; `slack`:
 * never published (those who did not answer), so free to take any value within its bounds.
 */
export interface FlowEdge {
  from: number;
  to: number;
  value: number;
  /** The least and the most the value can be, as far as anyone reading the results knows. */
  floor: number;
  cap: number;
  role: 'cell' | 'given' | 'slack';
  hidden: boolean;
}

type Arc = { to: number; edge: number; cost: number };

/** Residual arcs of the edges that may change; `price` gives the other edges a cost, or undefined to leave them out. */
function residual(nodes: number, edges: readonly FlowEdge[], price: (e: FlowEdge) => number | undefined): Arc[][] {
  const adj: Arc[][] = Array.from({ length: nodes }, () => []);
  edges.forEach((e, edge) => {
    const cost = e.role === 'slack' || e.hidden ? 0 : price(e);
    if (cost === undefined) return;
    if (e.value < e.cap) adj[e.from]!.push({ to: e.to, edge, cost });
    if (e.value > e.floor) adj[e.to]!.push({ to: e.from, edge, cost });
  });
  return adj;
}

/** Whether `to` can be reached from `from` without the edge `without` (breadth first). */
function reaches(adj: Arc[][], from: number, to: number, without: number): boolean {
  const seen = new Uint8Array(adj.length);
  const queue = [from];
  seen[from] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const arc of adj[queue[head]!]!) {
      if (arc.edge === without || seen[arc.to]) continue;
      if (arc.to === to) return true;
      seen[arc.to] = 1;
      queue.push(arc.to);
    }
  }
  return false;
}

/** Whether edge `i` can change: increase (a path back from its head) or decrease (a path on from its tail). */
function movable(adj: Arc[][], edges: readonly FlowEdge[], i: number): boolean {
  const e = edges[i]!;
  return (e.value < e.cap && reaches(adj, e.to, e.from, i)) || (e.value > e.floor && reaches(adj, e.from, e.to, i));
}

/** Cheapest path avoiding one edge (Dijkstra on a binary heap; ties to the lower node). */
function cheapestPath(adj: Arc[][], from: number, to: number, without: number): { cost: number; edges: number[] } | undefined {
  const dist = new Float64Array(adj.length).fill(Infinity);
  const via: Array<{ edge: number; prev: number } | undefined> = [];
  const heap: Array<[number, number]> = [[0, from]];
  const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  dist[from] = 0;
  while (heap.length > 0) {
    const [d, u] = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    if (d > dist[u]!) continue;
    if (u === to) break;
    for (const arc of adj[u]!) {
      const next = d + arc.cost;
      if (arc.edge === without || next >= dist[arc.to]!) continue;
      dist[arc.to] = next;
      via[arc.to] = { edge: arc.edge, prev: u };
      heap.push([next, arc.to]);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!before(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    }
  }
  if (dist[to] === Infinity) return undefined;
  const path: number[] = [];
  for (let node = to; node !== from; node = via[node]!.prev) path.push(via[node]!.edge);
  return { cost: dist[to]!, edges: path };
}

/** The cheapest way to let edge `i` change, either way. */
function release(adj: Arc[][], edges: readonly FlowEdge[], i: number) {
  const e = edges[i]!;
  const up = e.value < e.cap ? cheapestPath(adj, e.to, e.from, i) : undefined;
  const down = e.value > e.floor ? cheapestPath(adj, e.from, e.to, i) : undefined;
  if (up && down) return down.cost < up.cost ? down : up;
  return up ?? down;
}

/** The hidden cells that no shown number leaves room for: each is recoverable by subtraction. */
export function pinnedEdges(nodes: number, edges: readonly FlowEdge[]): number[] {
  const adj = residual(nodes, edges, () => undefined);
  return edges.flatMap((e, i) => (e.role === 'cell' && e.hidden && !movable(adj, edges, i) ? [i] : []));
}

/**
 * Secondary suppression: while a hidden cell is pinned, hide the shown cells on the cheapest cycle
 * through it (cost: the cell's value + 1, so small cells and few cells go first). Deterministic:
 * cells are taken in edge order and ties go to the lower node. Mutates `edges`.
 */
export function protectEdges(nodes: number, edges: FlowEdge[], cost: (e: FlowEdge) => number = (e) => e.value + 1): void {
  const price = (e: FlowEdge) => (e.role === 'cell' ? cost(e) : undefined);
  let adj = residual(nodes, edges, () => undefined);
  let queue = edges.flatMap((e, i) => (e.role === 'cell' && e.hidden ? [i] : []));
  while (queue.length > 0) {
    const i = queue.shift()!;
    if (movable(adj, edges, i)) continue;
    const path = release(residual(nodes, edges, price), edges, i);
    if (!path) {
      // Fixed even with every other number hidden: by the structure (a group nobody was invited
      // to is empty) or by what the threshold itself tells (two groups below k, all their
      // invited responded, and the total shown). Hiding more cannot help; public knowledge.
      if (
        !release(
          residual(nodes, edges, () => 0),
          edges,
          i,
        )
      )
        continue;
      throw new Error(`suppression: cell ${i} can only be protected by hiding a number decided elsewhere`);
    }
    const added = path.edges.filter((j) => !edges[j]!.hidden && edges[j]!.role === 'cell');
    for (const j of added) edges[j]!.hidden = true;
    adj = residual(nodes, edges, () => undefined);
    queue = [...new Set([...queue, ...added])].sort((a, b) => a - b);
  }
}
