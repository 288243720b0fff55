// The Slack deliverer on its own against the fake Web API: posts to one channel keep their order
// and their pace, a burst through rate limits arrives complete and once, and a slow core makes a
// modal say "saving" within Slack's 3 s, then show the outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { MemoryLogger, ManualClock } from '../support/fakes.ts';
import { SlackDirectory } from '../../adapters/slack/directory.ts';
import { ChannelPacer, slackDeliverer } from '../../adapters/slack/send.ts';
import { singleWorkspace } from '../../adapters/slack/workspaces.ts';
import { textMessage, type Deliverer } from '../../src/core/index.ts';
import { CHANNEL, MIA, answerButtonOf, setUpGroup, startRound, startSlackWorld } from './harness.ts';

const TEAM = 'T0001';
let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ teamId: TEAM });
  fake.addChannel({ id: 'CPACE', name: 'pace', members: [fake.team().botUserId] });
  fake.addChannel({ id: 'COTHER', name: 'other', members: [fake.team().botUserId] });
});
afterAll(async () => fake?.close());

function deliverer(paceMs: number): Deliverer {
  const logger = new MemoryLogger();
  const workspaces = singleWorkspace(fake.team().botToken, { apiUrl: fake.apiUrl, logger, retry: { retries: 5, factor: 2, minTimeout: 20, maxTimeout: 200 } });
  return slackDeliverer(workspaces, new SlackDirectory(workspaces, new ManualClock(), logger), new ChannelPacer(paceMs));
}

describe('posting to Slack', () => {
  it('paces posts to one channel and keeps their order, without holding up another channel', async () => {
    const slack = deliverer(150);
    const posts = Array.from({ length: 5 }, (_, i) => slack.post({ platform: 'slack', conversationId: `${TEAM}:CPACE` }, textMessage(`pace ${i}`)));
    const other = slack.post({ platform: 'slack', conversationId: `${TEAM}:COTHER` }, textMessage('other'));
    await Promise.all([...posts, other]);
    const times = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args['channel'] === 'CPACE').map((c) => c.at);
    expect(fake.messages('CPACE').map((m) => m.text)).toEqual(['pace 0', 'pace 1', 'pace 2', 'pace 3', 'pace 4']);
    // Timers and loopback add a few ms either way; unpaced, these five would all arrive within ~10 ms.
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(4 * 150 - 40);
    const otherAt = fake.calls.find((c) => c.args['channel'] === 'COTHER')!.at;
    // Not held up: the other channel's post goes out while this channel still waits its turn
    // (before its second post), not after the queue (an absolute bound flaked on a busy machine).
    expect(otherAt).toBeLessThan(times[1]!);
  });

  it('delivers a burst of 20 posts through two 429s, each exactly once and in order', async () => {
    const slack = deliverer(0);
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1, times: 2, when: (args) => args['channel'] === 'COTHER' });
    const burst = Array.from({ length: 20 }, (_, i) => `burst ${String(i).padStart(2, '0')}`);
    await Promise.all(burst.map((text) => slack.post({ platform: 'slack', conversationId: `${TEAM}:COTHER` }, textMessage(text))));
    const arrived = fake
      .messages('COTHER')
      .map((m) => m.text)
      .filter((t) => t.startsWith('burst'));
    expect(arrived).toEqual(burst);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429)).toHaveLength(2);
  });

  it('turns "not_in_channel" into a Lederrum error the person can act on', async () => {
    fake.addChannel({ id: 'CGONE', name: 'gone', members: [] });
    await expect(deliverer(0).post({ platform: 'slack', conversationId: `${TEAM}:CGONE` }, textMessage('x'))).rejects.toMatchObject({ code: 'NOT_IN_CONVERSATION' });
  });
});

describe('a submission that takes longer than Slack waits', () => {
  it('acknowledges with "saving" in time, then shows the outcome in the same modal', async () => {
    const world = await startSlackWorld({ submitBudgetMs: 1 });
    try {
      await setUpGroup(world);
      // With a 1 ms budget even group creation finishes late: the modal then shows the result by views.update.
      const created = await world.fake.waitFor(() => [...world.fake.views.values()].find((v) => JSON.stringify(v.view.blocks).includes('er oprettet')));
      expect(created.userId).toBe(MIA.id);
      const round = await startRound(world);
      await world.press(MIA, answerButtonOf(world, round), { messageTs: round.ts });
      const form = await world.nextForm(MIA);
      const ack = await world.submit(MIA, form, { answer: 'Lang dag, god afslutning.' });
      expect(ack.json.response_action).toBe('update');
      expect(JSON.stringify(ack.json.view.blocks)).toContain('Jeg gemmer dit svar');
      const done = await world.fake.waitFor(() => (JSON.stringify(world.fake.views.get(form.id)?.view.blocks).includes('dit svar står i tråden') ? world.fake.views.get(form.id) : undefined));
      expect(done.id).toBe(form.id);
      expect(world.fake.thread(CHANNEL, round.ts).map((m) => m.text)).toEqual(['Mia Holm: Lang dag, god afslutning.']);
    } finally {
      await world.close();
    }
  });
});
