// A person's overview in one statement (issue 18): every group with its members, its open round
// and its next planned opening, the person's last takeaways and the agreements they may see.
// Hand-written because the planned opening lives in the scheduler's table, which Prisma's
// relations do not reach, because each member is read as three values, not built into a JSON
// object of every column, and because every further statement costs the overview CPU (Prisma's
// and PGlite's own work per statement, whatever it returns).
import type { OverviewGroup, OverviewStore } from '../core/people/overview-model.ts';
import type { TakeawayNote } from '../core/checkins/model.ts';
import type { Agreement } from '../core/agreements/model.ts';
import type { GroupRole, RoundKind, Status } from '../core/model/domain.ts';
import type { Platform } from './generated/enums.ts';
import type { PrismaClient } from './generated/client.ts';
import { membersInOrder, toGroup } from './mapping.ts';
import { byRunningFirst } from './agreements.ts';

/** A timestamp inside JSON: milliseconds since 1970 (a JSON text would lose that it is UTC). */
type Millis = number;

/** One row per group, or one row of nulls for a person in none; `extra` on the first row only. */
interface OverviewRow extends Omit<GroupRow, 'id'> {
  extra: { takeaways: TakeawayJson[]; agreements: AgreementJson[] } | null;
  id: string | null;
}

interface GroupRow {
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

type TakeawayJson = [groupName: string, sequence: number, text: string, shared: boolean, at: Millis];

interface AgreementJson extends Omit<Agreement, 'quietSince' | 'createdAt' | 'updatedAt'> {
  quietSince: Millis | null;
  createdAt: Millis;
  updatedAt: Millis;
}

const toTakeaway = ([groupName, sequence, text, shared, at]: TakeawayJson): TakeawayNote => ({ groupName, sequence, text, shared, at: new Date(at) });

const toAgreement = (json: AgreementJson): Agreement => ({
  ...json,
  quietSince: json.quietSince === null ? null : new Date(json.quietSince),
  createdAt: new Date(json.createdAt),
  updatedAt: new Date(json.updatedAt),
});

export function overview(prisma: PrismaClient): OverviewStore {
  return {
    async overview(personId, { historyWindow, takeaways }) {
      // Groups: the open round: at most one check-in is open, and in it one round (the since-last
      // round until the take-away round replaces it); LIMIT 1 keeps one row per group whatever the
      // data. Of the person's answer only that it exists: never a text. The opening's next time is
      // the scheduler's own (every other week counted from its anchor), of a running plan only. The
      // attendance of the last closed check-ins only where the person facilitates, and only of the
      // last few: each group's check-ins come off its (group, sequence) index, newest first.
      // Takeaways: the person's own words from closed check-ins of any group, never a pass.
      // Agreements: the person's own and the group-visible ones of their active groups, as
      // `agreementsFor` reads them. Those two are built once and sent on the first row only.
      const rows = await prisma.$queryRaw<OverviewRow[]>`
        SELECT CASE WHEN g."position" IS NULL OR g."position" = 1 THEN json_build_object(
            'takeaways', (
              SELECT COALESCE(json_agg(json_build_array(t."groupName", t."sequence", t."text", t."shared", t."at") ORDER BY t."n"), '[]'::json)
              FROM (
                SELECT g."name" AS "groupName", c."sequence", a."text", a."shared",
                  (extract(epoch FROM COALESCE(c."closedAt", a."updatedAt")) * 1000)::bigint AS "at",
                  row_number() OVER (ORDER BY c."closedAt" DESC NULLS LAST, a."id") AS "n"
                FROM "Answer" a
                JOIN "Round" r ON r."id" = a."roundId" AND r."kind" = 'take_away'
                JOIN "Checkin" c ON c."id" = r."checkinId" AND c."status" = 'closed'
                JOIN "Group" g ON g."id" = c."groupId"
                WHERE a."userId" = ${personId} AND a."passed" = false AND a."text" IS NOT NULL
                ORDER BY c."closedAt" DESC NULLS LAST, a."id"
                LIMIT ${takeaways}
              ) t),
            'agreements', (
              SELECT COALESCE(json_agg(json_build_object(
                  'id', a."id", 'kind', a."kind", 'text', a."text", 'groupId', a."groupId", 'ownerId', a."ownerId",
                  'visibility', a."visibility", 'status', a."status", 'followUpDate', a."followUpDate",
                  'repeatWeeks', a."repeatWeeks", 'expectedEffort', a."expectedEffort", 'expectedBenefit', a."expectedBenefit",
                  'source', a."source", 'sourceRef', a."sourceRef", 'messageRef', a."messageRef", 'decision', a."decision",
                  'quietSince', (extract(epoch FROM a."quietSince") * 1000)::bigint,
                  'createdAt', (extract(epoch FROM a."createdAt") * 1000)::bigint,
                  'updatedAt', (extract(epoch FROM a."updatedAt") * 1000)::bigint
                ) ORDER BY a."followUpDate" ASC NULLS LAST, a."createdAt" ASC, a."id"), '[]'::json)
              FROM "Agreement" a
              WHERE a."ownerId" = ${personId}
                 OR (a."visibility" = 'group' AND a."groupId" IN (
                      SELECT "groupId" FROM "Membership" WHERE "userId" = ${personId} AND "leftAt" IS NULL))
            )) END AS "extra",
          g.*
        FROM (SELECT 1) AS one
        LEFT JOIN (
          SELECT g."id", g."platform"::text AS "platform", g."workspace", g."conversationId", g."name", g."language",
            g."timeZone", g."danishHolidays", g."skipDays", g."nextTheme", g."createdAt",
            row_number() OVER (ORDER BY g."name", g."id") AS "position",
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
        ) g ON true
        ORDER BY g."position"`;
      const extra = rows[0]?.extra ?? { takeaways: [], agreements: [] };
      return {
        groups: rows.filter((row): row is OverviewRow & GroupRow => row.id !== null).map(toOverviewGroup),
        takeaways: extra.takeaways.map(toTakeaway),
        agreements: extra.agreements.map(toAgreement).sort(byRunningFirst),
      };
    },
  };
}

function toOverviewGroup(row: GroupRow): OverviewGroup {
  return {
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
  };
}
