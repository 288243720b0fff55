// How the respondents of a workspace's released polls overlap, for the cross-poll rule of
// src/core/polls/across.ts. Computed in SQL from PollParticipant (who answered, personal data) so
// that only counts leave the database: per pattern of cells a person answered in, how many
// people share it. Never who, never a row per person; answers are not read at all.
import type { PollRegions, RespondentRegion } from '../core/polls/model.ts';
import type { PrismaClient } from './generated/client.ts';

export function pollRegions(prisma: PrismaClient): PollRegions {
  return {
    async respondentRegions(pollId) {
      // A cell is "<poll id>:<group id or empty>"; poll ids are UUIDs, so the first ':' splits it.
      const rows = await prisma.$queryRawUnsafe<Array<{ cells: string[]; n: number }>>(
        `WITH released AS (
           SELECT p.id FROM "Poll" p JOIN "Poll" me ON me.id = $1
            WHERE p.workspace = me.workspace AND (p.status = 'closed' OR p.id = me.id)
         ), pattern AS (
           SELECT array_agg(pp."pollId" || ':' || coalesce(pp."groupId", '') ORDER BY pp."pollId", pp."groupId") AS cells
             FROM "PollParticipant" pp JOIN released r ON r.id = pp."pollId"
            WHERE pp.answered
            GROUP BY pp."userId"
         )
         SELECT cells, count(*)::int AS n FROM pattern GROUP BY cells`,
        pollId,
      );
      return rows.map(
        (row): RespondentRegion => ({
          n: row.n,
          cells: row.cells.map((cell) => {
            const at = cell.indexOf(':');
            const groupId = cell.slice(at + 1);
            return { pollId: cell.slice(0, at), groupId: groupId === '' ? null : groupId };
          }),
        }),
      );
    },
  };
}
