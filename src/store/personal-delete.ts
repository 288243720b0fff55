// Deletes what the personal-data register lists about a person (issue 15, point 2): one rule per
// register table, typed PerPersonalTable so a new register entry does not compile until it says
// what deleting a person does with it. The rules run in the order written (the person's own row
// last, so nothing about them goes by a cascade nobody counted), inside one transaction.
import type { ForgetCounts, ForgetStore } from '../core/people/forget-model.ts';
import type { PrismaClient } from './generated/client.ts';
import type { PerPersonalTable } from './personal-data.ts';
import { personPosts } from './person-posts.ts';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Who is being forgotten: their row's id, and the id their platform knows them by. */
export interface Forgotten {
  id: string;
  platform: string;
  externalId: string;
}

type Rule = (tx: Tx, who: Forgotten) => Promise<ForgetCounts>;

const RULES: PerPersonalTable<Rule> = {
  // Jobs planned for the person: nudges ("round:person"), poll reminders ("poll:person"), their
  // weekly prompt (subject = person), anything naming them in its payload, and the follow-ups of
  // their own agreements (which go below). Occurrences cascade with their schedule.
  async Schedule(tx, who) {
    const ownAgreements = await tx.agreement.findMany({ where: { ownerId: who.id, kind: { not: 'group' } }, select: { id: true } });
    const { count } = await tx.schedule.deleteMany({
      where: {
        OR: [
          { subject: who.id },
          { subject: { endsWith: `:${who.id}` } },
          { payload: { path: ['personId'], equals: who.id } },
          { kind: 'agreement.followup', subject: { in: ownAgreements.map((a) => a.id) } },
        ],
      },
    });
    return { schedules: count };
  },
  // Messages still on their way to the person go with them (a deleted person is written to no more).
  async OutboxMessage(tx, who) {
    await tx.outboxMessage.deleteMany({ where: { personId: who.id } });
    return {};
  },
  async OutboxBatch(tx, who) {
    await tx.outboxBatch.updateMany({ where: { reportToId: who.id }, data: { reportToId: null } });
    return {};
  },
  async PersonPost(tx, who) {
    return { posts: (await tx.personPost.deleteMany({ where: { userId: who.id } })).count };
  },
  async Answer(tx, who) {
    return { answers: (await tx.answer.deleteMany({ where: { userId: who.id } })).count };
  },
  async Attendance(tx, who) {
    return { attendance: (await tx.attendance.deleteMany({ where: { userId: who.id } })).count };
  },
  async Membership(tx, who) {
    return { groups: (await tx.membership.deleteMany({ where: { userId: who.id } })).count };
  },
  async WorkspaceRole(tx, who) {
    return { roles: (await tx.workspaceRole.deleteMany({ where: { userId: who.id } })).count };
  },
  async ToolSession(tx, who) {
    return { tool_sessions: (await tx.toolSession.deleteMany({ where: { userId: who.id } })).count };
  },
  // Their own WHO-5 entries (the monthly reminder went with their schedules above).
  async WellbeingEntry(tx, who) {
    return { wellbeing: (await tx.wellbeingEntry.deleteMany({ where: { userId: who.id } })).count };
  },
  // Their own agreements go (follow-ups and history cascade). A group agreement they proposed is
  // the group's: it stays, without their name.
  async Agreement(tx, who) {
    const own = await tx.agreement.deleteMany({ where: { ownerId: who.id, kind: { not: 'group' } } });
    const group = await tx.agreement.updateMany({ where: { ownerId: who.id }, data: { ownerId: null } });
    return { agreements: own.count, group_agreements: group.count };
  },
  // What they did with a group's agreement stays in its history, without their name.
  async AgreementEvent(tx, who) {
    return { agreement_history: (await tx.agreementEvent.updateMany({ where: { actorId: who.id }, data: { actorId: null } })).count };
  },
  // A poll they created as HR stays for the organisation, without their name.
  async Poll(tx, who) {
    return { polls_created: (await tx.poll.updateMany({ where: { createdById: who.id }, data: { createdById: null } })).count };
  },
  // That they were invited goes; their answers were never theirs (nothing links them).
  async PollParticipant(tx, who) {
    return { poll_invitations: (await tx.pollParticipant.deleteMany({ where: { userId: who.id } })).count };
  },
  async TeamsConversation(tx, who) {
    if (who.platform !== 'teams') return {};
    return { chat: (await tx.teamsConversation.deleteMany({ where: { memberExternalId: who.externalId } })).count };
  },
  // The playground's chat history: what they wrote, what only they were shown, their direct chat.
  async PlaygroundMessage(tx, who) {
    if (who.platform !== 'playground') return {};
    const { count } = await tx.playgroundMessage.deleteMany({
      where: { OR: [{ author: who.externalId }, { visibleTo: who.externalId }, { conversationId: `D-${who.externalId}` }] },
    });
    return { chat: count };
  },
  async PlaygroundConversation(tx, who) {
    if (who.platform !== 'playground') return {};
    await tx.$executeRawUnsafe(`UPDATE "PlaygroundConversation" SET "members" = array_remove("members", $1) WHERE $1 = ANY("members")`, who.externalId);
    return {};
  },
  // The profile alone is recreated from the platform at the next message; settings the person
  // chose (language, time zone, reminders, a pause) are theirs, and count as something to delete.
  async User(tx, who) {
    const chosen = await tx.user.count({
      where: {
        id: who.id,
        OR: [
          { localeChosen: true },
          { timeZoneChosen: true },
          { nudgeLevel: { not: 'normal' } },
          { workStart: { not: '08:00' } },
          { workEnd: { not: '17:00' } },
          { workDays: { not: '1,2,3,4,5' } },
          { pausedUntil: { not: null } },
        ],
      },
    });
    return { profile: (await tx.user.deleteMany({ where: { id: who.id } })).count, settings: chosen };
  },
};

