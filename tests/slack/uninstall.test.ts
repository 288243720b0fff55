// Uninstalling Lederrum from a Slack workspace (issue 15, point 4), through the real Bolt stack
// over HTTP against fake Slack, on both databases. At the OAuth install the installer is told the
// retention policy and when an uninstall deletes the data (after the uninstall Slack revokes the
// token: nothing can be sent then). app_uninstalled, in the payload Slack's documentation shows,
// drops the token now and schedules the deletion after UNINSTALL_GRACE_DAYS; a reinstall before
// then cancels it (and says so); otherwise, on the simulated clock, the workspace's rows are gone
// and another workspace's rows are all still there.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { postSigned, startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { ManualClock } from '../support/fakes.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { DAY, seedWorkspace, type Seeded } from '../support/workspace-seed.ts';
import { beginInstall, returnFromSlack } from './oauth-helpers.ts';

const SECRET = 'uninstall-signing-secret-0123456789';
const CLIENT = { id: '4242.1818', secret: 'uninstall-client-secret-abcdef01' };
const NORDBY = { id: 'T0002', name: 'Nordby Kommune', botToken: 'xoxb-test-T0002', botUserId: 'UBOT2', botId: 'B0002' };
const NORA = { id: 'UNORA', name: 'Nora Vik' };
const START = new Date('2027-03-01T10:00:00Z');

/** app_uninstalled as Slack's Events API documentation shows it (api.slack.com/events/app_uninstalled). */
function appUninstalled(teamId: string, eventId: string) {
  return { token: 'XXYYZZ', team_id: teamId, api_app_id: 'AXXXXXXXXX', event: { type: 'app_uninstalled' }, type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000) };
}

/** tokens_revoked as documented (api.slack.com/events/tokens_revoked): Slack sends it at an uninstall too. */
function tokensRevoked(teamId: string, eventId: string, botUserId: string) {
  return {
    token: 'XXYYZZ',
    team_id: teamId,
    api_app_id: 'AXXXXXXXXX',
    event: { type: 'tokens_revoked', tokens: { oauth: [NORA.id], bot: [botUserId] } },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
  };
}

