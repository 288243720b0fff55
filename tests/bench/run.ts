// `npm run bench`: every benchmark, each figure next to a baseline doing comparable work in the
// same run (interleaved A B A B, median of 3 with min–max, then the ratio), and one markdown
// table at the end. BENCH_QUICK=1: a short smoke run of the harness (1 round, short loads).
// BENCH_ONLY=slack,teams,start,scheduler,polls,delivery,pglite: some of them. Needs `npm run build`
// (the app runs compiled, as `npm start` runs it) and the local PostgreSQL; stops by itself.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { deliveryBench } from './delivery.ts';
import { pgliteBench } from './pglite.ts';
import { pollsBench } from './polls.ts';
import { schedulerBench } from './scheduler.ts';
import { slackBench } from './slack.ts';
import { startBench } from './start.ts';
import { QUICK, ROUNDS, markdownTable, type Row } from './support/stats.ts';
import { teamsBench } from './teams.ts';

const BENCHES: Record<string, () => Promise<Row[]>> = {
  slack: slackBench,
  teams: teamsBench,
  start: startBench,
  scheduler: schedulerBench,
  polls: pollsBench,
  delivery: deliveryBench,
  pglite: pgliteBench,
};

const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
const rows: Row[] = [];
const began = performance.now();
const load = [os.loadavg()[0]!];
let failed = false;
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue;
  const started = performance.now();
  process.stdout.write(`\n${name}…\n`);
  try {
    const got = await bench();
    rows.push(...got);
    process.stdout.write(`${markdownTable(got)}\n(${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
load.push(os.loadavg()[0]!);
process.stdout.write(
  `\n## Lederrum vs baselines (${QUICK ? 'BENCH_QUICK smoke run, 1 round' : `median of ${ROUNDS} interleaved rounds, min–max in brackets`}; ${os.cpus().length} cores, load average ${load.map((l) => l.toFixed(1)).join(' → ')}; ${((performance.now() - began) / 60_000).toFixed(1)} min)\n\n`,
);
process.stdout.write(`${markdownTable(rows)}\n`);
process.exit(failed ? 1 : 0);