/**
 * Deletes one person's rows inside the caller's transaction, by the register's rules, and counts
 * what it did. For one person's "delete my data" and for whole-workspace removal alike.
 */
export async function deletePersonRows(tx: Tx, who: Forgotten): Promise<ForgetCounts> {
  const counts: ForgetCounts = {};
  for (const rule of Object.values(RULES)) {
    for (const [kind, n] of Object.entries(await rule(tx, who)) as Array<[keyof ForgetCounts, number]>) {
      counts[kind] = (counts[kind] ?? 0) + n;
    }
  }
  return counts;
}

/** Thrown to roll a preview back: the counts travel out with it. */
class Preview {
  constructor(readonly counts: ForgetCounts) {}
}

export function personalDelete(prisma: PrismaClient): ForgetStore {
  const forget = async (personId: string, keep: boolean): Promise<ForgetCounts> => {
    try {
      return await prisma.$transaction(async (tx) => {
        // FOR UPDATE: two confirmations at once delete once; the second finds nobody.
        const rows = await tx.$queryRawUnsafe<Forgotten[]>(`SELECT "id", "platform", "externalId" FROM "User" WHERE "id" = $1 FOR UPDATE`, personId);
        const counts = rows[0] ? await deletePersonRows(tx, rows[0]) : {};
        if (!keep) throw new Preview(counts);
        return counts;
      });
    } catch (error) {
      if (error instanceof Preview) return error.counts;
      throw error;
    }
  };
  return {
    ...personPosts(prisma),
    // The preview runs the very deletion and rolls it back, so what the person is told will go is
    // what goes, rule for rule.
    forgetPreview: (personId) => forget(personId, false),
    forgetPerson: (personId) => forget(personId, true),
  };
}

/** Deletes everything Lederrum keeps about a person, then the person, in one transaction (the playground's "Fjern"). */
export async function deletePerson(prisma: PrismaClient, personId: string): Promise<void> {
  await personalDelete(prisma).forgetPerson(personId);
}
