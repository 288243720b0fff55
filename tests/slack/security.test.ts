// What Slack's signing protects, and what a hostile or broken request gets: a forged signature
// or a stale timestamp is refused before anything runs; a retried event has one effect; a
// malformed payload or an unknown action is answered without a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventCallback, postSigned, slashCommand } from '../support/fake-slack/index.ts';
import { CHANNEL, MIA, SECRET, TEAM, setUpGroup, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

function startCommand(responseUrl: string) {
  return slashCommand({ teamId: TEAM, channelId: CHANNEL, channelName: 'ledergruppen', userId: MIA.id, userName: MIA.name, text: 'start', triggerId: world.fake.newTrigger(MIA.id), responseUrl });
}

async function checkinCount(): Promise<number> {
  return world.app.database.prisma.checkin.count();
}

describe('requests Slack did not sign', () => {
  it('refuses a forged signature with 401, and nothing happens', async () => {
    const callsBefore = world.fake.calls.length;
    const responseUrl = world.fake.newResponseUrl();
    const response = await postSigned(world.eventsUrl, SECRET, { form: startCommand(responseUrl) }, { signature: `v0=${'0'.repeat(64)}` });
    expect(response.status).toBe(401);
    const signedWithOtherSecret = await postSigned(world.eventsUrl, 'not-the-secret-at-all', { form: startCommand(responseUrl) });
    expect(signedWithOtherSecret.status).toBe(401);
    await sleep(300);
    expect(world.fake.calls.length).toBe(callsBefore);
    expect(world.fake.responses.filter((r) => responseUrl.endsWith(r.id))).toEqual([]);
    expect(await checkinCount()).toBe(0);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old', async () => {
    const callsBefore = world.fake.calls.length;
    const responseUrl = world.fake.newResponseUrl();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await postSigned(world.eventsUrl, SECRET, { form: startCommand(responseUrl) }, { timestampSeconds: sixMinutesAgo });
    expect(response.status).toBe(401);
    await sleep(300);
    expect(world.fake.calls.length).toBe(callsBefore);
    expect(await checkinCount()).toBe(0);
  });
});

describe('a retried event', () => {
  it('starts one check-in and posts one round message, however often Slack retries it', async () => {
    const mention = { type: 'app_mention', user: MIA.id, text: '<@UBOT> tjekind start', channel: CHANNEL, ts: '1700000000.000900', event_ts: '1700000000.000900' };
    const first = await world.event(mention, { eventId: 'Ev0RETRY1' });
    expect(first.status).toBe(200);
    await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.startsWith('Tjek-ind #1 · Siden sidst')));
    for (const retryNum of [1, 2]) {
      const retry = await world.event(mention, { eventId: 'Ev0RETRY1', retryNum });
      expect(retry.status).toBe(200);
    }
    await sleep(500);
    expect(world.channelPosts().filter((m) => m.text.startsWith('Tjek-ind #1 · Siden sidst'))).toHaveLength(1);
    expect(await checkinCount()).toBe(1);
    // The facilitator was told privately that it started, once, and got no "still open" for the retries.
    expect(world.fake.ephemerals.filter((e) => e.user === MIA.id).map((e) => e.text)).toEqual([expect.stringContaining('Tjek-ind #1 er startet')]);
    expect(world.app.logger.lines.some((line) => line.message === 'slack event repeated, ignored')).toBe(true);
  });
});

describe('malformed and unknown input', () => {
  it('answers a signed payload that is not JSON with an error status, and keeps serving', async () => {
    const response = await postSigned(world.eventsUrl, SECRET, { form: { payload: '{not json' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const health = await fetch(`${world.app.url}healthz`);
    expect(health.status).toBe(200);
  });

  it('logs a signed interaction of the wrong shape and changes nothing', async () => {
    const callsBefore = world.fake.calls.length;
    const response = await postSigned(world.eventsUrl, SECRET, {
      form: { payload: JSON.stringify({ type: 'block_actions', team: { id: TEAM }, user: { id: MIA.id }, actions: [{ action_id: 'round.pass|1' }] }) },
    });
    expect(response.status).toBe(200);
    await world.fake.waitFor(() => world.app.logger.lines.find((line) => line.message === 'slack action malformed'));
    expect(world.fake.calls.slice(callsBefore).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('answers an unknown button with the help, only to the person who pressed it', async () => {
    const { response, responseUrl } = await world.press(MIA, { action_id: 'something.retired|0', value: 'x', text: { text: 'Old' } });
    expect(response.status).toBe(200);
    const reply = await world.responseTo(responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body.blocks)).toContain('tjekind start');
  });

  it('ignores an event of a kind it does not handle, with 200', async () => {
    const body = eventCallback({ teamId: TEAM, event: { type: 'reaction_added', user: MIA.id, reaction: 'tada' } });
    const response = await postSigned(world.eventsUrl, SECRET, { json: body });
    expect(response.status).toBe(200);
  });
});
