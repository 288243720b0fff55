// Deleting a workspace after an uninstall (issue 15, point 4), on both databases: after the grace
// period every row of the uninstalled workspace is gone, in every table of the schema, and every
// row of every other workspace is still there, counted table by table. A cancelled or not yet due
// removal deletes nothing. On Teams a team's removal takes that team's groups, not the tenant.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Database } from '../../src/store/index.ts';
import type { Store } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import { bothDatabases } from '../support/databases.ts';
import { DAY, countAll, seedWorkspace, type Seeded } from '../support/workspace-seed.ts';

const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
const MODELS = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
const NOW = new Date('2027-02-01T12:00:00Z');
const SLACK_A = { platform: 'slack' as const, workspace: workspaceOf('slack', 'TA'), scope: '' };
/** Tables a Slack workspace's seed does not write to (the playground's, Teams', event ids, the removal record). */
const NOT_SEEDED = ['InboundDelivery', 'PlaygroundMessage', 'PlaygroundConversation', 'TeamsConversation', 'DataRemoval'];

function teamsChannel(prisma: Database['prisma'], id: string, teamId: string, tenant: string) {
  return prisma.teamsConversation.create({ data: { id, kind: 'channel', tenantId: tenant, teamId, channelType: 'standard', reference: { conversation: { id } } } });
}

