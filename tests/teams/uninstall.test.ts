// Removing Lederrum from a Teams team (issue 15, point 4), through the real botbuilder stack
// against the fake Bot Connector, on both databases. An installationUpdate "remove" in the shape
// Microsoft documents for a team schedules the deletion of that team's groups after
// UNINSTALL_GRACE_DAYS and tells the person who removed it when, in their personal chat; an "add"
// before then cancels it (and says so in the team). Otherwise, on the simulated clock, the team's
// groups are gone, and the other team of the tenant and the tenant's people are all still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, MIA, SARA, TEAM, BOT_ID, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';
import { ManualClock } from '../support/fakes.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { DAY } from '../support/workspace-seed.ts';

const START = new Date('2027-03-01T10:00:00Z');
const SYD_TEAM = '19:team-syd@thread.tacv2';
const SYD_CHANNEL = '19:ledere-syd@thread.tacv2';

for (const kind of ['pglite', 'postgresql'] as const) {
  describe(`removing Lederrum from a Teams team, ${kind}`, () => {
    let world: TeamsWorld;
    let url: string | null = null;
    const clock = new ManualClock(START);
    let next = 1;

    beforeAll(async () => {
      if (kind === 'postgresql') url = await createScratchDatabase();
      world = await startTeamsWorld({ clock, env: { UNINSTALL_GRACE_DAYS: '30' }, ...(url ? { database: { kind: 'postgresql' as const, url } } : {}) });
      await setUpGroup(world);
      world.addChannel({ id: SYD_CHANNEL, teamId: SYD_TEAM, teamName: 'Team Syd', name: 'Ledere Syd' }, [MIA, SARA]);
      await setUpGroup(world, [MIA, SARA], SYD_CHANNEL, 'Ledergruppen Syd');
      // Something said in Nord's group: a check-in with its round.
      await world.say(MIA, 'tjekind start', 'channel');
      await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes('Siden sidst')));
    }, 90_000);

    afterAll(async () => {
      await world?.close();
      if (url) await dropScratchDatabase(url);
    });

    /** installationUpdate for a team, as Microsoft documents it (Teams bot "installation update" event). */
    function installationUpdate(action: 'add' | 'remove') {
      return {
        action,
        type: 'installationUpdate',
        timestamp: clock.now().toISOString(),
        id: `f:install-${next++}`,
        channelId: 'msteams',
        serviceUrl: world.fake.serviceUrl,
        from: { id: MIA.id, aadObjectId: MIA.aadObjectId },
        conversation: { isGroup: true, conversationType: 'channel', tenantId: world.fake.tenantId, id: TEAM },
        recipient: { id: BOT_ID, name: 'Lederrum' },
        entities: [{ locale: 'da-DK', country: 'DK', platform: 'Web', timezone: 'Europe/Copenhagen', type: 'clientInfo' }],
        channelData: {
          settings: { selectedChannel: { id: TEAM } },
          channel: { id: TEAM },
          team: { id: TEAM, name: 'Team Nord', aadGroupId: 'aad-team-nord' },
          tenant: { id: world.fake.tenantId },
          source: { name: 'message' },
        },
        locale: 'da-DK',
      };
    }

    const prisma = () => world.app.database.prisma;
    const groupsNamed = async () => (await prisma().group.findMany({ orderBy: { name: 'asc' } })).map((g) => g.name);

    async function pendingRemoval() {
      for (let tries = 0; tries < 200; tries++) {
        const row = await prisma().dataRemoval.findFirst({ where: { doneAt: null } });
        if (row) return row;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('no pending DataRemoval after the installationUpdate');
    }

    it('on "remove" schedules the team\'s deletion after 30 days and tells the person who removed it when', async () => {
      const sent = Date.now();
      expect((await world.post(installationUpdate('remove'))).status).toBeLessThan(300);
      const removal = await pendingRemoval();
      expect(removal).toMatchObject({ platform: 'teams', workspace: `teams:${world.fake.tenantId}`, scope: TEAM, deleteAt: new Date(START.getTime() + 30 * DAY) });
      const notice = await world.fake.waitFor(() => world.fake.sent(personalChatId(MIA)).find((r) => r.at >= sent && textOf(r.activity).includes('Lederrum er fjernet')));
      expect(textOf(notice.activity)).toContain('Lederrum er fjernet fra Team Nord');
      expect(textOf(notice.activity)).toContain('31. marts 2027');
    }, 30_000);

    it('on "add" within the grace period cancels it and says so in the team', async () => {
      clock.advance(5 * DAY);
      const sent = Date.now();
      expect((await world.post(installationUpdate('add'))).status).toBeLessThan(300);
      const said = await world.fake.waitFor(() => world.fake.sent(TEAM).find((r) => r.at >= sent && textOf(r.activity).includes('sletning er aflyst')));
      expect(textOf(said.activity)).toContain('Lederrum gemmer svar og takeaways');
      expect(await prisma().dataRemoval.count()).toBe(0);
      clock.advance(30 * DAY);
      await world.app.scheduler.tick();
      expect(await groupsNamed()).toEqual(['Ledergruppen Nord', 'Ledergruppen Syd']);
    }, 30_000);

    it("otherwise, after the grace period, deletes the team's groups and keeps the other team and the tenant's people", async () => {
      const nord = await prisma().group.findFirstOrThrow({ where: { name: 'Ledergruppen Nord' } });
      const syd = await prisma().group.findFirstOrThrow({ where: { name: 'Ledergruppen Syd' } });
      const sydBefore = { memberships: await prisma().membership.count({ where: { groupId: syd.id } }), posts: await prisma().personPost.count({ where: { conversationId: SYD_CHANNEL } }) };
      const people = await prisma().user.count();
      expect(await prisma().checkin.count({ where: { groupId: nord.id } })).toBe(1);
      expect(await prisma().membership.count({ where: { groupId: nord.id } })).toBe(3);
      expect(await prisma().personPost.count({ where: { conversationId: CHANNEL } })).toBeGreaterThan(0);
      expect(await prisma().teamsConversation.count({ where: { id: CHANNEL } })).toBe(1);

      await world.post(installationUpdate('remove'));
      const removal = await pendingRemoval();
      clock.advance(30 * DAY);
      expect((await world.app.scheduler.tick()).failed).toBe(0);

      expect(await groupsNamed()).toEqual(['Ledergruppen Syd']);
      expect(await prisma().checkin.count({ where: { groupId: nord.id } })).toBe(0);
      expect(await prisma().round.count({ where: { checkin: { groupId: nord.id } } })).toBe(0);
      expect(await prisma().membership.count({ where: { groupId: nord.id } })).toBe(0);
      expect(await prisma().schedule.count({ where: { groupId: nord.id } })).toBe(0);
      expect(await prisma().personPost.count({ where: { conversationId: CHANNEL } })).toBe(0);
      expect(await prisma().teamsConversation.count({ where: { OR: [{ id: CHANNEL }, { teamId: TEAM }] } })).toBe(0);
      // The other team, and the people of the tenant (Lederrum is still installed there).
      expect({ memberships: await prisma().membership.count({ where: { groupId: syd.id } }), posts: await prisma().personPost.count({ where: { conversationId: SYD_CHANNEL } }) }).toEqual(sydBefore);
      expect(await prisma().teamsConversation.count({ where: { id: SYD_CHANNEL } })).toBe(1);
      expect(await prisma().user.count()).toBe(people);
      expect(await prisma().dataRemoval.findFirst()).toMatchObject({ scope: TEAM, doneAt: removal.deleteAt });
    }, 30_000);
  });
}
