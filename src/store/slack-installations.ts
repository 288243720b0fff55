// Slack installations from the OAuth flow: one row per workspace (or Enterprise org), holding
// the bot token that workspace granted. Removed on app_uninstalled / tokens_revoked.
import type { SlackInstallations } from '../../adapters/slack/installation-store.ts';
import type { PrismaClient } from './generated/client.ts';
import { jsonObject, readJson } from './json.ts';

export function slackInstallations(prisma: PrismaClient): SlackInstallations {
  return {
    async save(record, at) {
      const data = { ...record, installation: record.installation as object, updatedAt: at };
      await prisma.slackInstallation.upsert({ where: { id: record.id }, create: { ...data, installedAt: at }, update: data });
    },
    async find(id) {
      const row = await prisma.slackInstallation.findUnique({ where: { id } });
      return row
        ? {
            id: row.id,
            enterpriseId: row.enterpriseId,
            teamId: row.teamId,
            botUserId: row.botUserId,
            botToken: row.botToken,
            installation: readJson(jsonObject, row.installation, { table: 'SlackInstallation', column: 'installation', row: row.id }),
          }
        : null;
    },
    async remove(id) {
      const { count } = await prisma.slackInstallation.deleteMany({ where: { id } });
      return count > 0;
    },
  };
}
