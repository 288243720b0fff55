// A person's groups as their overview shows them, on Prisma: every group with its members and
// open round in one statement, the relations joined in the database (relationJoins), instead of
// one statement per table (issue 18).
import type { OverviewStore } from '../core/people/overview-model.ts';
import type { PrismaClient } from './generated/client.ts';
import { membersInOrder, toGroup, toMembership, toRound } from './mapping.ts';

export function overview(prisma: PrismaClient): OverviewStore {
  return {
    async overviewGroups(personId) {
      const rows = await prisma.group.findMany({
        where: { memberships: { some: { userId: personId, leftAt: null } } },
        orderBy: { name: 'asc' },
        include: {
          memberships: { where: { leftAt: null }, include: { user: true } },
          checkins: {
            // Only the open one: a group's closed check-ins are many, and each one included costs the database a join.
            where: { status: 'open' },
            select: {
              sequence: true,
              rounds: {
                where: { status: 'open' },
                // Of the answers only the person's own, and only that it exists: never a text.
                include: { answers: { where: { userId: personId }, select: { id: true } } },
              },
            },
          },
        },
      });
      return rows.map((row) => {
        // At most one check-in is open, and in it one round: the since-last round until the take-away round replaces it.
        const checkin = row.checkins[0];
        const round = checkin?.rounds[0];
        return {
          group: toGroup(row),
          memberships: membersInOrder(row.memberships.map(toMembership)),
          open: checkin && round ? { sequence: checkin.sequence, round: toRound(round), answered: round.answers.length > 0 } : null,
        };
      });
    },
  };
}
