// `npm run bench` (part two): the time to compute a poll's results from 100,000 answers on
// PostgreSQL — the SQL aggregates, then suppression and scoring in the core — next to a baseline
// measured in the same run: a plain count(*) over the same rows. Needs the local PostgreSQL.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/store/index.ts';
import { createStore } from '../../src/store/index.ts';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { toAggregates } from '../../src/core/polls/aggregates.ts';
import { buildResults } from '../../src/core/polls/results.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';

const ANSWERS = 100_000;
const GROUPS = 20;
const REPEATS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const url = await createScratchDatabase();
const db = await openDatabase({ kind: 'postgresql', url });
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
  const lines: string[] = [];
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
    const base = await timed(() => db.prisma.$queryRawUnsafe(`SELECT count(*) FROM "PollResponse" WHERE "pollId" = $1`, id));
    const results = await timed(async () => {
      const aggregates = toAggregates(poll, await store.pollAggregates(id), instrument, groups, 'da');
      return buildResults({ instrument, groups: aggregates, threshold: poll.threshold });
    });
    lines.push(`${id.padEnd(16)} | ${`${base.toFixed(1)} ms`.padStart(14)} | ${`${results.toFixed(1)} ms`.padStart(14)} | ${(results / base).toFixed(1).padStart(9)}`);
    await sql(`DELETE FROM "PollResponse"`);
    await sql(`DELETE FROM "PollParticipant"`);
  }
  console.log(`\npoll results benchmark (PostgreSQL, ${ANSWERS.toLocaleString('en')} answers in ${GROUPS} groups, median of ${REPEATS})`);
  console.log('instrument       | count(*) base  | full results   | ×baseline');
  for (const line of lines) console.log(line);
} finally {
  await db.close();
  await dropScratchDatabase(url);
}
