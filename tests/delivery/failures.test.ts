// One poll's 200 invitations through the whole app (its outbox worker, the Slack adapter, the
// Web API client) to a fake Slack that fails the way Slack does, on both databases: one person
// is gone (user_not_found, for good), one gets two 503s before Slack recovers, one call hangs
// 1.5 s before it is answered, one is throttled (429, Retry-After 1). The other 199 arrive once
// each; the gone one is logged with its code; HR hears "199 of 200" and why, with no names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { startApp, type RunningApp } from '../../src/app/app.ts';
import type { DatabaseTarget } from '../../src/store/index.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { inMemory } from '../support/memory-database.ts';
import { MemoryLogger } from '../support/fakes.ts';
import { duplicatesOf, fanOutCounts, invitationsAtFake, seedPoll, TEAM, waitUntil, type FanOutCounts, type PollFanOut } from '../support/outbox-world.ts';

const INVITED = 200;
const NO_PACE = { conversationMs: 0, workspaceMs: 0 };

const databases: Array<{ name: string; open(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> }> = [
  { name: 'pglite', open: async () => ({ target: inMemory(), drop: async () => undefined }) },
  {
    name: 'postgresql',
    open: async () => {
      const url = await createScratchDatabase();
      return { target: { kind: 'postgresql', url }, drop: () => dropScratchDatabase(url) };
    },
  },
];

for (const database of databases) {
  describe(`a fan-out of ${INVITED} with one person gone and Slack failing, throttling and hanging, ${database.name}`, () => {
    let fake: FakeSlack;
    let app: RunningApp;
    let drop: () => Promise<void>;
    const logger = new MemoryLogger();
    let fanOut: PollFanOut;
    let settled: FanOutCounts;
    let gone: PollFanOut['people'][number];
    let flaky: PollFanOut['people'][number];
    let hung: PollFanOut['people'][number];
    let throttled: PollFanOut['people'][number];

    beforeAll(async () => {
      fake = await startFakeSlack({ teamId: TEAM });
      const opened = await database.open();
      drop = opened.drop;
      app = await startApp({
        config: loadConfig({
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          PLAYGROUND: 'off',
          SCHEDULER: 'off',
          SLACK_BOT_TOKEN: fake.team().botToken,
          SLACK_SIGNING_SECRET: 'failures-signing-secret',
          SLACK_API_URL: fake.apiUrl,
          SLACK_PACE_MS: '0',
        }),
        logger,
        database: opened.target,
        outbox: 'worker',
        outboxTuning: { pacing: { slack: NO_PACE, teams: NO_PACE, playground: NO_PACE }, pollMs: 20, backoff: { baseMs: 50, maxMs: 200 } },
        // The Web API client retries once itself; what still fails comes back to the outbox.
        slackTuning: { retry: { retries: 1, factor: 1, minTimeout: 20, maxTimeout: 20 } },
      });
      fanOut = await seedPoll(app.database, fake, { count: INVITED, title: 'Fejl undervejs' });
      [gone, flaky, hung, throttled] = [fanOut.people[17]!, fanOut.people[42]!, fanOut.people[99]!, fanOut.people[150]!];
      const to = (person: { slackId: string }) => (args: Record<string, unknown>) => args['channel'] === person.slackId;
      fake.failNext('chat.postMessage', { error: 'user_not_found', times: 3, when: to(gone) });
      fake.failNext('chat.postMessage', { status: 503, times: 2, when: to(flaky) });
      fake.failNext('chat.postMessage', { hangMs: 1500, when: to(hung) });
      fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1, when: to(throttled) });

      await app.core.runJob({ kind: 'poll.open', subject: fanOut.pollId, groupId: null, payload: {}, at: new Date() });
      settled = await waitUntil(
        async () => {
          const counts = await fanOutCounts(app.database, fanOut.pollId);
          return counts.pending + counts.sending === 0 ? counts : null;
        },
        { timeoutMs: 60_000, describe: async () => JSON.stringify(await fanOutCounts(app.database, fanOut.pollId)) },
      );
      await waitUntil(async () => fake.directMessages(fanOut.hr.slackId).length > 0, { timeoutMs: 20_000 });
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await fake?.close();
      await drop?.();
    });

    it('delivers the 199 others exactly once each, and nothing to the one who is gone', () => {
      const perPerson = invitationsAtFake(fake, fanOut);
      expect(duplicatesOf(perPerson)).toBe(0);
      expect(perPerson.get(gone.slackId)).toBe(0);
      expect([...perPerson].filter(([id, n]) => id !== gone.slackId && n === 1)).toHaveLength(INVITED - 1);
      expect(settled).toMatchObject({ sent: INVITED - 1, failed: 1, unknown: 0, pending: 0, sending: 0, outcomes: { NOT_IN_CONVERSATION: 1 } });
    });

    it('tried the gone one once (a permanent answer), the 503s until Slack recovered, and waited out the hang', () => {
      const posts = (person: { slackId: string }) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === person.slackId);
      expect(posts(gone).map((c) => c.error)).toEqual(['user_not_found']);
      expect(posts(flaky).map((c) => c.error)).toEqual(['http_503', 'http_503', undefined]);
      expect(posts(hung).map((c) => c.error)).toEqual([undefined]);
      expect(posts(throttled).map((c) => c.error)).toEqual(['ratelimited', undefined]);
      // The hung call held up only its own person: most of the others arrived while it hung.
      const hungAt = posts(hung)[0]!.at;
      const othersDuringHang = fake.calls.filter((c) => c.method === 'chat.postMessage' && !c.error && c.at > hungAt && c.at < hungAt + 1500);
      expect(othersDuringHang.length).toBeGreaterThan(0);
    });

    it('logs the gone one with its code, and the retries with theirs', () => {
      expect(logger.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          message: 'outbox message not delivered: the person cannot be reached',
          fields: expect.objectContaining({ person: gone.id, code: 'NOT_IN_CONVERSATION' }),
        }),
      );
      expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'outbox message will be retried', fields: expect.objectContaining({ person: flaky.id, code: 'HTTP_503' }) }));
    });

    it('tells HR "199 of 200" and why, once, without names', () => {
      const reports = fake.directMessages(fanOut.hr.slackId);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.text).toBe('The invitations to “Fejl undervejs” were sent to 199 of 200.\n1 could not be reached (they have left the workspace or were deactivated).');
      expect(reports[0]!.text).not.toContain(gone.displayName);
      expect(reports[0]!.text).not.toContain(gone.slackId);
    });
  });
}
