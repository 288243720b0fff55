// Reads everything the personal-data register lists about a person, for "my data" (issue 15,
// point 1): one reader per register table, typed PerPersonalTable so a new register entry does not
// compile until export says what it does with it. Every read starts from the person's own id and
// stays in their workspace; nothing another person wrote is selected.
import type { ExportAgreement, PersonalExport, PersonalExportStore } from '../core/people/export-model.ts';
import type { PrismaClient } from './generated/client.ts';
import type { PerPersonalTable } from './personal-data.ts';
import type { Tx } from './personal-delete.ts';

type UserRow = NonNullable<Awaited<ReturnType<PrismaClient['user']['findUnique']>>>;
type Reader = (prisma: Tx, who: UserRow) => Promise<Partial<PersonalExport>>;

const NOTHING: Reader = async () => ({});

/** A group seen from the person's workspace, by name; a group of another workspace is not read. */
const inWorkspace = (who: UserRow, group: { workspace: string } | null | undefined) => !group || group.workspace === who.workspace;

export const READERS: PerPersonalTable<Reader> = {
  async User(_prisma, who) {
    return {
      person: {
        platform: who.platform,
        workspace: who.workspace,
        externalId: who.externalId,
        displayName: who.displayName,
        fullName: who.fullName,
        firstSeen: who.createdAt,
        settings: {
          language: who.locale,
          languageChosen: who.localeChosen,
          timeZone: who.timeZone,
          timeZoneChosen: who.timeZoneChosen,
          nudges: { level: who.nudgeLevel, workStart: who.workStart, workEnd: who.workEnd, workDays: who.workDays, pausedUntil: who.pausedUntil },
        },
      },
    };
  },
  async Membership(prisma, who) {
    const rows = await prisma.membership.findMany({ where: { userId: who.id }, include: { group: true }, orderBy: { joinedAt: 'asc' } });
    return { groups: rows.filter((m) => inWorkspace(who, m.group)).map((m) => ({ group: m.group.name, role: m.role, joinedAt: m.joinedAt, leftAt: m.leftAt })) };
  },
  async WorkspaceRole(prisma, who) {
    const rows = await prisma.workspaceRole.findMany({ where: { userId: who.id }, orderBy: { grantedAt: 'asc' } });
    return { workspaceRoles: rows.map((r) => ({ role: r.role, grantedAt: r.grantedAt })) };
  },
  // Their own answers only: the round's other answers are the others' words.
  async Answer(prisma, who) {
    const rows = await prisma.answer.findMany({ where: { userId: who.id }, include: { round: { include: { checkin: { include: { group: true } } } } }, orderBy: { createdAt: 'asc' } });
    return {
      answers: rows
        .filter((a) => inWorkspace(who, a.round.checkin.group))
        .map((a) => ({
          group: a.round.checkin.group.name,
          checkin: a.round.checkin.sequence,
          checkinOpenedAt: a.round.checkin.openedAt,
          round: a.round.kind,
          text: a.text,
          passed: a.passed,
          shared: a.shared,
          writtenAt: a.createdAt,
          changedAt: a.updatedAt,
        })),
    };
  },
  async Attendance(prisma, who) {
    const rows = await prisma.attendance.findMany({ where: { userId: who.id }, include: { checkin: { include: { group: true } } }, orderBy: { checkin: { openedAt: 'asc' } } });
    return {
      attendance: rows
        .filter((a) => inWorkspace(who, a.checkin.group))
        .map((a) => ({ group: a.checkin.group.name, checkin: a.checkin.sequence, checkinOpenedAt: a.checkin.openedAt, present: a.present })),
    };
  },
  async ToolSession(prisma, who) {
    const rows = await prisma.toolSession.findMany({ where: { userId: who.id }, orderBy: { createdAt: 'asc' } });
    return {
      toolSessions: rows.map((s) => ({ tool: s.toolId, status: s.status, nextStep: s.stepId, answers: stringRecord(s.answers), startedAt: s.createdAt, changedAt: s.updatedAt })),
    };
  },
  // Their own agreements and the group agreements they proposed, with the whole history. What
  // others did with a proposed group agreement shows as "not you", never who, and never the text
  // they replaced.
  // Their own WHO-5 entries, in the workspace they were taken in.
  async WellbeingEntry(prisma, who) {
    const rows = await prisma.wellbeingEntry.findMany({ where: { userId: who.id, workspace: who.workspace }, orderBy: { takenAt: 'asc' } });
    return { wellbeing: rows.map((e) => ({ takenAt: e.takenAt, index: e.index, answers: [...e.answers] })) };
  },
  async Agreement(prisma, who) {
    const rows = await prisma.agreement.findMany({ where: { ownerId: who.id }, include: { group: true, events: { orderBy: { at: 'asc' } } }, orderBy: { createdAt: 'asc' } });
    const agreements: ExportAgreement[] = rows
      .filter((a) => inWorkspace(who, a.group))
      .map((a) => ({
        kind: a.kind,
        text: a.text,
        group: a.group?.name ?? null,
        visibility: a.visibility,
        status: a.status,
        followUpDate: a.followUpDate,
        repeatWeeks: a.repeatWeeks,
        expectedEffort: a.expectedEffort,
        expectedBenefit: a.expectedBenefit,
        source: a.source,
        quietSince: a.quietSince,
        createdAt: a.createdAt,
        changedAt: a.updatedAt,
        history: a.events.map((e) => {
          const byYou = e.actorId === who.id;
          // On their personal agreement nobody else acts; null is Lederrum itself (unanswered, quiet).
          const ownWords = byYou || (a.kind !== 'group' && e.actorId === null);
          return { kind: e.kind, at: e.at, byYou, previousText: ownWords ? e.previousText : null, followUpDate: e.followUpDate, benefit: e.benefit };
        }),
      }));
    return { agreements };
  },
  // What they did with a group's agreement someone else proposed: the act, not the text.
  async AgreementEvent(prisma, who) {
    const rows = await prisma.agreementEvent.findMany({
      where: { actorId: who.id, agreement: { OR: [{ ownerId: null }, { ownerId: { not: who.id } }] } },
      include: { agreement: { include: { group: true } } },
      orderBy: { at: 'asc' },
    });
    return {
      agreementActs: rows
        .filter((e) => inWorkspace(who, e.agreement.group))
        .map((e) => ({ group: e.agreement.group?.name ?? null, kind: e.kind, at: e.at, followUpDate: e.followUpDate, benefit: e.benefit })),
    };
  },
  async Poll(prisma, who) {
    const rows = await prisma.poll.findMany({ where: { createdById: who.id, workspace: who.workspace }, orderBy: { createdAt: 'asc' } });
    return { pollsCreated: rows.map((p) => ({ title: p.title, wave: p.wave, status: p.status, opensAt: p.opensAt, closesAt: p.closesAt, createdAt: p.createdAt })) };
  },
  // Invited and answered or not; the answers themselves are in tables nothing links to a person.
  async PollParticipant(prisma, who) {
    const rows = await prisma.pollParticipant.findMany({ where: { userId: who.id, poll: { workspace: who.workspace } }, include: { poll: true }, orderBy: { poll: { opensAt: 'asc' } } });
    const groupIds = [...new Set(rows.map((r) => r.groupId).filter((id): id is string => id !== null))];
    const groups = new Map((await prisma.group.findMany({ where: { id: { in: groupIds }, workspace: who.workspace } })).map((g) => [g.id, g.name]));
    return { pollParticipation: rows.map((r) => ({ title: r.poll.title, wave: r.poll.wave, status: r.poll.status, group: (r.groupId && groups.get(r.groupId)) ?? null, answered: r.answered })) };
  },
  // The same jobs "delete my data" removes: the person's nudges, reminders, weekly prompt and the
  // follow-ups of their own agreements. The payload is Lederrum's bookkeeping (ids), left out.
  async Schedule(prisma, who) {
    const own = await prisma.agreement.findMany({ where: { ownerId: who.id, kind: { not: 'group' } }, select: { id: true } });
    const rows = await prisma.schedule.findMany({
      where: {
        OR: [{ subject: who.id }, { subject: { endsWith: `:${who.id}` } }, { payload: { path: ['personId'], equals: who.id } }, { kind: 'agreement.followup', subject: { in: own.map((a) => a.id) } }],
      },
      orderBy: { createdAt: 'asc' },
    });
    return { schedules: rows.map((s) => ({ kind: s.kind, nextAt: s.nextAt, cron: s.cron, timeZone: s.timeZone })) };
  },
  // Not exported (the register says why): references to posts whose words come from the tables
  // above, the address of their Teams chat, and the playground's own chat history and lists.
  PersonPost: NOTHING,
  OutboxMessage: NOTHING,
  OutboxBatch: NOTHING,
  TeamsConversation: NOTHING,
  PlaygroundMessage: NOTHING,
  PlaygroundConversation: NOTHING,
};

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function personalExport(prisma: PrismaClient): PersonalExportStore {
  return {
    async personalExport(personId) {
      // One transaction, repeatable read: every section sees the same moment, even mid-check-in.
      return prisma.$transaction(
        async (tx) => {
          const who = await tx.user.findUnique({ where: { id: personId } });
          if (!who) return null;
          const data: Partial<PersonalExport> = {
            groups: [],
            workspaceRoles: [],
            answers: [],
            attendance: [],
            toolSessions: [],
            agreements: [],
            agreementActs: [],
            pollsCreated: [],
            pollParticipation: [],
            wellbeing: [],
            schedules: [],
          };
          for (const read of Object.values(READERS)) Object.assign(data, await read(tx, who));
          return data as PersonalExport;
        },
        { isolationLevel: 'RepeatableRead' },
      );
    },
  };
}
