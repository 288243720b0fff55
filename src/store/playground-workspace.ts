// The playground platform's own data (see adapters/playground/workspace.ts). People are
// Lederrum users of platform "playground"; removing one deletes their Lederrum data with them,
// by the register's delete rules (src/store/personal-delete.ts), as "delete my data" does —
// without editing the bot's posts, which `slet mine data` in the playground does first.
import { randomUUID } from 'node:crypto';
import type { PlaygroundWorkspace, PlaygroundPerson, StoredMessage } from '../../adapters/playground/workspace.ts';
import type { PrismaClient } from './generated/client.ts';
import { messageSchema, readJson } from './json.ts';
import { deletePerson } from './personal-delete.ts';

const SEEDED_MARKER = 'playground:seeded';

export function playgroundWorkspace(prisma: PrismaClient): PlaygroundWorkspace {
  const toPerson = (row: { externalId: string; displayName: string; locale: string | null; timeZone: string | null }): PlaygroundPerson => ({
    externalId: row.externalId,
    displayName: row.displayName,
    locale: row.locale === 'en' ? 'en' : 'da',
    timeZone: row.timeZone,
  });
  const toStored = (row: {
    id: string;
    conversationId: string;
    threadOf: string | null;
    visibleTo: string | null;
    author: string;
    payload: unknown;
    seq?: number;
    createdAt: Date;
    updatedAt: Date;
  }): StoredMessage => ({
    id: row.id,
    conversationId: row.conversationId,
    threadOf: row.threadOf,
    visibleTo: row.visibleTo,
    author: row.author,
    message: readJson(messageSchema, row.payload, { table: 'PlaygroundMessage', column: 'payload', row: row.id }),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const addPerson: PlaygroundWorkspace['addPerson'] = async (person) => {
    const row = await prisma.user.create({
      data: { platform: 'playground', workspace: 'playground', externalId: `U${randomUUID().slice(0, 8).toUpperCase()}`, ...person },
    });
    return toPerson(row);
  };

  return {
    async people() {
      // People added in the same millisecond (the demo seed) tie on createdAt; the name breaks the
      // tie, so the order does not depend on where PostgreSQL happens to keep an updated row.
      const rows = await prisma.user.findMany({ where: { platform: 'playground' }, orderBy: [{ createdAt: 'asc' }, { displayName: 'asc' }] });
      return rows.map(toPerson);
    },
    addPerson,
    async removePerson(externalId) {
      const person = await prisma.user.findUnique({ where: { platform_externalId: { platform: 'playground', externalId } } });
      if (person) await deletePerson(prisma, person.id);
    },
    async seedOnce(people) {
      const created = await prisma.playgroundConversation.createMany({
        data: [{ id: SEEDED_MARKER, name: 'seeded', kind: 'marker', members: [] }],
        skipDuplicates: true,
      });
      if (created.count === 0) return false;
      for (const person of people) await addPerson(person);
      return true;
    },
    async channelsOf(externalId) {
      const groups = await prisma.group.findMany({
        where: { platform: 'playground', memberships: { some: { leftAt: null, user: { platform: 'playground', externalId } } } },
        orderBy: { name: 'asc' },
      });
      return groups.map((group) => ({ id: group.conversationId, name: group.name, kind: 'group' as const }));
    },
    async createChannel(name) {
      const id = `C${randomUUID().slice(0, 8).toUpperCase()}`;
      await prisma.playgroundConversation.create({ data: { id, name, kind: 'channel', members: [] } });
      return id;
    },
    async append(message, at) {
      const { message: payload, ...rest } = message;
      const row = await prisma.playgroundMessage.create({
        data: { ...rest, payload: payload as object, createdAt: at, updatedAt: at },
      });
      return toStored(row);
    },
    async replace(id, message, at) {
      await prisma.playgroundMessage.update({ where: { id }, data: { payload: message as object, updatedAt: at } });
    },
    async messages(conversationId, viewer) {
      const rows = await prisma.playgroundMessage.findMany({
        where: { conversationId, OR: [{ visibleTo: null }, { visibleTo: viewer }] },
        orderBy: { seq: 'asc' },
      });
      return rows.map(toStored);
    },
  };
}
