// The bot's posts that carry a person's words or name (PersonPost), and what re-rendering a
// check-in summary without someone needs.
import type { ForgetStore } from '../core/people/forget-model.ts';
import type { PrismaClient } from './generated/client.ts';
import { toAnswer, toGroup } from './mapping.ts';

type PersonPosts = Pick<ForgetStore, 'recordPersonPost' | 'personPosts' | 'checkinSummarySource'>;

export function personPosts(prisma: PrismaClient): PersonPosts {
  return {
    async recordPersonPost(post) {
      const { personId, ...rest } = post;
      await prisma.personPost.createMany({ data: [{ userId: personId, ...rest }], skipDuplicates: true });
    },
    async personPosts(personId) {
      const rows = await prisma.personPost.findMany({ where: { userId: personId }, orderBy: { postedAt: 'asc' } });
      const recorded = rows.map(({ userId, platform, kind, id: _id, ...rest }) => ({ personId: userId, platform, kind, ...rest }));
      // Answers posted before posts were recorded still know their reply in the thread.
      const known = new Set(recorded.map((post) => post.messageRef));
      const answers = await prisma.answer.findMany({ where: { userId: personId, replyRef: { not: null } }, include: { round: { include: { checkin: { include: { group: true } } } } } });
      const older = answers
        .filter((a) => !known.has(a.replyRef!))
        .map((a) => ({
          personId,
          platform: a.round.checkin.group.platform,
          conversationId: a.round.checkin.group.conversationId,
          messageRef: a.replyRef!,
          kind: 'answer' as const,
          subjectId: a.id,
          postedAt: a.createdAt,
        }));
      return [...recorded, ...older];
    },
    async checkinSummarySource(checkinId) {
      const checkin = await prisma.checkin.findUnique({
        where: { id: checkinId },
        include: { group: true, attendances: true, rounds: { include: { answers: true } } },
      });
      if (checkin?.status !== 'closed') return null;
      return {
        group: toGroup(checkin.group),
        sequence: checkin.sequence,
        answers: checkin.rounds.flatMap((round) => round.answers.map((a) => ({ ...toAnswer(a), kind: round.kind }))),
        attendance: checkin.attendances.map((mark) => ({ personId: mark.userId, present: mark.present })),
      };
    },
  };
}