for (const kind of bothDatabases) {
  describe(`removing an uninstalled workspace, ${kind.name}`, () => {
    let db: Database;
    let store: Store;
    let before: Record<string, number>;
    let a: Seeded;

    beforeAll(async () => {
      db = await kind.open();
      store = createStore(db.prisma);
      // Other workspaces: another Slack team, a Teams tenant, with everything a workspace has.
      await seedWorkspace(db.prisma, { platform: 'slack', workspace: 'slack:TB', conversationId: 'TB:C1', people: ['TB:U1', 'TB:U2'], tag: 'b' }, NOW);
      await seedWorkspace(db.prisma, { platform: 'teams', workspace: 'teams:tenant-1', conversationId: '19:y@thread.tacv2', people: ['29:y1', '29:y2'], tag: 'y' }, NOW);
      await teamsChannel(db.prisma, '19:y@thread.tacv2', '19:y@thread.tacv2', 'tenant-1');
      await db.prisma.slackInstallation.create({ data: { id: 'TB', teamId: 'TB', botUserId: 'UB', botToken: 'xoxb-b', installation: {} } });
      await db.prisma.inboundDelivery.create({ data: { platform: 'slack', key: 'Ev1' } });
      before = await countAll(db.prisma, MODELS);
      a = await seedWorkspace(db.prisma, { platform: 'slack', workspace: 'slack:TA', conversationId: 'TA:C1', people: ['TA:U1', 'TA:U2'], tag: 'a' }, NOW);
      await db.prisma.slackInstallation.create({ data: { id: 'TA', teamId: 'TA', botUserId: 'UA', botToken: 'xoxb-a', installation: {} } });
    }, 60_000);
    afterAll(async () => db?.close());

    it('the uninstalled workspace has rows in every table a workspace owns', async () => {
      const seeded = await countAll(db.prisma, MODELS);
      for (const model of MODELS.filter((m) => !NOT_SEEDED.includes(m))) expect(seeded[model], model).toBeGreaterThan(before[model]!);
    });

    it('a cancelled removal deletes nothing; one not yet due deletes nothing', async () => {
      await store.requestRemoval({ ...SLACK_A, requestedAt: NOW, deleteAt: new Date(NOW.getTime() + 30 * DAY) });
      expect(await store.cancelRemoval(SLACK_A)).toMatchObject({ deleteAt: new Date(NOW.getTime() + 30 * DAY) });
      expect(await store.removeWorkspaceData(SLACK_A, new Date(NOW.getTime() + 31 * DAY))).toBeNull();
      expect(await store.cancelRemoval(SLACK_A)).toBeNull();
      await store.requestRemoval({ ...SLACK_A, requestedAt: NOW, deleteAt: new Date(NOW.getTime() + 30 * DAY) });
      expect(await store.removeWorkspaceData(SLACK_A, new Date(NOW.getTime() + 29 * DAY))).toBeNull();
      expect(await db.prisma.user.count({ where: { workspace: 'slack:TA' } })).toBe(2);
    });

    it('when due, deletes every row of the workspace and not one row of another, table by table', async () => {
      const counts = await store.removeWorkspaceData(SLACK_A, new Date(NOW.getTime() + 30 * DAY));
      expect(counts).toMatchObject({ User: 2, Group: 1, Poll: 1, SlackInstallation: 1 });
      const after = await countAll(db.prisma, MODELS);
      // Exactly what was there before the workspace came, plus the record that the removal ran.
      expect(after).toEqual({ ...before, DataRemoval: before['DataRemoval']! + 1 });
      expect(await db.prisma.dataRemoval.findFirst()).toMatchObject({ workspace: 'slack:TA', doneAt: new Date(NOW.getTime() + 30 * DAY) });
      expect(await db.prisma.agreement.count({ where: { id: { in: Object.values(a.agreements) } } })).toBe(0);
    });

    it('runs once: a second run, or a late cancel, finds it done', async () => {
      expect(await store.removeWorkspaceData(SLACK_A, new Date(NOW.getTime() + 40 * DAY))).toBeNull();
      expect(await store.cancelRemoval(SLACK_A)).toBeNull();
    });
  });

  describe(`removing one Teams team, ${kind.name}`, () => {
    let db: Database;
    let store: Store;
    let x: Seeded;
    let y: Seeded;
    const TEAM_X = '19:x@thread.tacv2';
    const TEAM_Y = '19:y@thread.tacv2';
    const target = { platform: 'teams' as const, workspace: workspaceOf('teams', 'tenant-1'), scope: TEAM_X };

    beforeAll(async () => {
      db = await kind.open();
      store = createStore(db.prisma);
      // Team X's group lives in a second channel of X; team Y's in Y's General channel.
      x = await seedWorkspace(db.prisma, { platform: 'teams', workspace: 'teams:tenant-1', conversationId: '19:x-planning@thread.tacv2', people: ['29:x1', '29:x2'], tag: 'x' }, NOW);
      y = await seedWorkspace(db.prisma, { platform: 'teams', workspace: 'teams:tenant-1', conversationId: TEAM_Y, people: ['29:y1', '29:y2'], tag: 'y' }, NOW);
      await teamsChannel(db.prisma, TEAM_X, TEAM_X, 'tenant-1');
      await teamsChannel(db.prisma, '19:x-planning@thread.tacv2', TEAM_X, 'tenant-1');
      await teamsChannel(db.prisma, TEAM_Y, TEAM_Y, 'tenant-1');
      await db.prisma.teamsConversation.create({ data: { id: 'a:personal-x1', kind: 'personal', tenantId: 'tenant-1', memberExternalId: '29:x1', reference: {} } });
      await store.requestRemoval({ ...target, requestedAt: NOW, deleteAt: NOW });
    }, 60_000);
    afterAll(async () => db?.close());

    it("deletes the team's groups with their check-ins, answers, group agreements, poll and channels", async () => {
      expect(await store.removeWorkspaceData(target, NOW)).toMatchObject({ Group: 1, Poll: 1, TeamsConversation: 2 });
      expect(await db.prisma.group.count({ where: { id: x.groupId } })).toBe(0);
      expect(await db.prisma.checkin.count({ where: { groupId: x.groupId } })).toBe(0);
      expect(await db.prisma.answer.count({ where: { round: { checkin: { groupId: x.groupId } } } })).toBe(0);
      expect(await db.prisma.agreement.count({ where: { id: x.agreements.oldGroupStopped } })).toBe(0);
      expect(await db.prisma.poll.count({ where: { id: x.pollId } })).toBe(0);
      expect(await db.prisma.schedule.count({ where: { groupId: x.groupId } })).toBe(0);
      expect(await db.prisma.personPost.count({ where: { conversationId: '19:x-planning@thread.tacv2' } })).toBe(0);
      expect((await db.prisma.teamsConversation.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id)).toEqual([TEAM_Y, 'a:personal-x1']);
    });

    it("leaves the other team and the tenant's people (Lederrum is still in their tenant) untouched", async () => {
      expect(await db.prisma.group.count({ where: { id: y.groupId } })).toBe(1);
      expect(await db.prisma.answer.count({ where: { round: { checkin: { groupId: y.groupId } } } })).toBe(12);
      expect(await db.prisma.agreement.count({ where: { id: { in: Object.values(y.agreements) } } })).toBe(5);
      expect(await db.prisma.poll.count({ where: { id: y.pollId } })).toBe(1);
      expect(await db.prisma.user.count({ where: { workspace: 'teams:tenant-1' } })).toBe(4);
      // X's people keep what is theirs alone: their personal agreements and tool sessions.
      expect(await db.prisma.agreement.count({ where: { id: x.agreements.oldKept } })).toBe(1);
      expect(await db.prisma.toolSession.count({ where: { userId: { in: x.userIds } } })).toBe(1);
    });
  });
}
