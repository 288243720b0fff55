// Teams conversation references: written when the bot is installed or hears from a
// conversation, read when it must write there first (a round in the group, a form in a
// member's personal chat). Kept in the database so every replica can write proactively.
// A channel also keeps its team and kind, so a team's membership changes reach its channels.
import { TEAMS_CONVERSATION_KINDS, type TeamsConversationRecord, type TeamsConversations } from '../../adapters/teams/conversation-store.ts';
import type { PrismaClient } from './generated/client.ts';
import { corrupt, jsonObject, readJson } from './json.ts';

type Row = { id: string; kind: string; tenantId: string | null; memberExternalId: string | null; teamId: string | null; channelType: string | null; reference: unknown; botPresent: boolean };

function toRecord(row: Row): TeamsConversationRecord {
  const channelType = row.channelType === 'standard' || row.channelType === 'private' || row.channelType === 'shared' ? row.channelType : null;
  // Text, not an enum: Teams names conversation types; the adapter keeps only these three.
  const kind = TEAMS_CONVERSATION_KINDS.find((k) => k === row.kind) ?? corrupt(`TeamsConversation.kind (row ${row.id}) is not one of ${TEAMS_CONVERSATION_KINDS.join(', ')}`);
  return { ...row, kind, channelType, reference: readJson(jsonObject, row.reference, { table: 'TeamsConversation', column: 'reference', row: row.id }) };
}

/** What a reference is used for: where to send (service URL, conversation) and as which bot. */
function sameReference(stored: unknown, given: Record<string, unknown>): boolean {
  const key = (r: Record<string, unknown>) => {
    const conversation = r['conversation'] as { id?: string } | undefined;
    const bot = r['bot'] as { id?: string } | undefined;
    return `${String(r['serviceUrl'])}|${conversation?.id}|${bot?.id}`;
  };
  return typeof stored === 'object' && stored !== null && key(stored as Record<string, unknown>) === key(given);
}

export function teamsConversations(prisma: PrismaClient): TeamsConversations {
  return {
    async remember(record, at) {
      // Called on every incoming message: write only when something changed.
      const existing = await prisma.teamsConversation.findUnique({ where: { id: record.id } });
      const teamId = record.teamId ?? existing?.teamId ?? null;
      const channelType = record.channelType ?? existing?.channelType ?? null;
      if (
        existing?.botPresent &&
        existing.kind === record.kind &&
        existing.memberExternalId === record.memberExternalId &&
        existing.teamId === teamId &&
        existing.channelType === channelType &&
        sameReference(existing.reference, record.reference)
      ) {
        return;
      }
      const data = { ...record, teamId, channelType, reference: record.reference as object, botPresent: true, updatedAt: at };
      await prisma.teamsConversation.upsert({ where: { id: record.id }, create: data, update: data });
    },
    async find(id) {
      const row = await prisma.teamsConversation.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async personalChatOf(memberExternalId) {
      const row = await prisma.teamsConversation.findFirst({ where: { memberExternalId, kind: 'personal', botPresent: true }, orderBy: { updatedAt: 'desc' } });
      return row ? toRecord(row) : null;
    },
    async channelsOfTeam(teamId) {
      const rows = await prisma.teamsConversation.findMany({ where: { kind: 'channel', botPresent: true, OR: [{ teamId }, { id: teamId }] }, orderBy: { id: 'asc' } });
      return rows.map(toRecord);
    },
    async botLeft(id, at) {
      await prisma.teamsConversation.updateMany({ where: { id }, data: { botPresent: false, updatedAt: at } });
    },
  };
}
