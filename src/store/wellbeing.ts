// A person's own WHO-5 entries on Prisma (issue 19, point 4). Every read names the person and their
// workspace together: an entry is found by its author only, in the workspace it was written in.
import type { WellbeingEntry, WellbeingStore } from '../core/wellbeing/model.ts';
import type { PrismaClient } from './generated/client.ts';

const toEntry = (row: { id: string; takenAt: Date; answers: number[]; index: number }): WellbeingEntry => ({ id: row.id, takenAt: row.takenAt, answers: [...row.answers], index: row.index });

export function wellbeing(prisma: PrismaClient): WellbeingStore {
  return {
    async saveOwnWellbeing(person, entry) {
      const row = await prisma.wellbeingEntry.create({ data: { userId: person.id, workspace: person.workspace, takenAt: entry.takenAt, answers: entry.answers, index: entry.index } });
      return toEntry(row);
    },
    async ownWellbeing(person, limit) {
      const rows = await prisma.wellbeingEntry.findMany({ where: { userId: person.id, workspace: person.workspace }, orderBy: { takenAt: 'desc' }, take: limit });
      return rows.reverse().map(toEntry);
    },
  };
}
