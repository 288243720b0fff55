// An attacker for poll results, written independently of src/core/polls/suppression.ts: it knows
// every shown number and the structure (which cells exist, that counts are whole numbers from 0 up
// to the invited count, and every "parts add up to the whole" rule) and tries to pin each hidden
// number to a single value. Two attacks: an exact integer search (backtracking with bound
// propagation) and linear algebra (Gaussian elimination over the rationals, for bigger tables).

/** Σ coef·var = rhs */
export interface Equation {
  terms: Array<[number, number]>;
  rhs: number;
}

export interface System {
  /** Bounds per variable; a shown number has lo = hi. */
  lo: number[];
  hi: number[];
  /** One solution: the true values. */
  truth: number[];
  equations: Equation[];
  names: string[];
}

/** Tightens bounds until nothing changes; false when the system has no solution within them. Coefficients are non-zero. */
function propagate(sys: System, lo: number[], hi: number[]): boolean {
  for (let changed = true; changed; ) {
    changed = false;
    for (const { terms, rhs } of sys.equations) {
      let min = 0;
      let max = 0;
      for (const [v, c] of terms) {
        min += c > 0 ? c * lo[v]! : c * hi[v]!;
        max += c > 0 ? c * hi[v]! : c * lo[v]!;
      }
      if (min > rhs || max < rhs) return false;
      for (const [v, c] of terms) {
        const restMin = min - (c > 0 ? c * lo[v]! : c * hi[v]!);
        const restMax = max - (c > 0 ? c * hi[v]! : c * lo[v]!);
        // c·x = rhs - rest, with rest in [restMin, restMax]
        const a = (rhs - restMax) / c;
        const b = (rhs - restMin) / c;
        const newLo = Math.max(lo[v]!, Math.ceil(Math.min(a, b) - 1e-9));
        const newHi = Math.min(hi[v]!, Math.floor(Math.max(a, b) + 1e-9));
        if (newLo > newHi) return false;
        if (newLo !== lo[v] || newHi !== hi[v]) {
          min += c > 0 ? c * (newLo - lo[v]!) : c * (newHi - hi[v]!);
          max += c > 0 ? c * (newHi - hi[v]!) : c * (newLo - lo[v]!);
          lo[v] = newLo;
          hi[v] = newHi;
          changed = true;
        }
      }
    }
  }
  return true;
}

export class SearchBudgetExceeded extends Error {}

/** A whole-number solution within the bounds, or undefined if there is none (exact; tries the true values first). */
export function solve(sys: System, lo: number[], hi: number[], budget = { nodes: 2_000_000 }): number[] | undefined {
  if (--budget.nodes < 0) throw new SearchBudgetExceeded('exact search ran out of budget');
  if (!propagate(sys, lo, hi)) return undefined;
  let pick = -1;
  for (let v = 0; v < lo.length; v++) {
    if (lo[v]! < hi[v]! && (pick < 0 || hi[v]! - lo[v]! < hi[pick]! - lo[pick]!)) pick = v;
  }
  if (pick < 0) return lo;
  const [a0, b0] = [lo[pick]!, hi[pick]!];
  const t = sys.truth[pick]!;
  // Branch on the true value first (quick where the truth is nearly a solution), then halve the
  // rest, so that proving a range empty takes logarithmic depth. Complete either way.
  const mid = Math.floor((a0 + b0) / 2);
  const branches: Array<[number, number]> =
    t >= a0 && t <= b0
      ? [
          [t, t],
          [a0, t - 1],
          [t + 1, b0],
        ]
      : t < a0
        ? [
            [a0, mid],
            [mid + 1, b0],
          ]
        : [
            [mid + 1, b0],
            [a0, mid],
          ];
  for (const [a, b] of branches) {
    if (a > b) continue;
    const l = [...lo];
    const h = [...hi];
    l[pick] = a;
    h[pick] = b;
    const found = solve(sys, l, h, budget);
    if (found) return found;
  }
  return undefined;
}

