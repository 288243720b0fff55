// The two reads nearly every button press makes, hand-written (issue 18): who pressed, with their
// membership of the conversation's group, and the round a button names, with its check-in, group
// and the presser's own answer. Through Prisma's relations each cost about 400 µs of CPU on PGlite
// (the query built, its nested JSON built by the database and unpacked again); as plain joins of
// the columns the domain uses, under 200 µs, mapping included (both measured in one process, warm).
// Every column is named (enums as text), never `*`.
import type { Answer, Checkin, Group, Round } from '../core/model/domain.ts';
import type { Platform } from './generated/enums.ts';
import type { PrismaClient, User as UserRow } from './generated/client.ts';
import { toAnswer, toCheckin, toGroup, toRound } from './mapping.ts';

/** A group's columns, each prefixed `g_` beside another table's. */
interface GroupColumns {
  g_id: string | null;
  g_platform: Platform;
  g_workspace: string;
  g_conversationId: string;
  g_name: string;
  g_language: string;
  g_timeZone: string;
  g_danishHolidays: boolean;
  g_skipDays: string;
  g_nextTheme: string | null;
  g_createdAt: Date;
}

const groupOf = (row: GroupColumns): Group | null =>
  row.g_id === null
    ? null
    : toGroup({
        id: row.g_id,
        platform: row.g_platform,
        workspace: row.g_workspace,
        conversationId: row.g_conversationId,
        name: row.g_name,
        language: row.g_language,
        timeZone: row.g_timeZone,
        danishHolidays: row.g_danishHolidays,
        skipDays: row.g_skipDays,
        nextTheme: row.g_nextTheme,
        createdAt: row.g_createdAt,
      });

type PersonAtRow = (UserRow | { [K in keyof UserRow]: null }) & GroupColumns & { member: boolean };

/**
 * The person an actor is (null: never seen), the group whose conversation it is (null: none), and
 * whether they are an active member of it: one statement, whether or not they are a member.
 */
export async function personInConversation(
  prisma: PrismaClient,
  platform: Platform,
  externalId: string,
  conversationId: string,
): Promise<{ existing: UserRow | null; group: Group | null; member: boolean }> {
  const [row] = await prisma.$queryRaw<PersonAtRow[]>`
    SELECT u."id", u."platform"::text AS "platform", u."workspace", u."externalId", u."displayName", u."fullName",
      u."locale", u."timeZone", u."localeChosen", u."timeZoneChosen", u."nudgeLevel"::text AS "nudgeLevel",
      u."workStart", u."workEnd", u."workDays", u."pausedUntil", u."welcomed", u."createdAt",
      g."id" AS "g_id", g."platform"::text AS "g_platform", g."workspace" AS "g_workspace", g."conversationId" AS "g_conversationId",
      g."name" AS "g_name", g."language" AS "g_language", g."timeZone" AS "g_timeZone", g."danishHolidays" AS "g_danishHolidays",
      g."skipDays" AS "g_skipDays", g."nextTheme" AS "g_nextTheme", g."createdAt" AS "g_createdAt",
      (m."userId" IS NOT NULL AND m."leftAt" IS NULL) AS "member"
    FROM (SELECT 1) AS one
    LEFT JOIN "User" u ON u."platform" = CAST(${platform} AS "Platform") AND u."externalId" = ${externalId}
    LEFT JOIN "Group" g ON g."platform" = CAST(${platform} AS "Platform") AND g."conversationId" = ${conversationId}
    LEFT JOIN "Membership" m ON m."groupId" = g."id" AND m."userId" = u."id"`;
  if (!row) return { existing: null, group: null, member: false };
  const { g_id, g_platform, g_workspace, g_conversationId, g_name, g_language, g_timeZone, g_danishHolidays, g_skipDays, g_nextTheme, g_createdAt, member, ...user } = row;
  return { existing: user.id === null ? null : (user as UserRow), group: groupOf(row), member };
}

