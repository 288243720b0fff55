// People, groups and memberships on Prisma.
import { LederrumError } from '../core/errors.ts';
import type { Membership, Person } from '../core/model/domain.ts';
import type { Actor } from '../core/model/events.ts';
import type { PeopleStore } from '../core/people/model.ts';
import type { GroupStore } from '../core/groups/model.ts';
import { Prisma, type PrismaClient, type User as UserRow } from './generated/client.ts';
import { membersInOrder, toGroup, toMembership, toPerson } from './mapping.ts';
import { personInConversation } from './hot-reads.ts';

export function peopleAndGroups(prisma: PrismaClient): PeopleStore & GroupStore {
  /** Current members of each group (facilitators first, then by name), in one read. */
  const membershipsOf = async (groupIds: string[]) => {
    const byGroup = new Map<string, Membership[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return byGroup;
    const rows = await prisma.membership.findMany({ where: { groupId: { in: groupIds }, leftAt: null }, include: { user: true } });
    for (const row of rows) byGroup.get(row.groupId)?.push(toMembership(row));
    for (const list of byGroup.values()) membersInOrder(list);
    return byGroup;
  };
  /**
   * The person as the platform now shows them. Name and profile are refreshed on every event;
   * absent fields are kept, and so is a language or time zone the person chose themselves.
   * `existing`: the row as already read (undefined: read it here; null: there is none).
   */
  const refreshed = async (actor: Actor, existing: UserRow | null | undefined): Promise<Person> => {
    const where = { platform_externalId: { platform: actor.platform, externalId: actor.externalId } };
    if (existing === undefined) existing = await prisma.user.findUnique({ where });
    // A person stays in the workspace they were first seen in; only one the migration could not
    // place ("…:unknown") is moved to the workspace the platform now names.
    const moved = existing && existing.workspace !== actor.workspace && existing.workspace.endsWith(':unknown');
    const profile = {
      displayName: actor.displayName,
      ...(moved ? { workspace: actor.workspace } : {}),
      ...(actor.fullName ? { fullName: actor.fullName } : {}),
      ...(actor.locale && !existing?.localeChosen ? { locale: actor.locale } : {}),
      ...(actor.timeZone && !existing?.timeZoneChosen ? { timeZone: actor.timeZone } : {}),
    };
    const same = (field: 'fullName' | 'locale' | 'timeZone') => (profile[field] ?? existing?.[field]) === existing?.[field];
    if (existing && !moved && existing.displayName === profile.displayName && same('fullName') && same('locale') && same('timeZone')) {
      return toPerson(existing);
    }
    const row = await prisma.user.upsert({
      where,
      create: { platform: actor.platform, workspace: actor.workspace, externalId: actor.externalId, ...profile },
      update: profile,
    });
    return toPerson(row);
  };
  return {
    upsertPerson: (actor) => refreshed(actor, undefined),

    async personAt(actor, conversationId) {
      if (conversationId === null) return { person: await refreshed(actor, undefined), group: null, member: false };
      // The person with the conversation's group and their membership of it, in one read.
      const { existing, group, member } = await personInConversation(prisma, actor.platform, actor.externalId, conversationId);
      return { person: await refreshed(actor, existing), group, member };
    },

    async setPreferences(personId, { locale, timeZone }) {
      const row = await prisma.user.update({
        where: { id: personId },
        data: {
          ...(locale === undefined ? {} : locale === null ? { localeChosen: false } : { locale, localeChosen: true }),
          ...(timeZone === undefined ? {} : timeZone === null ? { timeZoneChosen: false } : { timeZone, timeZoneChosen: true }),
        },
      });
      return toPerson(row);
    },

    async markWelcomed(personId) {
      // One conditional update: of two replicas seeing the chat opened at once, only one finds it false.
      const { count } = await prisma.user.updateMany({ where: { id: personId, welcomed: false }, data: { welcomed: true } });
      return count === 1;
    },

    async setNudgePreferences(personId, nudges) {
      const row = await prisma.user.update({
        where: { id: personId },
        data: {
          ...(nudges.level ? { nudgeLevel: nudges.level } : {}),
          ...(nudges.workStart ? { workStart: nudges.workStart } : {}),
          ...(nudges.workEnd ? { workEnd: nudges.workEnd } : {}),
          ...(nudges.workDays ? { workDays: nudges.workDays.join(',') } : {}),
          ...(nudges.pausedUntil !== undefined ? { pausedUntil: nudges.pausedUntil } : {}),
        },
      });
      return toPerson(row);
    },

    async setSkipDays(groupId, skip) {
      const row = await prisma.group.update({
        where: { id: groupId },
        data: {
          ...(skip.danishHolidays !== undefined ? { danishHolidays: skip.danishHolidays } : {}),
          ...(skip.skipDays ? { skipDays: skip.skipDays.join(',') } : {}),
        },
      });
      return toGroup(row);
    },

    async group(groupId) {
      const row = await prisma.group.findUnique({ where: { id: groupId } });
      return row ? toGroup(row) : null;
    },

    async listPeople(workspace) {
      const rows = await prisma.user.findMany({ where: { workspace }, orderBy: { displayName: 'asc' } });
      return rows.map(toPerson);
    },

    async people(ids) {
      if (ids.length === 0) return [];
      const rows = await prisma.user.findMany({ where: { id: { in: ids } } });
      return rows.map(toPerson);
    },

    async findGroupByConversation(platform, conversationId) {
      const row = await prisma.group.findUnique({ where: { platform_conversationId: { platform, conversationId } } });
      return row ? toGroup(row) : null;
    },

    async createGroup(input) {
      const where = { platform_conversationId: { platform: input.platform, conversationId: input.conversationId } };
      const existing = await prisma.group.findUnique({ where });
      if (existing) throw new LederrumError('GROUP_EXISTS', 'error.group_exists', { params: { name: existing.name } });
      try {
        const row = await prisma.group.create({
          data: {
            platform: input.platform,
            workspace: input.workspace,
            conversationId: input.conversationId,
            name: input.name,
            language: input.language,
            timeZone: input.timeZone,
            memberships: {
              create: [{ userId: input.facilitatorId, role: 'facilitator' }, ...input.memberIds.filter((id) => id !== input.facilitatorId).map((userId) => ({ userId, role: 'member' as const }))],
            },
          },
        });
        return toGroup(row);
      } catch (error) {
        // Two creates racing past the check above: the unique (platform, conversationId) index
        // refuses the second one; report that as GROUP_EXISTS, not as a raw database error.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') throw error;
        const winner = await prisma.group.findUnique({ where });
        if (!winner) throw error;
        throw new LederrumError('GROUP_EXISTS', 'error.group_exists', { params: { name: winner.name }, cause: error });
      }
    },

    async groupsOf(personId) {
      const rows = await prisma.group.findMany({
        where: { memberships: { some: { userId: personId, leftAt: null } } },
        orderBy: { name: 'asc' },
      });
      return rows.map(toGroup);
    },

    async memberships(groupId) {
      return (await membershipsOf([groupId])).get(groupId) ?? [];
    },

    async isMember(groupId, personId) {
      const row = await prisma.membership.findUnique({ where: { groupId_userId: { groupId, userId: personId } }, select: { leftAt: true } });
      return row !== null && row.leftAt === null;
    },

    membershipsOf,

    async addMembers(groupId, personIds, role, at) {
      await prisma.$transaction(
        personIds.map((userId) =>
          prisma.membership.upsert({
            where: { groupId_userId: { groupId, userId } },
            create: { groupId, userId, role, joinedAt: at },
            // Re-joining keeps an earlier role (a returning facilitator stays facilitator).
            update: { leftAt: null },
          }),
        ),
      );
    },

    async removeMembers(groupId, personIds, at) {
      await prisma.$transaction(async (tx) => {
        await tx.membership.updateMany({ where: { groupId, userId: { in: personIds }, leftAt: null }, data: { leftAt: at } });
        const facilitators = await tx.membership.count({ where: { groupId, leftAt: null, role: 'facilitator' } });
        if (facilitators === 0) throw new LederrumError('LAST_FACILITATOR', 'error.last_facilitator');
      });
    },

    async groupsOn(workspace) {
      const rows = await prisma.group.findMany({ where: { workspace }, orderBy: { name: 'asc' } });
      return rows.map(toGroup);
    },
  };
}
