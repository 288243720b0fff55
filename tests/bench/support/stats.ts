// The figures every benchmark prints: samples of Lederrum and of its baseline taken in the same
// run, interleaved (A B A B …) so that a busy neighbour or a warming cache hits both alike, and
// reported as the median with its min–max and the ratio of the medians.

/** How long and how often: BENCH_QUICK=1 is a smoke run that checks the harness, not the figures. */
export const QUICK = process.env['BENCH_QUICK'] === '1';
export const ROUNDS = QUICK ? 1 : 3;

/** One line of the final table. */
export interface Row {
  measure: string;
  lederrum: string;
  baseline: string;
  ratio: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (p in 0..1) of values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}

/**
 * Runs `rounds` rounds of every variant in turn (A B A B …) and returns each variant's samples.
 * A variant's measure may return several named figures at once (p50 and p99 of one load run).
 */
export async function interleave<V extends string, F extends string>(
  variants: readonly V[],
  measure: (variant: V, round: number) => Promise<Record<F, number>>,
  rounds = ROUNDS,
): Promise<Record<V, Record<F, number[]>>> {
  const samples = Object.fromEntries(variants.map((v) => [v, {}])) as Record<V, Record<F, number[]>>;
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const figures = await measure(variant, round);
      for (const [name, value] of Object.entries(figures) as Array<[F, number]>) {
        samples[variant][name] = [...(samples[variant][name] ?? []), value];
      }
    }
  }
  return samples;
}

export type Unit = 'ms' | 's' | 'MiB' | 'count' | 'µs';

/** A number as the table shows it: three significant figures, no more. */
export function show(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'count') return Math.round(value).toLocaleString('en');
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

/** "12.3 ms (11.0–15.2)": the median of the rounds and their range. */
export function spread(values: readonly number[], unit: Unit): string {
  if (values.length === 0) return '–';
  const m = show(median(values), unit);
  if (values.length === 1) return m;
  const range = (x: number) => show(x, unit).replace(` ${unit}`, '');
  return `${m} (${range(Math.min(...values))}–${range(Math.max(...values))})`;
}

/** Lederrum's median over the baseline's; counts get a difference instead when the baseline is 0. */
export function ratio(lederrum: readonly number[], baseline: readonly number[]): string {
  const a = median(lederrum);
  const b = median(baseline);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '–';
  if (b === 0) return a === 0 ? '=' : 'baseline 0';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

export function row(measure: string, lederrum: readonly number[], baseline: readonly number[], unit: Unit): Row {
  return { measure, lederrum: spread(lederrum, unit), baseline: spread(baseline, unit), ratio: ratio(lederrum, baseline) };
}

export function markdownTable(rows: readonly Row[], baselineName = 'baseline'): string {
  const lines = [`| measure | Lederrum | ${baselineName} | ratio |`, '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.measure} | ${r.lederrum} | ${r.baseline} | ${r.ratio} |`);
  return lines.join('\n');
}