/** Hidden variables that every solution gives the same value as the truth. */
export function exactPins(sys: System, check: readonly number[]): number[] {
  // Any solution found frees every variable it moves, which saves most of the searches.
  const free = new Set<number>();
  const note = (found: number[] | undefined) => {
    found?.forEach((x, v) => {
      if (x !== sys.truth[v]) free.add(v);
    });
    return found !== undefined;
  };
  return check.filter((v) => {
    if (free.has(v)) return false;
    const t = sys.truth[v]!;
    const below = [...sys.hi];
    below[v] = t - 1;
    if (t - 1 >= sys.lo[v]! && note(solve(sys, [...sys.lo], below))) return false;
    const above = [...sys.lo];
    above[v] = t + 1;
    return !(t + 1 <= sys.hi[v]! && note(solve(sys, above, [...sys.hi])));
  });
}

/**
 * Variables whose value the shown equations determine: e_v lies in the row space of the
 * equations restricted to the unknowns. Reduced row echelon form over exact fractions (BigInt).
 */
export function linearPins(sys: System, unknown: readonly number[]): number[] {
  const col = new Map(unknown.map((v, i) => [v, i]));
  type Q = [bigint, bigint];
  const norm = ([n, d]: Q): Q => {
    if (n === 0n) return [0n, 1n];
    const g = gcd(n < 0n ? -n : n, d < 0n ? -d : d);
    return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
  };
  const rows: Q[][] = sys.equations
    .map((eq) => {
      const row: Q[] = unknown.map(() => [0n, 1n]);
      for (const [v, c] of eq.terms) {
        const i = col.get(v);
        if (i !== undefined) row[i] = norm([row[i]![0] + BigInt(c) * row[i]![1], row[i]![1]]);
      }
      return row;
    })
    .filter((row) => row.some(([n]) => n !== 0n));
  let r = 0;
  for (let c = 0; c < unknown.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const [pn, pd] = rows[r]![c]!;
    rows[r] = rows[r]!.map(([n, d]) => norm([n * pd, d * pn]));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![c]![0] === 0n) continue;
      const [fn, fd] = rows[i]![c]!;
      rows[i] = rows[i]!.map(([n, d], j) => {
        const [bn, bd] = rows[r]![j]!;
        return norm([n * fd * bd - fn * bn * d, d * fd * bd]);
      });
    }
    r++;
  }
  return unknown.filter((_, c) => rows.some((row) => row[c]![0] !== 0n && row.every(([n], j) => j === c || n === 0n)));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Builds a System step by step: shown numbers are fixed, hidden ones range over their bounds. */
export class SystemBuilder {
  readonly sys: System = { lo: [], hi: [], truth: [], equations: [], names: [] };
  readonly hidden: number[] = [];

  add(name: string, truth: number, shown: number | undefined, max: number, checked = true): number {
    const v = this.sys.truth.length;
    this.sys.names.push(name);
    this.sys.truth.push(truth);
    this.sys.lo.push(shown ?? 0);
    this.sys.hi.push(shown ?? max);
    // A number whose bound is 0 is known from the structure (nobody invited), not from what is shown.
    if (shown === undefined && checked && max > 0) this.hidden.push(v);
    return v;
  }

  /**
   * A whole (respondents, answers, scored): hidden, its reason tells a reader whether it is below
   * the threshold ("too_few": 0..threshold-1) or not ("protects_other": threshold..max).
   */
  whole(name: string, truth: number, shown: number | { hidden: true; reason: string; threshold: number }, max: number): number {
    if (typeof shown === 'number') return this.add(name, truth, shown, max);
    const v = this.add(name, truth, undefined, max);
    if (shown.reason === 'too_few') this.sys.hi[v] = Math.min(max, shown.threshold - 1);
    else this.sys.lo[v] = shown.threshold;
    return v;
  }

  /** whole = Σ parts */
  sum(whole: number, parts: readonly number[]): void {
    this.equation([[whole, 1], ...parts.map((p): [number, number] => [p, -1])], 0);
  }

  /** Σ coef·var = rhs (terms with coefficient 0 are dropped). */
  equation(terms: Array<[number, number]>, rhs: number): void {
    this.sys.equations.push({ terms: terms.filter(([, c]) => c !== 0), rhs });
  }
}

/** mulberry32: small, seeded, so a failing case can be replayed from its seed. */
export function prng(seed: number) {
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
