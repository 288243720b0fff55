// Teams conversation references: written when the bot is installed or hears from a
// conversation, read when it must write there first (a round in the group, a form in a
// member's personal chat). Kept in the database so every replica can write proactively.
import type { PrismaClient } from './generated/client.ts';

export type TeamsConversationKind = 'personal' | 'channel' | 'groupChat';

export interface TeamsConversationRecord {
  id: string;
  kind: TeamsConversationKind;
  tenantId: string | null;
  memberExternalId: string | null;
  reference: Record<string, unknown>;
  botPresent: boolean;
}

export interface TeamsConversations {
  remember(record: Omit<TeamsConversationRecord, 'botPresent'>, at: Date): Promise<void>;
  find(id: string): Promise<TeamsConversationRecord | null>;
  personalChatOf(memberExternalId: string): Promise<TeamsConversationRecord | null>;
  botLeft(id: string, at: Date): Promise<void>;
}

function toRecord(row: { id: string; kind: string; tenantId: string | null; memberExternalId: string | null; reference: unknown; botPresent: boolean }): TeamsConversationRecord {
  return { ...row, kind: row.kind as TeamsConversationKind, reference: row.reference as Record<string, unknown> };
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
      if (existing?.botPresent && existing.kind === record.kind && existing.memberExternalId === record.memberExternalId && sameReference(existing.reference, record.reference)) return;
      const data = { ...record, reference: record.reference as object, botPresent: true, updatedAt: at };
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
    async botLeft(id, at) {
      await prisma.teamsConversation.updateMany({ where: { id }, data: { botPresent: false, updatedAt: at } });
    },
  };
}
