// The scheduler's claim (src/store/schedules.ts claimDue: due rows locked, an occurrence row
// inserted and nextAt moved on for each) next to a set-based claim of the same rows in one SQL
// statement (lock, insert the occurrences, move nextAt on: UPDATE … FROM (INSERT … SELECT)). The
// baseline moves nextAt by a fixed week where the real claim computes the cron's next time in the
// group's zone: it is the floor for the same writes. At 10,000 and 100,000 weekly schedules over
// many time zones, with 10 and 500 (one full batch) due, warmed (one untimed claim first), each
// claim undone before the next; interleaved A B A B, on PGlite and PostgreSQL.
import { performance } from 'node:perf_hooks';
import { nextOf } from '../../src/scheduler/planner.ts';
import type { Database } from '../../src/store/index.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { QUICK, interleave, row, type Row } from './support/stats.ts';
import { DATABASE_NAMES, benchDatabases, openBenchDatabase } from './support/targets.ts';

const ZONES = ['Europe/Copenhagen', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland', 'UTC'];
const BASE = new Date('2026-12-07T00:00:00Z');
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const SIZES = QUICK ? [10_000] : [10_000, 100_000];
const DUE = [10, 500];
/** Claims per round and variant; the round's figure is their median. */
const REPEATS = QUICK ? 3 : 5;

/** `count` weekly schedules, their next occurrences spread evenly over one week from BASE. */
async function fill(db: Database, count: number): Promise<number> {
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Schedule" CASCADE`);
  const zones = `ARRAY[${ZONES.map((z) => `'${z}'`).join(',')}]`;
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO "Schedule" ("id", "kind", "subject", "cron", "timeZone", "nextAt", "payload", "updatedAt")
    SELECT 's' || i, 'checkin.open', 'g' || i, '0 9 * * 1', (${zones})[1 + i % ${ZONES.length}],
           TIMESTAMP '2026-12-07 00:00:00' + (i * (${WEEK_MS} / ${count}.0)) * INTERVAL '1 millisecond', '{}', now()
    FROM generate_series(0, ${count - 1}) AS i`);
  await db.prisma.$executeRawUnsafe(`ANALYZE "Schedule"`);
  return WEEK_MS / count;
}

/** Forgets the claims and puts every schedule back where fill() put it, so each claim sees the same rows. */
async function undo(db: Database, stepMs: number, due: number): Promise<void> {
  await db.prisma.$executeRawUnsafe(`DELETE FROM "Occurrence"`);
  await db.prisma.$executeRawUnsafe(
    `UPDATE "Schedule" SET "nextAt" = TIMESTAMP '2026-12-07 00:00:00' + (substr("id", 2)::int * ${stepMs}::float8) * INTERVAL '1 millisecond' WHERE substr("id", 2)::int < ${due}`,
  );
}

async function setBasedClaim(db: Database, now: Date, limit: number): Promise<number> {
  const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
    WITH due AS (
      SELECT "id", "nextAt" FROM "Schedule" WHERE "nextAt" IS NOT NULL AND "nextAt" <= ${now}
      ORDER BY "nextAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED),
    claimed AS (
      INSERT INTO "Occurrence" ("scheduleId", "at", "status", "claimedBy", "claimedAt")
      SELECT "id", "nextAt", 'claimed', 'bench', ${now} FROM due ON CONFLICT DO NOTHING RETURNING "scheduleId")
    UPDATE "Schedule" AS s SET "nextAt" = due."nextAt" + INTERVAL '7 days', "updatedAt" = ${now}
      FROM due JOIN claimed ON claimed."scheduleId" = due."id" WHERE s."id" = due."id"
    RETURNING s."id", s."kind", s."subject", s."groupId", s."payload"`;
  return rows.length;
}

export async function schedulerBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of benchDatabases()) {
    const { db, drop } = await openBenchDatabase(kind);
    try {
      const schedules = scheduleStore(db.prisma);
      for (const count of SIZES) {
        const step = await fill(db, count);
        for (const due of DUE) {
          const now = new Date(BASE.getTime() + step * (due - 0.5));
          const claims = {
            lederrum: async () => (await schedules.claimDue(now, { graceMs: 365 * 24 * 3600 * 1000, owner: 'bench', limit: 500, nextOf })).deliver.length,
            setBased: () => setBasedClaim(db, now, 500),
          };
          const timed = async (variant: keyof typeof claims) => {
            const times: number[] = [];
            for (let r = 0; r < REPEATS; r++) {
              const start = performance.now();
              const claimed = await claims[variant]();
              times.push(performance.now() - start);
              if (claimed !== due) throw new Error(`${variant}: expected ${due} due, claimed ${claimed}`);
              await undo(db, step, due);
            }
            return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
          };
          // Warm both: the first claim after a fill pays for cold pages and plans.
          for (const variant of ['lederrum', 'setBased'] as const) {
            await claims[variant]();
            await undo(db, step, due);
          }
          const samples = await interleave(['lederrum', 'setBased'] as const, async (variant) => ({ ms: await timed(variant) }));
          rows.push(
            row(`scheduler claim, ${due} due of ${count.toLocaleString('en')} schedules, ${DATABASE_NAMES[kind]} (baseline: one set-based SQL claim)`, samples.lederrum.ms, samples.setBased.ms, 'ms'),
          );
        }
      }
    } finally {
      await drop();
    }
  }
  return rows;
}
