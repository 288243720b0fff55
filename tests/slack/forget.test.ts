// "slet mine data" in Slack, through the real Bolt stack over HTTP against the fake Slack: Jonas
// answers a round, the check-in closes with a summary naming him, he deletes his data, and Slack
// records chat.update on his answer in the thread and on the summary, without his name or words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerButtonOf, CHANNEL, JONAS, MIA, setUpGroup, startRound, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
}, 60_000);
afterAll(async () => world?.close());

describe('deleting my data in Slack', () => {
  it('edits the answer in the thread and the summary, and tells Jonas what went', async () => {
    await setUpGroup(world);
    const since = await startRound(world);
    await world.press(JONAS, answerButtonOf(world, since), { messageTs: since.ts });
    await world.submit(JONAS, await world.nextForm(JONAS), { answer: 'Quokka-travlhed i budgettet.' });
    await world.press(MIA, answerButtonOf(world, since), { messageTs: since.ts });
    await world.submit(MIA, await world.nextForm(MIA), { answer: 'Mias egen uge.' });
    const reply = await world.fake.waitFor(() => world.fake.thread(CHANNEL, since.ts).find((m) => m.text.includes('Quokka')));
    await world.slash(MIA, 'afslut');
    const summary = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.includes('er afsluttet')));
    expect(world.textOf(summary.blocks)).toContain('Jonas Berg');

    const { responseUrl } = await world.slash(JONAS, 'slet mine data');
    const ask = (await world.responseTo(responseUrl)).body as { response_type: string; blocks: unknown[] };
    expect(ask.response_type).toBe('ephemeral');
    expect(world.textOf(ask.blocks)).toContain('chathistorikken på Slack');
    const confirm = world.buttonsOf(ask).find((b) => b.action_id.startsWith('forget.confirm'))!;

    // Mia pressing Jonas's confirmation changes nothing.
    const stolen = await world.press(MIA, confirm);
    expect(world.textOf([(await world.responseTo(stolen.responseUrl)).body])).toContain('Den bekræftelse er ikke din');
    expect(world.fake.calls.filter((c) => c.method === 'chat.update' && c.args['ts'] === reply.ts)).toEqual([]);

    const done = await world.press(JONAS, confirm);
    const told = world.textOf([(await world.responseTo(done.responseUrl)).body]);
    expect(told).toContain('Dine data er slettet');
    expect(told).not.toContain('Quokka');

    const updatesOf = (ts: string) => world.fake.calls.filter((c) => c.method === 'chat.update' && c.args['ts'] === ts && c.status === 200);
    const answerEdit = await world.fake.waitFor(() => updatesOf(reply.ts).at(-1));
    const summaryEdit = await world.fake.waitFor(() => updatesOf(summary.ts).at(-1));
    for (const edit of [answerEdit, summaryEdit]) {
      const sent = JSON.stringify(edit.args);
      expect(sent).not.toContain('Quokka');
      expect(sent).not.toContain('Jonas');
    }
    expect(JSON.stringify(answerEdit.args)).toContain('Indholdet er slettet');
    expect(JSON.stringify(summaryEdit.args)).toContain('Mia Holm');
    // What the channel shows now holds nothing of Jonas's words.
    expect(JSON.stringify(world.fake.messages(CHANNEL))).not.toContain('Quokka');
    // Nor his name: the welcome lists the members still there.
    expect(JSON.stringify(world.fake.messages(CHANNEL))).not.toContain('Jonas Berg');
  });
});
