// HR's controls over a running poll and the reminder moments, on Prisma. Cancelling deletes the
// answers and who was invited in one transaction, so a cancelled poll keeps nothing personal and
// nothing that could ever become a result. Counts come back as numbers, never as rows.
import type { PollControlStore, PollStatus } from '../core/polls/model.ts';
import type { PrismaClient } from './generated/client.ts';
import { lockPoll } from './poll-mixing.ts';

const RUNNING: PollStatus[] = ['scheduled', 'open'];

export function pollControls(prisma: PrismaClient): PollControlStore {
  return {
    async passReminderMoment(pollId, done) {
      const { count } = await prisma.poll.updateMany({ where: { id: pollId, status: 'open', remindersPlanned: done, reminders: { gt: done } }, data: { remindersPlanned: done + 1 } });
      return count === 1;
    },
    async remindersPlanned(pollId) {
      return (await prisma.poll.findUnique({ where: { id: pollId }, select: { remindersPlanned: true } }))?.remindersPlanned ?? 0;
    },
    async extendPoll(pollId, closesAt) {
      const { count } = await prisma.poll.updateMany({ where: { id: pollId, status: { in: RUNNING }, closesAt: { lt: closesAt } }, data: { closesAt } });
      return count === 1;
    },
    async cancelPoll(pollId) {
      const cancelled = await prisma.$transaction(async (tx) => {
        // FOR UPDATE waits for answers being written (they hold the poll FOR SHARE), so none lands
        // after the deletes below; one that comes later finds the poll cancelled and is refused.
        const status = await lockPoll(tx, pollId, 'UPDATE');
        const poll = status === null ? null : { status };
        if (!poll || !RUNNING.includes(poll.status)) return null;
        const { count } = await tx.poll.updateMany({ where: { id: pollId, status: poll.status }, data: { status: 'cancelled' } });
        if (count !== 1) return null;
        const invited = await tx.pollParticipant.findMany({ where: { pollId }, select: { userId: true } });
        // Participation first: an answer being saved right now holds its participant row, so this
        // waits for it, and the responses deleted next include that answer.
        await tx.pollParticipant.deleteMany({ where: { pollId } });
        await tx.pollResponse.deleteMany({ where: { pollId } });
        await tx.pollPendingResponse.deleteMany({ where: { pollId } });
        return { opened: poll.status === 'open', invited: invited.map((p) => p.userId) };
      });
      if (cancelled) {
        // Deleted rows linger in the table's pages until vacuumed; reclaim them now. Best effort
        // (a role without the right, a busy table): autovacuum reclaims them later anyway.
        for (const table of ['PollResponse', 'PollPendingResponse']) await prisma.$executeRawUnsafe(`VACUUM "${table}"`).catch(() => undefined);
      }
      return cancelled;
    },
    async answeredCount(pollId) {
      const [invited, answered] = await Promise.all([prisma.pollParticipant.count({ where: { pollId } }), prisma.pollParticipant.count({ where: { pollId, answered: true } })]);
      return { invited, answered };
    },
  };
}
