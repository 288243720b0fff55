// A person's groups as their overview shows them: every group with its members, its open round
// and its next planned opening in one statement (issue 18). Hand-written because the planned
// opening lives in the scheduler's table, which Prisma's relations do not reach, and because each
// member is read as three values, not built into a JSON object of every column.
import type { OverviewStore } from '../core/people/overview-model.ts';
import type { GroupRole, RoundKind, Status } from '../core/model/domain.ts';
import type { Platform } from './generated/enums.ts';
import type { PrismaClient } from './generated/client.ts';
import { membersInOrder, toGroup } from './mapping.ts';

interface OverviewRow {
  id: string;
  platform: Platform;
  workspace: string;
  conversationId: string;
  name: string;
  language: string;
  timeZone: string;
  danishHolidays: boolean;
  skipDays: string;
  nextTheme: string | null;
  createdAt: Date;
  /** [person id, display name, role] of each active member. */
  members: Array<[string, string, GroupRole]>;
  sequence: number | null;
  roundId: string | null;
  checkinId: string | null;
  roundKind: RoundKind | null;
  roundStatus: Status | null;
  openedAt: Date | null;
  closedAt: Date | null;
  messageRef: string | null;
  nudgedAt: Date | null;
  answered: boolean;
  nextOpening: Date | null;
  /** Where the person facilitates: [check-in id, sequence, [[person id, present]…]] of the last closed check-ins, oldest first. */
  history: Array<[string, number, Array<[string, boolean]>]> | null;
}

export function overview(prisma: PrismaClient): OverviewStore {
  return {
    async overviewGroups(personId, historyWindow) {
      // The open round: at most one check-in is open, and in it one round (the since-last round
      // until the take-away round replaces it); LIMIT 1 keeps one row per group whatever the data.
      // Of the person's answer only that it exists: never a text. The opening's next time is the
      // scheduler's own (every other week counted from its anchor), of a running plan only. The
      // attendance of the last closed check-ins only where the person facilitates, and only of the
      // last few: each group's check-ins come off its (group, sequence) index, newest first.
      const rows = await prisma.$queryRaw<OverviewRow[]>`
        SELECT g."id", g."platform"::text AS "platform", g."workspace", g."conversationId", g."name", g."language",
          g."timeZone", g."danishHolidays", g."skipDays", g."nextTheme", g."createdAt",
          (SELECT COALESCE(json_agg(json_build_array(u."id", u."displayName", m."role"::text)), '[]'::json)
             FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
            WHERE m."groupId" = g."id" AND m."leftAt" IS NULL) AS "members",
          o."sequence", o."roundId", o."checkinId", o."roundKind", o."roundStatus", o."openedAt", o."closedAt", o."messageRef", o."nudgedAt",
          COALESCE(o."answered", false) AS "answered",
          s."nextAt" AS "nextOpening",
          CASE WHEN mine."role" = 'facilitator' THEN (
            SELECT COALESCE(json_agg(json_build_array(c."id", c."sequence",
                (SELECT COALESCE(json_agg(json_build_array(a."userId", a."present") ORDER BY a."userId"), '[]'::json)
                   FROM "Attendance" a WHERE a."checkinId" = c."id")) ORDER BY c."sequence"), '[]'::json)
            FROM (SELECT "id", "sequence" FROM "Checkin" WHERE "groupId" = g."id" AND "status" = 'closed'
                  ORDER BY "sequence" DESC LIMIT ${historyWindow}) c
          ) END AS "history"
        FROM "Membership" mine
        JOIN "Group" g ON g."id" = mine."groupId"
        LEFT JOIN LATERAL (
          SELECT c."sequence", r."id" AS "roundId", r."checkinId", r."kind"::text AS "roundKind", r."status"::text AS "roundStatus",
            r."openedAt", r."closedAt", r."messageRef", r."nudgedAt",
            EXISTS (SELECT 1 FROM "Answer" a WHERE a."roundId" = r."id" AND a."userId" = ${personId}) AS "answered"
          FROM "Checkin" c JOIN "Round" r ON r."checkinId" = c."id"
          WHERE c."groupId" = g."id" AND c."status" = 'open' AND r."status" = 'open'
          ORDER BY c."sequence" DESC, r."openedAt" DESC LIMIT 1
        ) o ON true
        LEFT JOIN "Schedule" s ON s."kind" = 'checkin.open' AND s."subject" = g."id" AND s."cron" IS NOT NULL
        WHERE mine."userId" = ${personId} AND mine."leftAt" IS NULL
        ORDER BY g."name", g."id"`;
      return rows.map((row) => ({
        group: toGroup(row),
        memberships: membersInOrder(row.members.map(([id, displayName, role]) => ({ person: { id, displayName }, role: role === 'facilitator' ? ('facilitator' as const) : ('member' as const) }))),
        open:
          row.sequence !== null && row.roundId && row.checkinId && row.roundKind && row.roundStatus && row.openedAt
            ? {
                sequence: row.sequence,
                round: {
                  id: row.roundId,
                  checkinId: row.checkinId,
                  kind: row.roundKind,
                  status: row.roundStatus,
                  openedAt: row.openedAt,
                  closedAt: row.closedAt,
                  messageRef: row.messageRef,
                  nudgedAt: row.nudgedAt,
                },
                answered: row.answered,
              }
            : null,
        nextOpening: row.nextOpening,
        history: row.history && {
          checkins: row.history.map(([id, sequence]) => ({ id, sequence })),
          marks: row.history.flatMap(([checkinId, sequence, marks]) => marks.map(([personId, present]) => ({ checkinId, sequence, personId, present }))),
        },
      }));
    },
  };
}
