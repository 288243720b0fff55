// Guided-tool sessions (private to their member) and check-in themes on Prisma.
import type { ToolSessionRecord, ToolSessionStatus, ToolStore } from '../core/tools/model.ts';
import type { PrismaClient } from './generated/client.ts';
import { readJson, toolAnswersSchema } from './json.ts';

export function tools(prisma: PrismaClient): ToolStore {
  const toRecord = (row: { id: string; userId: string; toolId: string; stepId: string | null; answers: unknown; status: ToolSessionStatus; updatedAt: Date }): ToolSessionRecord => ({
    id: row.id,
    personId: row.userId,
    toolId: row.toolId,
    stepId: row.stepId,
    answers: readJson(toolAnswersSchema, row.answers ?? {}, { table: 'ToolSession', column: 'answers', row: row.id }),
    status: row.status,
    updatedAt: row.updatedAt,
  });
  return {
    async latestToolSession(personId, toolId) {
      const row = await prisma.toolSession.findFirst({ where: { userId: personId, toolId }, orderBy: { updatedAt: 'desc' } });
      return row ? toRecord(row) : null;
    },
    async saveToolSession({ id, personId, toolId, stepId, answers, status, at }) {
      const data = { stepId, answers, status, updatedAt: at };
      const row = id ? await prisma.toolSession.update({ where: { id }, data }) : await prisma.toolSession.create({ data: { userId: personId, toolId, ...data, createdAt: at } });
      return toRecord(row);
    },
    async setCheckinTheme(checkinId, theme) {
      await prisma.checkin.update({ where: { id: checkinId }, data: { theme } });
    },
    async setNextTheme(groupId, theme) {
      await prisma.group.update({ where: { id: groupId }, data: { nextTheme: theme } });
    },
  };
}
