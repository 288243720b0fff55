// Poll results (store.pollAggregates: the SQL aggregates per group, then suppression and scoring
// in the core) next to the single histogram query over the same answer rows (GROUP BY question,
// value: the least a result needs to read), on PGlite and PostgreSQL, 100,000 answers in 20 groups
// (10,000 with BENCH_QUICK), warmed, interleaved A B A B with the median of 5 runs per turn.
import { performance } from 'node:perf_hooks';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { toAggregates } from '../../src/core/polls/aggregates.ts';
import { buildResults } from '../../src/core/polls/results.ts';
import { createStore } from '../../src/store/index.ts';
import { QUICK, interleave, median, row, type Row } from './support/stats.ts';
import { DATABASE_NAMES, benchDatabases, openBenchDatabase, type DatabaseKind } from './support/targets.ts';

const ANSWERS = QUICK ? 10_000 : 100_000;
const GROUPS = 20;
const REPEATS = 5;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function onDatabase(kind: DatabaseKind): Promise<Row[]> {
  const { db, drop } = await openBenchDatabase(kind);
  const rows: Row[] = [];
  try {
    const store = createStore(db.prisma);
    const instruments = loadInstruments();
    const sql = (text: string) => db.prisma.$executeRawUnsafe(text);
    await sql(
      `INSERT INTO "Group" ("id", "platform", "workspace", "conversationId", "name", "language", "timeZone") SELECT 'g' || i, 'playground', 'playground', 'c' || i, 'Gruppe ' || i, 'da', 'Europe/Copenhagen' FROM generate_series(1, ${GROUPS}) AS i`,
    );
    await sql(
      `INSERT INTO "User" ("id", "platform", "workspace", "externalId", "displayName") SELECT 'u' || i, 'playground', 'playground', 'e' || i, 'Person ' || i FROM generate_series(1, ${ANSWERS}) AS i`,
    );
    const audience = JSON.stringify(Array.from({ length: GROUPS }, (_, i) => `g${i + 1}`));
    for (const id of ['who5', 'workplace-pulse']) {
      const instrument = instruments.find((i) => i.id === id)!;
      const items = instrument.items.length;
      const { min, max } = instrument.scale;
      await sql(
        `INSERT INTO "Poll" ("id", "seriesId", "title", "instrumentId", "platform", "workspace", "audience", "opensAt", "closesAt", "status") VALUES ('${id}', '${id}', '${id}', '${id}', 'playground', 'playground', '${audience}', now() - interval '2 days', now() - interval '1 day', 'closed')`,
      );
      await sql(`INSERT INTO "PollParticipant" ("pollId", "userId", "groupId", "answered") SELECT '${id}', 'u' || i, 'g' || (1 + i % ${GROUPS}), true FROM generate_series(1, ${ANSWERS}) AS i`);
      // Random answers on the scale (the `WHERE i > 0` ties the inner query to the row, so each row
      // draws its own); for WHO-5 the index and the flag as the core would store them.
      await sql(`
        INSERT INTO "PollResponse" ("id", "pollId", "groupId", "answers", "texts", "score", "flagged")
        SELECT gen_random_uuid()::text, '${id}', 'g' || (1 + i % ${GROUPS}), a, '{}',
               ${id === 'who5' ? '(SELECT sum(x) FROM unnest(a) x) * 4' : 'NULL'},
               ${id === 'who5' ? '(SELECT sum(x) FROM unnest(a) x) * 4 < 50' : 'false'}
          FROM (SELECT i, ARRAY(SELECT ${min} + floor(random() * ${max - min + 1})::int FROM generate_series(1, ${items}) WHERE i > 0) AS a
                  FROM generate_series(1, ${ANSWERS}) AS i) AS answers`);
      await sql(`ANALYZE "PollResponse"`);
      const poll = (await store.poll(id))!;
      const groups = (await store.groupsOn(workspaceOf('playground'))).filter((g) => poll.audience.includes(g.id));
      const results = async () => {
        const aggregates = toAggregates(poll, await store.pollAggregates(id), instrument, groups, 'da');
        return buildResults({ instrument, groups: aggregates, threshold: poll.threshold });
      };
      const histogram = () =>
        db.prisma.$queryRawUnsafe(
          `SELECT a.i::int - 1 AS question, a.v AS value, count(*)::int AS n FROM "PollResponse" r, unnest(r.answers) WITH ORDINALITY AS a(v, i) WHERE r."pollId" = $1 GROUP BY 1, 2`,
          id,
        );
      await results();
      await histogram();
      const samples = await interleave(['lederrum', 'histogram'] as const, async (variant) => ({ ms: await timed(variant === 'lederrum' ? results : histogram) }));
      rows.push(
        row(
          `poll results, ${id}, ${ANSWERS.toLocaleString('en')} answers in ${GROUPS} groups, ${DATABASE_NAMES[kind]} (baseline: one histogram query)`,
          samples.lederrum.ms,
          samples.histogram.ms,
          'ms',
        ),
      );
      await sql(`DELETE FROM "PollResponse"`);
      await sql(`DELETE FROM "PollParticipant"`);
    }
  } finally {
    await drop();
  }
  return rows;
}

export async function pollsBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of benchDatabases()) rows.push(...(await onDatabase(kind)));
  return rows;
}
