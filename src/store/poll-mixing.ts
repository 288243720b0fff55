// How a poll answer is written so that storage cannot tie it to its author (issue 14, "No link in
// storage"). Rows written in one transaction share its id (xmin), and a heap keeps rows in the
// order they were written (ctid, and so a plain pg_dump). So:
//  1. the author's "answered" flag and the answer are written in two transactions;
//  2. the answer waits in "PollPendingResponse" until the poll has at least its threshold of
//     waiting answers (or closes); then ALL of the poll's answers are rewritten in one
//     transaction, in a random physical order and with new ids, the participant rows in the next
//     one, also in a random order (their xmin and ctid would otherwise keep the answering order),
//     and the tables are vacuumed so the dead row versions with the old xmin and ctid are gone.
// What remains (README, "What is anonymous"): until its batch is mixed an answer is only
// confidential; the write-ahead log and freed space in data files keep traces until recycled or
// overwritten; someone watching live, or comparing two backups, sees which batch an answer came in.
import type { PollAnswer, PollStatus, SubmitOutcome } from '../core/polls/model.ts';
import { isTransaction } from './transaction.ts';
import type { PrismaClient } from './generated/client.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Locks the poll's row: FOR SHARE by answers (so a close or a mix waits for them), FOR UPDATE by a mix. */
export async function lockPoll(tx: Tx, pollId: string, mode: 'SHARE' | 'UPDATE'): Promise<PollStatus | null> {
  // The column is the PollStatus enum: the database holds no other value.
  const rows = await tx.$queryRawUnsafe<Array<{ status: PollStatus }>>(`SELECT "status" FROM "Poll" WHERE "id" = $1 FOR ${mode}`, pollId);
  return rows[0]?.status ?? null;
}

/**
 * The flag first, then the answer. The other order (answer first, flag second, delete the answer
 * when the flag was already set) can count one person twice: a mix that runs between the two can
 * move the answer of a concurrent second submission into the answers before it is deleted, where
 * nothing tells it apart any more, and a crash after the first write leaves an answer whose author
 * may answer again. This order never counts anyone twice; a failure between the two writes is
 * undone (the flag is cleared), and only a process crash in that instant loses the one answer.
 */
export async function submitAnswer(prisma: PrismaClient, pollId: string, personId: string, answer: PollAnswer): Promise<SubmitOutcome> {
  const claimed = await prisma.$transaction(async (tx): Promise<SubmitOutcome | { groupId: string | null }> => {
    if ((await lockPoll(tx, pollId, 'SHARE')) !== 'open') return 'not_open';
    const invite = await tx.pollParticipant.findUnique({ where: { pollId_userId: { pollId, userId: personId } }, select: { groupId: true } });
    if (!invite) return 'not_invited';
    const { count } = await tx.pollParticipant.updateMany({ where: { pollId, userId: personId, answered: false }, data: { answered: true } });
    return count === 0 ? 'already_answered' : { groupId: invite.groupId };
  });
  if (typeof claimed === 'string') return claimed;
  const release = () => prisma.pollParticipant.updateMany({ where: { pollId, userId: personId }, data: { answered: false } });
  try {
    return await prisma.$transaction(async (tx) => {
      // Closed in between: the close has mixed already, so this answer would be left behind.
      if ((await lockPoll(tx, pollId, 'SHARE')) !== 'open') {
        await tx.pollParticipant.updateMany({ where: { pollId, userId: personId }, data: { answered: false } });
        return 'not_open';
      }
      await tx.pollPendingResponse.create({ data: { pollId, groupId: claimed.groupId, ...answer } });
      return 'saved';
    });
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
}

const COLUMNS = `"pollId", "groupId", "answers", "texts", "score", "flagged"`;

/** Moves the poll's waiting answers into its answers when there are at least minBatch (0: always). */
export async function mixAnswers(prisma: PrismaClient, pollId: string, minBatch: number): Promise<number> {
  // Its transactions must be its own: joined into a larger one, answers and participants would share a transaction id.
  if (isTransaction(prisma)) throw new Error('poll answers are mixed outside any unit of work');
  const moved = await prisma.$transaction(async (tx) => {
    // One mix at a time per poll, and none while an answer is being written.
    if ((await lockPoll(tx, pollId, 'UPDATE')) === null) return null;
    const [pending] = await tx.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "PollPendingResponse" WHERE "pollId" = $1`, pollId);
    const n = pending?.n ?? 0;
    if (minBatch > 0 && n < minBatch) return null;
    // Waiting and earlier answers alike come out in a random order with new ids, so neither a
    // batch nor an earlier dump's ids can be followed into this version.
    await tx.$executeRawUnsafe(
      `WITH waiting AS (DELETE FROM "PollPendingResponse" WHERE "pollId" = $1 RETURNING ${COLUMNS}),
            earlier AS (DELETE FROM "PollResponse" WHERE "pollId" = $1 RETURNING ${COLUMNS})
       INSERT INTO "PollResponse" ("id", ${COLUMNS})
       SELECT gen_random_uuid()::text, ${COLUMNS} FROM (SELECT * FROM waiting UNION ALL SELECT * FROM earlier) AS mixed ORDER BY random()`,
      pollId,
    );
    return n;
  });
  if (moved === null) return 0;
  // A transaction of its own, so no participant row shares a transaction id with an answer. The
  // poll's lock keeps a concurrent "answered" update from finding its row deleted under it.
  await prisma.$transaction(async (tx) => {
    await lockPoll(tx, pollId, 'UPDATE');
    await tx.$executeRawUnsafe(
      `WITH old AS (DELETE FROM "PollParticipant" WHERE "pollId" = $1 RETURNING *)
       INSERT INTO "PollParticipant" ("pollId", "userId", "groupId", "answered")
       SELECT "pollId", "userId", "groupId", "answered" FROM old ORDER BY random()`,
      pollId,
    );
  });
  // Outside any transaction (VACUUM refuses one). INDEX_CLEANUP ON also drops the index entries
  // that still point at the old row versions' places. A transaction older than the mix, still
  // open, keeps dead versions alive until the next mix or autovacuum.
  await prisma.$executeRawUnsafe(`VACUUM (INDEX_CLEANUP ON) "PollPendingResponse", "PollResponse", "PollParticipant"`);
  return moved;
}
