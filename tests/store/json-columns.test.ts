// JSON columns are checked when read (src/store/json.ts): a value written behind Lederrum's back
// (a hand edit, an older version) that does not have the shape Lederrum writes is refused with
// CORRUPT_ROW naming its table and column, on both databases, instead of travelling on as a cast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LederrumError } from '../../src/core/errors.ts';
import { textMessage, workspaceOf } from '../../src/core/index.ts';
import { PLATFORM_PACING } from '../../src/delivery/pacing.ts';
import type { CorruptMessage } from '../../src/delivery/outbox-store.ts';
import type { Database } from '../../src/store/index.ts';
import { storesOf, type Stores } from '../../src/store/stores.ts';
import { bothDatabases } from '../support/databases.ts';

const AT = new Date('2026-12-07T08:00:00Z');
let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++counter}`;

async function corruptRow(read: Promise<unknown>, column: string): Promise<void> {
  const error = await read.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error, `expected CORRUPT_ROW for ${column}`).toBeInstanceOf(LederrumError);
  expect(error).toMatchObject({ code: 'CORRUPT_ROW', message: expect.stringContaining(column) });
}

describe.each(bothDatabases)('JSON columns read back on $name', (testDb) => {
  let db: Database;
  let stores: Stores;

  beforeAll(async () => {
    db = await testDb.open();
    stores = storesOf(db);
  }, 60_000);
  afterAll(async () => db?.close());

  const person = () => stores.store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: unique('U'), displayName: 'Bo' });

  async function poll() {
    const [a, b] = [await person(), await person()];
    const group = await stores.store.createGroup({
      platform: 'playground',
      workspace: workspaceOf('playground'),
      conversationId: unique('C'),
      name: 'G',
      language: 'da',
      timeZone: 'UTC',
      facilitatorId: a.id,
      memberIds: [b.id],
    });
    return stores.store.createPoll(
      {
        title: 'Puls',
        instrumentId: null,
        questions: [{ id: 'q1', kind: 'agree5', text: { da: 'Godt?', en: 'Good?' } }],
        createdById: a.id,
        platform: 'playground',
        workspace: workspaceOf('playground'),
        audience: [group.id],
        opensAt: AT,
        closesAt: new Date(AT.getTime() + 86_400_000),
        reminders: 0,
        shareWithGroups: false,
        threshold: 3,
        continues: null,
      },
      [a, b].map((p) => ({ personId: p.id, groupId: group.id })),
      AT,
    );
  }

  it('reads well-formed values back as written', async () => {
    const created = await poll();
    expect(await stores.store.poll(created.id)).toMatchObject({ questions: created.questions, audience: created.audience });
  });

  it("refuses a poll whose questions are not HR's questions", async () => {
    const { id } = await poll();
    await db.prisma.$executeRawUnsafe(`UPDATE "Poll" SET "questions" = '[{"id":"q1","kind":"slider"}]' WHERE "id" = $1`, id);
    await corruptRow(stores.store.poll(id), 'Poll.questions');
  });

  it('refuses a poll whose audience is not a list of group ids', async () => {
    const { id, workspace } = await poll();
    await db.prisma.$executeRawUnsafe(`UPDATE "Poll" SET "audience" = '{"group":1}' WHERE "id" = $1`, id);
    await corruptRow(stores.store.polls(workspace, 100), 'Poll.audience');
  });

  it('refuses tool answers that are not text', async () => {
    const me = await person();
    const session = await stores.store.saveToolSession({ personId: me.id, toolId: 'grow', stepId: 's2', answers: { s1: 'svar' }, status: 'active', at: AT });
    await db.prisma.$executeRawUnsafe(`UPDATE "ToolSession" SET "answers" = '{"s1":5}' WHERE "id" = $1`, session.id);
    await corruptRow(stores.store.latestToolSession(me.id, 'grow'), 'ToolSession.answers');
  });

  it('refuses a Slack installation that is not an object', async () => {
    const id = unique('T');
    await stores.slackInstallations.save({ id, enterpriseId: null, teamId: id, botUserId: 'B1', botToken: 'xoxb-1', installation: { team: { id } } }, AT);
    await db.prisma.$executeRawUnsafe(`UPDATE "SlackInstallation" SET "installation" = '"xoxb-1"' WHERE "id" = $1`, id);
    await corruptRow(stores.slackInstallations.find(id), 'SlackInstallation.installation');
  });

  it('refuses a Teams conversation reference that is not an object', async () => {
    const id = unique('19:');
    await stores.teamsConversations.remember({ id, kind: 'channel', tenantId: 't', memberExternalId: null, reference: { serviceUrl: 'https://x', conversation: { id } } }, AT);
    await db.prisma.$executeRawUnsafe(`UPDATE "TeamsConversation" SET "reference" = '[1,2]' WHERE "id" = $1`, id);
    await corruptRow(stores.teamsConversations.find(id), 'TeamsConversation.reference');
  });

  it('refuses a playground message that is not a message', async () => {
    const conversationId = unique('C');
    const stored = await stores.playgroundWorkspace.append({ conversationId, threadOf: null, visibleTo: null, author: 'BOT', message: textMessage('Hej') }, AT);
    await db.prisma.$executeRawUnsafe(`UPDATE "PlaygroundMessage" SET "payload" = '{"text":1,"blocks":[]}' WHERE "id" = $1`, stored.id);
    await corruptRow(stores.playgroundWorkspace.messages(conversationId, 'U1'), 'PlaygroundMessage.payload');
  });

  it('settles an outbox message that is not a message as failed, and still claims the others', async () => {
    const [a, b] = [await person(), await person()];
    const key = unique('json.test:');
    const wall = new Date();
    await stores.outbox.enqueue(
      { key, deadline: new Date(wall.getTime() + 3_600_000) },
      [a, b].map((to) => ({ to, message: textMessage('Hej') })),
      AT,
      wall,
    );
    await db.prisma.$executeRawUnsafe(`UPDATE "OutboxMessage" SET "message" = '{"text":"Hej","blocks":[{"type":"poster"}]}' WHERE "key" = $1`, `${key}|${a.id}`);
    const corrupt: CorruptMessage[] = [];
    const claimed = await stores.outbox.claim(wall, { owner: 'json-test', limit: 10, horizonMs: 60_000, leaseMs: 60_000, pacing: PLATFORM_PACING, corrupt: (row) => corrupt.push(row) });
    expect(claimed.filter((row) => row.key.startsWith(key)).map((row) => row.personId)).toEqual([b.id]);
    expect(corrupt).toMatchObject([{ key: `${key}|${a.id}`, error: { code: 'CORRUPT_ROW', message: expect.stringContaining('OutboxMessage.message') } }]);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { key: `${key}|${a.id}` } })).toMatchObject({ state: 'failed', outcome: 'CORRUPT_ROW', message: null });
  });
});
