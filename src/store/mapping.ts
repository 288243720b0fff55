// Rows → core domain types. Fixed sets of values are enums in the database (prisma/schema.prisma),
// so they arrive as the core's unions; languages are text (content decides them) and checked here.
import { storedWorkspace, type Answer, type Checkin, type Group, type GroupRole, type Language, type Member, type Membership, type Person, type Round } from '../core/model/domain.ts';
import type * as Rows from './generated/client.ts';

const asLanguage = (value: string | null): Language | null => (value === 'da' || value === 'en' ? value : null);

export function toPerson(row: Rows.User): Person {
  return {
    id: row.id,
    platform: row.platform,
    workspace: storedWorkspace(row.workspace),
    externalId: row.externalId,
    displayName: row.displayName,
    fullName: row.fullName,
    locale: asLanguage(row.locale),
    timeZone: row.timeZone,
    nudges: {
      level: row.nudgeLevel,
      workStart: row.workStart,
      workEnd: row.workEnd,
      workDays: row.workDays.split(',').filter(Boolean).map(Number),
      pausedUntil: row.pausedUntil,
    },
  };
}

export function toGroup(row: Rows.Group): Group {
  return {
    id: row.id,
    platform: row.platform,
    workspace: storedWorkspace(row.workspace),
    conversationId: row.conversationId,
    name: row.name,
    language: asLanguage(row.language) ?? 'da',
    timeZone: row.timeZone,
    danishHolidays: row.danishHolidays,
    skipDays: row.skipDays.split(',').filter(Boolean),
    nextTheme: row.nextTheme,
  };
}

export function toMembership(row: Rows.Membership & { user: Rows.User }): Membership {
  return { groupId: row.groupId, person: toPerson(row.user), role: row.role === 'facilitator' ? 'facilitator' : 'member', joinedAt: row.joinedAt, leftAt: row.leftAt };
}

const rank = (role: GroupRole) => (role === 'facilitator' ? 0 : 1);

/** A group's members as every list shows them: facilitators first, then by name. */
export function membersInOrder<M extends Member>(memberships: M[]): M[] {
  return memberships.sort((a, b) => rank(a.role) - rank(b.role) || a.person.displayName.localeCompare(b.person.displayName));
}

export function toRound(row: Rows.Round): Round {
  return {
    id: row.id,
    checkinId: row.checkinId,
    kind: row.kind,
    status: row.status,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    messageRef: row.messageRef,
    nudgedAt: row.nudgedAt,
  };
}

export function toCheckin(row: Rows.Checkin & { rounds: Rows.Round[] }): Checkin {
  return {
    id: row.id,
    groupId: row.groupId,
    sequence: row.sequence,
    status: row.status,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    rounds: row.rounds.map(toRound).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'since_last' ? -1 : 1)),
    theme: row.theme,
  };
}

export function toAnswer(row: Rows.Answer): Answer {
  return {
    id: row.id,
    roundId: row.roundId,
    personId: row.userId,
    text: row.text,
    passed: row.passed,
    shared: row.shared,
    replyRef: row.replyRef,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