/** One row per round of the asked round's check-in (`r_`), with the check-in (`c_`), group and answer (`a_`). */
interface RoundContextRow extends GroupColumns {
  asked: string;
  c_id: string;
  c_groupId: string;
  c_sequence: number;
  c_status: Checkin['status'];
  c_openedAt: Date;
  c_closedAt: Date | null;
  c_theme: string | null;
  r_id: string;
  r_checkinId: string;
  r_kind: Round['kind'];
  r_status: Round['status'];
  r_openedAt: Date;
  r_closedAt: Date | null;
  r_messageRef: string | null;
  r_nudgedAt: Date | null;
  a_id: string | null;
  a_text: string | null;
  a_passed: boolean;
  a_shared: boolean;
  a_replyRef: string | null;
  a_createdAt: Date;
  a_updatedAt: Date;
}

/** A round with its check-in (both rounds) and group, and, when `answerOf` is given, that person's own answer to it. */
export async function roundInContext(prisma: PrismaClient, roundId: string, answerOf: string | null): Promise<{ round: Round; checkin: Checkin; group: Group; answer: Answer | null } | null> {
  const rows = await prisma.$queryRaw<RoundContextRow[]>`
    SELECT asked."id" AS "asked",
      c."id" AS "c_id", c."groupId" AS "c_groupId", c."sequence" AS "c_sequence", c."status"::text AS "c_status",
      c."openedAt" AS "c_openedAt", c."closedAt" AS "c_closedAt", c."theme" AS "c_theme",
      g."id" AS "g_id", g."platform"::text AS "g_platform", g."workspace" AS "g_workspace", g."conversationId" AS "g_conversationId",
      g."name" AS "g_name", g."language" AS "g_language", g."timeZone" AS "g_timeZone", g."danishHolidays" AS "g_danishHolidays",
      g."skipDays" AS "g_skipDays", g."nextTheme" AS "g_nextTheme", g."createdAt" AS "g_createdAt",
      r."id" AS "r_id", r."checkinId" AS "r_checkinId", r."kind"::text AS "r_kind", r."status"::text AS "r_status",
      r."openedAt" AS "r_openedAt", r."closedAt" AS "r_closedAt", r."messageRef" AS "r_messageRef", r."nudgedAt" AS "r_nudgedAt",
      a."id" AS "a_id", a."text" AS "a_text", a."passed" AS "a_passed", a."shared" AS "a_shared", a."replyRef" AS "a_replyRef",
      a."createdAt" AS "a_createdAt", a."updatedAt" AS "a_updatedAt"
    FROM "Round" asked
    JOIN "Checkin" c ON c."id" = asked."checkinId"
    JOIN "Group" g ON g."id" = c."groupId"
    JOIN "Round" r ON r."checkinId" = c."id"
    LEFT JOIN "Answer" a ON a."roundId" = asked."id" AND a."userId" = ${answerOf}
    WHERE asked."id" = ${roundId}`;
  const [first] = rows;
  if (!first) return null;
  const rounds = rows.map((row) => ({
    id: row.r_id,
    checkinId: row.r_checkinId,
    kind: row.r_kind,
    status: row.r_status,
    openedAt: row.r_openedAt,
    closedAt: row.r_closedAt,
    messageRef: row.r_messageRef,
    nudgedAt: row.r_nudgedAt,
  }));
  const checkin = toCheckin({
    id: first.c_id,
    groupId: first.c_groupId,
    sequence: first.c_sequence,
    status: first.c_status,
    openedAt: first.c_openedAt,
    closedAt: first.c_closedAt,
    theme: first.c_theme,
    rounds,
  });
  const round = toRound(rounds.find((r) => r.id === first.asked)!);
  const answer =
    answerOf !== null && first.a_id !== null
      ? toAnswer({
          id: first.a_id,
          roundId,
          userId: answerOf,
          text: first.a_text,
          passed: first.a_passed,
          shared: first.a_shared,
          replyRef: first.a_replyRef,
          createdAt: first.a_createdAt,
          updatedAt: first.a_updatedAt,
        })
      : null;
  return { round, checkin, group: groupOf(first)!, answer };
}
