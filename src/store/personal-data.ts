// Every table that refers to a person, in one place (ARCHITECTURE, Data). "Delete my data" and
// "export my data" both walk this list; tests/store/personal-data.test.ts fails when a model
// that references User is missing here.
import type { PrismaClient } from './generated/client.ts';

/** Models holding a person's own data, keyed by their column pointing at User.id. */
export const PERSONAL_TABLES = {
  Answer: 'userId',
  Attendance: 'userId',
  Membership: 'userId',
  WorkspaceRole: 'userId',
  ToolSession: 'userId',
  Agreement: 'ownerId',
  AgreementEvent: 'actorId',
  Poll: 'createdById',
  PollParticipant: 'userId',
} as const;

/**
 * Tables that name a person by their platform id rather than by User.id: a Teams personal
 * chat's reference names the member it belongs to.
 */
export const PLATFORM_ID_TABLES = { TeamsConversation: 'memberExternalId' } as const;

/** Deletes everything Lederrum keeps about a person, then the person, in one transaction. */
export async function deletePerson(prisma: PrismaClient, personId: string): Promise<void> {
  const person = await prisma.user.findUnique({ where: { id: personId } });
  await prisma.$transaction([
    ...(person?.platform === 'teams' ? [prisma.teamsConversation.deleteMany({ where: { memberExternalId: person.externalId } })] : []),
    prisma.answer.deleteMany({ where: { userId: personId } }),
    prisma.attendance.deleteMany({ where: { userId: personId } }),
    prisma.membership.deleteMany({ where: { userId: personId } }),
    prisma.workspaceRole.deleteMany({ where: { userId: personId } }),
    prisma.toolSession.deleteMany({ where: { userId: personId } }),
    // Their own agreements go with them (follow-ups and history cascade). A group agreement they
    // proposed is the group's: it stays, without their name, as does their part in its history.
    prisma.agreement.deleteMany({ where: { ownerId: personId, kind: { not: 'group' } } }),
    prisma.agreement.updateMany({ where: { ownerId: personId }, data: { ownerId: null } }),
    prisma.agreementEvent.updateMany({ where: { actorId: personId }, data: { actorId: null } }),
    // That they were invited to a poll goes; their answers were never theirs (no link exists).
    // A poll they created as HR stays for the organisation, without their name.
    prisma.pollParticipant.deleteMany({ where: { userId: personId } }),
    prisma.poll.updateMany({ where: { createdById: personId }, data: { createdById: null } }),
    prisma.user.deleteMany({ where: { id: personId } }),
  ]);
}