for (const kind of ['pglite', 'postgresql'] as const) {
  describe(`uninstalling from a Slack workspace, ${kind}`, () => {
    let fake: FakeSlack;
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let url: string | null = null;
    const clock = new ManualClock(START);
    let other: Seeded;
    let codes = 0;

    beforeAll(async () => {
      fake = await startFakeSlack({ teamId: 'T0001' });
      fake.oauthClient = CLIENT;
      fake.addTeam(NORDBY);
      fake.addUser({ id: NORA.id, teamId: NORDBY.id, name: 'nora', realName: NORA.name, tz: 'Europe/Copenhagen', locale: 'da-DK' });
      if (kind === 'postgresql') url = await createScratchDatabase();
      app = await startTestApp({
        clock,
        env: {
          SLACK_CLIENT_ID: CLIENT.id,
          SLACK_CLIENT_SECRET: CLIENT.secret,
          SLACK_STATE_SECRET: 'uninstall-state-secret-0123456789abcdef',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: fake.apiUrl,
          SLACK_PACE_MS: '0',
          UNINSTALL_GRACE_DAYS: '30',
          RETENTION_DAYS: '365',
        },
        ...(url ? { database: { kind: 'postgresql' as const, url } } : {}),
        slackTuning: { retry: { retries: 1, factor: 2, minTimeout: 20, maxTimeout: 100 } },
      });
      other = await seedWorkspace(app.database.prisma, { platform: 'slack', workspace: 'slack:T0001', conversationId: 'T0001:C1', people: ['T0001:U1', 'T0001:U2'], tag: 'other' }, START);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await fake?.close();
      if (url) await dropScratchDatabase(url);
    });

    async function install() {
      const code = `code-${++codes}`;
      const start = await beginInstall(app.url);
      fake.authorizeCode(code, { teamId: NORDBY.id, teamName: NORDBY.name, userId: NORA.id, botToken: NORDBY.botToken, botUserId: NORDBY.botUserId, botId: NORDBY.botId });
      const done = await returnFromSlack(app.url, { code, state: start.state }, start.cookie);
      expect(done.status).toBe(200);
      return fake.waitFor(() => fake.messages(NORA.id).filter((m) => m.text.includes('Lederrum gemmer'))[codes - 1]);
    }

    async function uninstall() {
      const id = `EvUNINSTALL${codes}`;
      expect((await postSigned(`${app.url}slack/events`, SECRET, { json: appUninstalled(NORDBY.id, id) })).status).toBe(200);
      // Slack follows with tokens_revoked; Bolt can no longer authorize it once the token is gone.
      await postSigned(`${app.url}slack/events`, SECRET, { json: tokensRevoked(NORDBY.id, `${id}R`, NORDBY.botUserId) });
      // Both are worked on after Bolt's acknowledgement: wait for both, not only the first to record
      // the removal. Otherwise the second could still be running when the next test reinstalls, and
      // schedule the removal again after the reinstall cancelled it (it did so once, on Node 24 in CI).
      await app.settled();
      for (let tries = 0; tries < 200; tries++) {
        const pending = await app.database.prisma.dataRemoval.findFirst({ where: { workspace: 'slack:T0002', doneAt: null } });
        if (pending) return pending;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('no pending DataRemoval for T0002 after the uninstall');
    }

    /** Rows of a seeded workspace, table by table, straight from the database. */
    async function rowsOf(workspace: string, seeded: Seeded | null) {
      const p = app.database.prisma;
      const groups = (await p.group.findMany({ where: { workspace }, select: { id: true } })).map((g) => g.id);
      const users = (await p.user.findMany({ where: { workspace }, select: { id: true } })).map((u) => u.id);
      const polls = (await p.poll.findMany({ where: { workspace }, select: { id: true } })).map((x) => x.id);
      const agreementIds = seeded ? Object.values(seeded.agreements) : [];
      return {
        users: users.length,
        groups: groups.length,
        memberships: await p.membership.count({ where: { OR: [{ groupId: { in: groups } }, { userId: { in: users } }] } }),
        roles: await p.workspaceRole.count({ where: { userId: { in: users } } }),
        checkins: await p.checkin.count({ where: { groupId: { in: groups } } }),
        answers: await p.answer.count({ where: { userId: { in: users } } }),
        attendance: await p.attendance.count({ where: { userId: { in: users } } }),
        agreements: await p.agreement.count({ where: { OR: [{ groupId: { in: groups } }, { ownerId: { in: users } }, { id: { in: agreementIds } }] } }),
        polls: polls.length,
        pollRows: (await p.pollResponse.count({ where: { pollId: { in: polls } } })) + (await p.pollParticipant.count({ where: { pollId: { in: polls } } })),
        toolSessions: await p.toolSession.count({ where: { userId: { in: users } } }),
        posts: await p.personPost.count({ where: { userId: { in: users } } }),
        schedules: await p.schedule.count({ where: { OR: [{ groupId: { in: groups } }, { subject: { in: [...users, ...agreementIds] } }] } }),
        installations: await p.slackInstallation.count({ where: { id: workspace.slice('slack:'.length) } }),
      };
    }

    it('tells the installer at install time what is kept, for how long, and when an uninstall deletes it', async () => {
      const notice = await install();
      expect(notice.text).toContain('Lederrum gemmer svar og takeaways fra runderne i 365 dage');
      expect(notice.text).toContain('30 dage efter');
      expect(JSON.stringify(notice.blocks)).toContain('når Lederrum er afinstalleret, kan det ikke længere skrive til jer');
      expect(await app.database.prisma.dataRemoval.count()).toBe(0);
    });

    it('on app_uninstalled drops the token now and schedules the deletion 30 days later', async () => {
      await seedWorkspace(app.database.prisma, { platform: 'slack', workspace: 'slack:T0002', conversationId: 'T0002:C2', people: ['T0002:UNORA', 'T0002:UPETER'], tag: 'nordby' }, START);
      const removal = await uninstall();
      expect(removal.deleteAt).toEqual(new Date(START.getTime() + 30 * DAY));
      expect(await app.database.prisma.slackInstallation.count({ where: { id: NORDBY.id } })).toBe(0);
      // The removal's job is planned and logged just after the removal row is written: under load
      // the test may look in between.
      await vi.waitFor(() => expect(app.logger.lines.some((l) => l.message.startsWith('lederrum uninstalled'))).toBe(true), { timeout: 5000 });
      const job = await app.database.prisma.schedule.findUnique({ where: { kind_subject: { kind: 'data.removal', subject: 'slack|slack:T0002|' } } });
      expect(job?.nextAt).toEqual(removal.deleteAt);
      const logged = app.logger.lines.find((l) => l.message.startsWith('lederrum uninstalled'));
      expect(logged?.fields).toMatchObject({ workspace: 'slack:T0002', deleteAt: removal.deleteAt.toISOString() });
    }, 30_000);

    it('a reinstall within the grace period cancels the deletion, and the installer is told', async () => {
      clock.advance(10 * DAY);
      const notice = await install();
      expect(notice.text).toContain('sletning er aflyst');
      expect(notice.text).toContain('31. marts 2027');
      expect(await app.database.prisma.dataRemoval.count()).toBe(0);
      clock.advance(25 * DAY);
      await app.scheduler.tick();
      expect((await rowsOf('slack:T0002', null)).users).toBe(2);
      expect(app.logger.lines.some((l) => l.message.includes('removal is cancelled'))).toBe(true);
    }, 30_000);

    it('otherwise, after the grace period, every row of the workspace is gone and the other workspace is intact', async () => {
      const otherBefore = await rowsOf('slack:T0001', other);
      expect(otherBefore).toMatchObject({ users: 2, groups: 1, checkins: 3, answers: 12, agreements: 5, polls: 1, installations: 0 });
      const nordbyBefore = await rowsOf('slack:T0002', null);
      expect(nordbyBefore).toMatchObject({ users: 2, groups: 1, polls: 1, installations: 1 });
      const removal = await uninstall();
      clock.advance(30 * DAY - 60_000);
      await app.scheduler.tick();
      expect((await rowsOf('slack:T0002', null)).users).toBe(2);
      clock.advance(60_000);
      expect((await app.scheduler.tick()).failed).toBe(0);
      const after = await rowsOf('slack:T0002', null);
      expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
      expect(await rowsOf('slack:T0001', other)).toEqual(otherBefore);
      expect(await app.database.prisma.dataRemoval.findFirst()).toMatchObject({ workspace: 'slack:T0002', deleteAt: removal.deleteAt, doneAt: removal.deleteAt });
      // By SQL too, on every table that names a workspace.
      const [left] = await app.database.prisma.$queryRawUnsafe<Array<{ n: number }>>(
        `SELECT ((SELECT count(*) FROM "User" WHERE "workspace" = 'slack:T0002') + (SELECT count(*) FROM "Group" WHERE "workspace" = 'slack:T0002') + (SELECT count(*) FROM "Poll" WHERE "workspace" = 'slack:T0002') + (SELECT count(*) FROM "PersonPost" WHERE "conversationId" LIKE 'T0002:%'))::int AS n`,
      );
      expect(left!.n).toBe(0);
      expect(app.logger.lines.find((l) => l.message === 'workspace data deleted after uninstall')?.fields).toMatchObject({ workspace: 'slack:T0002', User: 2, Group: 1 });
    }, 30_000);
  });
}
