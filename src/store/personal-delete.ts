// Deletes what the register lists about a person (issue 15, point 2).
import type { ForgetStore } from '../core/people/forget-model.ts';
import type { PrismaClient } from './generated/client.ts';

export function personalDelete(_prisma: PrismaClient): ForgetStore {
  return {};
}

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
