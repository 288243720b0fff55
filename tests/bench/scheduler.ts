// `npm run bench`: the cost of one scheduler tick (find what is due now and claim it) with
// 100,000 active schedules over many time zones in PostgreSQL, next to a baseline measured in
// the same run: an indexed single-row lookup. The tick must grow with the number of due
// occurrences, not with the number of schedules. Needs the local PostgreSQL; stops by itself.
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { nextOf } from '../../src/scheduler/planner.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';

const ZONES = [
  'Europe/Copenhagen',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Helsinki',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Africa/Johannesburg',
  'UTC',
];
const BASE = new Date('2026-12-07T00:00:00Z');
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const REPEATS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** `count` weekly schedules, their next occurrences spread evenly over one week from BASE. */
async function fill(db: Database, count: number): Promise<number> {
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Schedule" CASCADE`);
  const zones = `ARRAY[${ZONES.map((z) => `'${z}'`).join(',')}]`;
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Schedule" ("id", "kind", "subject", "cron", "timeZone", "nextAt", "payload")
    SELECT 's' || i, 'checkin.open', 'g' || i, '0 9 * * 1', (${zones})[1 + i % ${ZONES.length}],
           TIMESTAMP '2026-12-07 00:00:00' + (i * (${WEEK_MS} / ${count}.0)) * INTERVAL '1 millisecond', '{}'
    FROM generate_series(0, ${count - 1}) AS i`);
  await db.prisma.$executeRawUnsafe(`ANALYZE "Schedule"`);
  return WEEK_MS / count;
}

async function baseline(db: Database, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS * 4; i++) {
    const id = `s${(i * 7919) % count}`;
    const start = performance.now();
    await db.prisma.$queryRaw`SELECT "id", "nextAt" FROM "Schedule" WHERE "id" = ${id}`;
    times.push(performance.now() - start);
  }
  return median(times);
}

/** One tick with `due` occurrences due, measured, then undone so the next repeat sees the same. */
async function tick(db: Database, stepMs: number, due: number): Promise<number> {
  const schedules = scheduleStore(db.prisma);
  const now = new Date(BASE.getTime() + stepMs * (due - 0.5));
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    const claimed = await schedules.claimDue(now, { graceMs: 365 * 24 * 3600 * 1000, owner: 'bench', limit: 10_000, nextOf });
    times.push(performance.now() - start);
    if (claimed.deliver.length !== due) throw new Error(`expected ${due} due, claimed ${claimed.deliver.length}`);
    // Undo: forget the claims and put the claimed schedules back where they were.
    const ids = claimed.deliver.map((job) => job.scheduleId);
    await db.prisma.$executeRawUnsafe(`DELETE FROM "Occurrence"`);
    await db.prisma.$executeRaw`UPDATE "Schedule" SET "nextAt" = TIMESTAMP '2026-12-07 00:00:00' + (substr("id", 2)::int * ${stepMs}::float8) * INTERVAL '1 millisecond' WHERE "id" = ANY(${ids})`;
  }
  return median(times);
}

const url = await createScratchDatabase();
const db = await openDatabase({ kind: 'postgresql', url });
try {
  const results: Record<string, Record<number, number>> = {};
  let base = 0;
  for (const count of [10_000, 100_000]) {
    const step = await fill(db, count);
    if (count === 100_000) base = await baseline(db, count);
    results[count] = {};
    for (const due of [1, 10, 100, 1000]) results[count]![due] = await tick(db, step, due);
  }
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`scheduler tick benchmark (PostgreSQL, median of ${REPEATS})`);
  console.log(`baseline: indexed single-row lookup among 100,000 schedules: ${fmt(base)}`);
  console.log('due  | 10,000 schedules | 100,000 schedules | ×baseline (100k) | 100k / 10k');
  for (const due of [1, 10, 100, 1000]) {
    const small = results[10_000]![due]!;
    const large = results[100_000]![due]!;
    console.log(`${String(due).padEnd(4)} | ${fmt(small).padStart(16)} | ${fmt(large).padStart(17)} | ${(large / base).toFixed(1).padStart(16)} | ${(large / small).toFixed(2).padStart(10)}`);
  }
  const flat = [1, 10, 100, 1000].every((due) => results[100_000]![due]! / results[10_000]![due]! < 2);
  const grows = results[100_000]![1000]! > results[100_000]![10]! * 5;
  console.log(`cost follows due occurrences (grows ×${(results[100_000]![1000]! / results[100_000]![10]!).toFixed(1)} from 10 to 1000 due): ${grows ? 'yes' : 'NO'}`);
  console.log(`cost independent of schedule count (100k within 2× of 10k at every due count): ${flat ? 'yes' : 'NO'}`);
  process.exitCode = flat && grows ? 0 : 1;
} finally {
  await db.close();
  await dropScratchDatabase(url);
}
