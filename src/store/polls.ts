// Polls on Prisma. An answer has a random id, no user and no time, and is written apart from its
// author's "answered" flag and mixed with the others before it counts (poll-mixing.ts). The
// results are read as aggregates in SQL (GROUP BY over unnested arrays); no query returns rows.
import { storedWorkspace } from '../core/model/domain.ts';
import type { Poll, PollStore, RawAggregates } from '../core/polls/model.ts';
import type { PrismaClient } from './generated/client.ts';
import { mixAnswers, submitAnswer } from './poll-mixing.ts';
import { groupIdsSchema, ownQuestionsSchema, readJson } from './json.ts';

type PollRow = Awaited<ReturnType<PrismaClient['poll']['findFirstOrThrow']>>;
const toPoll = (row: PollRow): Poll => ({
  id: row.id,
  seriesId: row.seriesId,
  wave: row.wave,
  title: row.title,
  instrumentId: row.instrumentId,
  questions: readJson(ownQuestionsSchema, row.questions, { table: 'Poll', column: 'questions', row: row.id }),
  createdById: row.createdById,
  platform: row.platform,
  workspace: storedWorkspace(row.workspace),
  audience: readJson(groupIdsSchema, row.audience, { table: 'Poll', column: 'audience', row: row.id }),
  opensAt: row.opensAt,
  closesAt: row.closesAt,
  reminders: row.reminders,
  shareWithGroups: row.shareWithGroups,
  threshold: row.threshold,
  status: row.status,
});

export function polls(prisma: PrismaClient): PollStore {
  return {
    async createPoll({ continues, questions, ...poll }, participants, at) {
      const previous = continues ? await prisma.poll.findUnique({ where: { id: continues } }) : null;
      const latest = previous ? await prisma.poll.findFirst({ where: { seriesId: previous.seriesId }, orderBy: { wave: 'desc' } }) : null;
      return prisma.$transaction(async (tx) => {
        const created = await tx.poll.create({ data: { ...poll, questions: questions as object[], seriesId: '', wave: (latest?.wave ?? 0) + 1, createdAt: at } });
        const row = await tx.poll.update({ where: { id: created.id }, data: { seriesId: latest?.seriesId ?? created.id } });
        await tx.pollParticipant.createMany({ data: participants.map((p) => ({ pollId: row.id, userId: p.personId, groupId: p.groupId })) });
        return toPoll(row);
      });
    },
    async poll(id) {
      const row = await prisma.poll.findUnique({ where: { id } });
      return row ? toPoll(row) : null;
    },
    async polls(workspace, limit) {
      return (await prisma.poll.findMany({ where: { workspace }, orderBy: { createdAt: 'desc' }, take: limit })).map(toPoll);
    },
    async previousWave(poll) {
      const row = await prisma.poll.findFirst({ where: { seriesId: poll.seriesId, wave: { lt: poll.wave } }, orderBy: { wave: 'desc' } });
      return row ? toPoll(row) : null;
    },
    async seriesWaves(poll) {
      return (await prisma.poll.findMany({ where: { seriesId: poll.seriesId, workspace: poll.workspace }, orderBy: { wave: 'asc' } })).map(toPoll);
    },
    async setPollStatus(id, from, to) {
      return (await prisma.poll.updateMany({ where: { id, status: from }, data: { status: to } })).count === 1;
    },
    async participants(pollId) {
      const rows = await prisma.pollParticipant.findMany({ where: { pollId }, select: { userId: true, answered: true } });
      return rows.map((r) => ({ personId: r.userId, answered: r.answered }));
    },
    async participation(pollId, personId) {
      return prisma.pollParticipant.findUnique({ where: { pollId_userId: { pollId, userId: personId } }, select: { answered: true } });
    },
    submitPollAnswer: (pollId, personId, answer) => submitAnswer(prisma, pollId, personId, answer),
    mixPollAnswers: (pollId, minBatch) => mixAnswers(prisma, pollId, minBatch),
    async pollAggregates(pollId) {
      // The close mixes every waiting answer first; reading both tables still counts each answer
      // exactly once (a mix moves it in one statement) should a close have stopped before its mix.
      const all = `(SELECT "groupId", "answers", "texts", "score", "flagged" FROM "PollResponse" WHERE "pollId" = $1
                        UNION ALL SELECT "groupId", "answers", "texts", "score", "flagged" FROM "PollPendingResponse" WHERE "pollId" = $1)`;
      const q = <T>(sql: string) => prisma.$queryRawUnsafe<T[]>(sql, pollId);
      const [invited, responded, values, texts, scores] = await Promise.all([
        q<{ groupId: string | null; n: number }>(`SELECT "groupId", count(*)::int AS n FROM "PollParticipant" WHERE "pollId" = $1 GROUP BY 1`),
        q<{ groupId: string | null; n: number }>(`SELECT "groupId", count(*)::int AS n FROM ${all} r GROUP BY 1`),
        q<{ groupId: string | null; question: number; value: number; n: number }>(
          `SELECT r."groupId", a.i::int - 1 AS question, a.v AS value, count(*)::int AS n
             FROM ${all} r, unnest(r.answers) WITH ORDINALITY AS a(v, i)
            GROUP BY 1, 2, 3`,
        ),
        // Texts come out sorted, so their order says nothing about who wrote when.
        q<{ groupId: string | null; question: number; text: string }>(
          `SELECT r."groupId", t.i::int - 1 AS question, t.v AS text
             FROM ${all} r, unnest(r.texts) WITH ORDINALITY AS t(v, i)
            WHERE t.v <> '' ORDER BY 1, 2, 3`,
        ),
        q<{ groupId: string | null; n: number; sum: number; flagged: number }>(
          `SELECT "groupId", count(score)::int AS n, coalesce(sum(score), 0)::float8 AS sum, count(*) FILTER (WHERE flagged)::int AS flagged
             FROM ${all} r GROUP BY 1`,
        ),
      ]);
      return { invited, responded, values, texts, scores } satisfies RawAggregates;
    },
  };
}
