// Check-ins, rounds, answers and attendance on Prisma. Every rule about "still open" is
// re-checked under a row lock inside the transaction that writes, so an answer racing the
// close of its round is refused rather than saved into a closed round.
import { LederrumError } from '../core/errors.ts';
import type { AttendanceHistory, CheckinStore } from '../core/checkins/model.ts';
import type { RoundKind } from '../core/model/domain.ts';
import type { PrismaClient } from './generated/client.ts';
import { toAnswer, toCheckin, toRound } from './mapping.ts';
import { roundInContext } from './hot-reads.ts';

type RecentCheckin = { id: string; sequence: number; attendances: Array<{ userId: string; present: boolean }> };

/** Check-ins newest first, as read, into a history oldest first. */
function historyOf(recent: RecentCheckin[]): AttendanceHistory {
  const oldestFirst = [...recent].reverse();
  return {
    checkins: oldestFirst.map(({ id, sequence }) => ({ id, sequence })),
    marks: oldestFirst.flatMap((checkin) => checkin.attendances.map((mark) => ({ checkinId: checkin.id, sequence: checkin.sequence, personId: mark.userId, present: mark.present }))),
  };
}

export function checkins(prisma: PrismaClient): CheckinStore {
  return {
    async openCheckin(groupId) {
      const row = await prisma.checkin.findFirst({ where: { groupId, status: 'open' }, include: { rounds: true } });
      return row ? toCheckin(row) : null;
    },

    async startCheckin(groupId, at) {
      const row = await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${groupId} FOR UPDATE`;
        const open = await tx.checkin.findFirst({ where: { groupId, status: 'open' } });
        if (open) {
          throw new LederrumError('CHECKIN_ALREADY_OPEN', 'error.checkin_already_open', { params: { sequence: open.sequence } });
        }
        const last = await tx.checkin.aggregate({ where: { groupId }, _max: { sequence: true } });
        return tx.checkin.create({
          data: {
            groupId,
            sequence: (last._max.sequence ?? 0) + 1,
            status: 'open',
            openedAt: at,
            rounds: { create: { kind: 'since_last', status: 'open', openedAt: at } },
          },
          include: { rounds: true },
        });
      });
      return toCheckin(row);
    },

    async openTakeAwayRound(checkinId, at) {
      const row = await prisma.$transaction(async (tx) => {
        await lockOpenCheckin(tx, checkinId);
        if (await tx.round.count({ where: { checkinId, kind: 'take_away' } })) {
          throw new LederrumError('ROUND_NOT_OPEN', 'error.take_away_already_open');
        }
        await tx.round.updateMany({ where: { checkinId, status: 'open' }, data: { status: 'closed', closedAt: at } });
        return tx.round.create({ data: { checkinId, kind: 'take_away', status: 'open', openedAt: at } });
      });
      return toRound(row);
    },

    async closeCheckin(checkinId, at, attendanceOf) {
      return prisma.$transaction(async (tx) => {
        await lockOpenCheckin(tx, checkinId);
        // Rounds are locked too, so no answer can land between reading the answers and closing.
        await tx.$queryRaw`SELECT id FROM "Round" WHERE "checkinId" = ${checkinId} FOR UPDATE`;
        const rows = await tx.answer.findMany({
          where: { round: { checkinId } },
          include: { round: { select: { kind: true } } },
          orderBy: { createdAt: 'asc' },
        });
        const answers = rows.map(withKind);
        const attendance = attendanceOf(answers);
        await tx.round.updateMany({ where: { checkinId, status: 'open' }, data: { status: 'closed', closedAt: at } });
        await tx.checkin.update({ where: { id: checkinId }, data: { status: 'closed', closedAt: at } });
        await tx.attendance.createMany({
          data: attendance.map((mark) => ({ checkinId, userId: mark.personId, present: mark.present })),
        });
        return { answers, attendance };
      });
    },

    async roundContext(roundId, answerOf) {
      const found = await roundInContext(prisma, roundId, answerOf ?? null);
      if (!found) return null;
      const { answer, ...context } = found;
      // The one person's own answer, read with the round: whoever asks about it needs it next.
      return answerOf === undefined ? context : { ...context, answer };
    },

    async setRoundMessage(roundId, messageRef) {
      await prisma.round.update({ where: { id: roundId }, data: { messageRef } });
    },

    async saveAnswer({ roundId, personId, text, passed, shared, at }) {
      return prisma.$transaction(async (tx) => {
        const [round] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM "Round" WHERE id = ${roundId} FOR UPDATE`;
        if (!round) throw new LederrumError('NOT_FOUND', 'error.not_found');
        if (round.status !== 'open') throw new LederrumError('ROUND_CLOSED', 'error.round_closed', { params: { title: '' } });
        const existing = await tx.answer.findUnique({ where: { roundId_userId: { roundId, userId: personId } } });
        // Under the round's lock, so two copies of one submission cannot both count as a change.
        if (existing && existing.text === text && existing.passed === passed && existing.shared === shared) {
          return { answer: toAnswer(existing), created: false, changed: false };
        }
        const row = existing
          ? await tx.answer.update({ where: { id: existing.id }, data: { text, passed, shared, updatedAt: at } })
          : await tx.answer.create({ data: { roundId, userId: personId, text, passed, shared, createdAt: at, updatedAt: at } });
        return { answer: toAnswer(row), created: !existing, changed: true };
      });
    },

    async setAnswerReply(answerId, replyRef) {
      await prisma.answer.update({ where: { id: answerId }, data: { replyRef } });
    },

    async roundResponses(roundId) {
      // Only who and whether they passed: the text is not even read.
      const rows = await prisma.answer.findMany({ where: { roundId }, select: { userId: true, passed: true } });
      return rows.map((row) => ({ personId: row.userId, passed: row.passed }));
    },

    async claimRoundNudge(roundId, at) {
      const { count } = await prisma.round.updateMany({ where: { id: roundId, status: 'open', nudgedAt: null }, data: { nudgedAt: at } });
      return count === 1;
    },

    async lastTakeaway(groupId, personId, beforeSequence) {
      // The last closing round this person answered; if they passed there, they took nothing along.
      const row = await prisma.answer.findFirst({
        where: {
          userId: personId,
          round: { kind: 'take_away', checkin: { groupId, status: 'closed', sequence: { lt: beforeSequence } } },
        },
        orderBy: { round: { checkin: { sequence: 'desc' } } },
      });
      return row && !row.passed ? row.text : null;
    },

    async attendanceHistory(groupId, lastN) {
      const recent = await prisma.checkin.findMany({
        where: { groupId, status: 'closed' },
        orderBy: { sequence: 'desc' },
        take: lastN,
        select: { id: true, sequence: true, attendances: { orderBy: { userId: 'asc' } } },
      });
      return historyOf(recent);
    },

    async checkinTurnout(groupId, lastN) {
      // Only who was there and whether each answer was a pass is read: never an answer's text.
      const recent = await prisma.checkin.findMany({
        where: { groupId, status: 'closed' },
        orderBy: { sequence: 'desc' },
        take: lastN,
        select: { sequence: true, openedAt: true, attendances: { select: { userId: true, present: true } }, rounds: { select: { answers: { select: { userId: true, passed: true } } } } },
      });
      return recent.reverse().map(({ sequence, openedAt, attendances, rounds }) => {
        const spoke = new Set(rounds.flatMap((r) => r.answers.filter((a) => !a.passed).map((a) => a.userId)));
        const present = attendances.filter((a) => a.present);
        const answered = present.filter((a) => spoke.has(a.userId)).length;
        return { sequence, openedAt, answered, passed: present.length - answered, absent: attendances.length - present.length };
      });
    },
  };
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Locks the check-in row; a check-in closed meanwhile (a double click on "close") is refused. */
async function lockOpenCheckin(tx: Tx, checkinId: string): Promise<void> {
  const [checkin] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM "Checkin" WHERE id = ${checkinId} FOR UPDATE`;
  if (checkin?.status !== 'open') throw new LederrumError('NO_OPEN_CHECKIN', 'error.no_open_checkin');
}

function withKind(row: Parameters<typeof toAnswer>[0] & { round: { kind: RoundKind } }) {
  return { ...toAnswer(row), kind: row.round.kind };
}
