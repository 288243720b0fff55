// Socket Mode: no public URL. With an app-level token Lederrum opens a WebSocket to Slack
// (apps.connections.open), acknowledges every envelope on it — slash commands, interactivity,
// Events API — and serves nothing on /slack/events. Closing the app closes the connection.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { blockAction, eventCallback, signSlackRequest, slashCommand, startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';

const APP_TOKEN = 'xapp-1-A0001-test';
const TEAM = 'T0001';
const CHANNEL = 'C0SOCKET';
const MIA = { id: 'UMIA', name: 'Mia Holm' };
const HELP_HEADER = 'Lederrum – tjek-ind for ledergrupper';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let fake: FakeSlack;
let app: Awaited<ReturnType<typeof startTestApp>>;
let appClosed = false;

beforeAll(async () => {
  fake = await startFakeSlack({ teamId: TEAM });
  fake.addUser({ id: MIA.id, teamId: TEAM, name: 'mia', realName: MIA.name, tz: 'Europe/Copenhagen', locale: 'da-DK' });
  fake.addChannel({ id: CHANNEL, name: 'ledere', isPrivate: true, members: [MIA.id, fake.team().botUserId] });
  app = await startTestApp({
    env: { SLACK_APP_TOKEN: APP_TOKEN, SLACK_BOT_TOKEN: fake.team().botToken, SLACK_API_URL: fake.apiUrl, SLACK_PACE_MS: '0' },
    slackTuning: { retry: { retries: 1, factor: 2, minTimeout: 20, maxTimeout: 100 } },
  });
}, 60_000);

afterAll(async () => {
  if (!appClosed) await app?.close();
  await fake?.close();
});

function responsesTo(responseUrl: string) {
  const id = responseUrl.split('/').pop()!;
  return fake.responses.filter((r) => r.id === id);
}

describe('Lederrum in Socket Mode', () => {
  it('opens one connection with the app-level token', async () => {
    await fake.waitFor(() => fake.socket.connected() === 1);
    const opens = fake.calls.filter((c) => c.method === 'apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens.every((c) => c.token === APP_TOKEN)).toBe(true);
    expect(opens.at(-1)!.error).toBeUndefined();
  }, 30_000);

  it('acks a slash command envelope and answers the help on its response_url', async () => {
    await fake.waitFor(() => fake.socket.connected() === 1);
    const callsBefore = fake.calls.length;
    const responseUrl = fake.newResponseUrl();
    const payload = slashCommand({ teamId: TEAM, channelId: CHANNEL, channelName: 'ledere', userId: MIA.id, userName: MIA.name, text: 'hjælp', triggerId: fake.newTrigger(MIA.id), responseUrl });
    const ack = await fake.socket.send({ type: 'slash_commands', payload, acceptsResponsePayload: true });
    expect(ack.envelope_id).toMatch(UUID);
    const reply = await fake.waitFor(() => responsesTo(responseUrl)[0]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body)).toContain(HELP_HEADER);
    // The Web API was spoken to with the bot token, never the app-level token.
    const made = fake.calls.slice(callsBefore);
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((c) => c.token !== fake.team().botToken).map((c) => `${c.method} with ${c.token}`)).toEqual([]);
  }, 30_000);

  it('acks an interactive envelope: an unknown button gets the help, only for the person who pressed it', async () => {
    const responseUrl = fake.newResponseUrl();
    const payload = blockAction({
      teamId: TEAM,
      userId: MIA.id,
      userName: MIA.name,
      channelId: CHANNEL,
      channelName: 'ledere',
      messageTs: '1700000000.000100',
      actionId: 'something.retired|0',
      value: 'x',
      triggerId: fake.newTrigger(MIA.id),
      responseUrl,
    });
    const ack = await fake.socket.send({ type: 'interactive', payload, acceptsResponsePayload: true });
    expect(ack.envelope_id).toMatch(UUID);
    const reply = await fake.waitFor(() => responsesTo(responseUrl)[0]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body.blocks)).toContain('tjekind start');
  }, 30_000);

  it("acks an events_api envelope: app_home_opened publishes the person's App Home", async () => {
    expect(fake.homes.has(MIA.id)).toBe(false);
    const payload = eventCallback({ teamId: TEAM, event: { type: 'app_home_opened', user: MIA.id, channel: 'DMIA', tab: 'home', event_ts: (Date.now() / 1000).toFixed(6) } });
    const ack = await fake.socket.send({ type: 'events_api', payload });
    expect(ack.envelope_id).toMatch(UUID);
    const home = await fake.waitFor(() => fake.homes.get(MIA.id));
    expect(home.type).toBe('home');
    expect(JSON.stringify(home.blocks ?? []).length).toBeGreaterThan(2);
    const publish = fake.calls.filter((c) => c.method === 'views.publish').at(-1)!;
    expect(publish.token).toBe(fake.team().botToken);
    expect(publish.args['user_id']).toBe(MIA.id);
  }, 30_000);

  it('does not serve the HTTP Events endpoint: a signed POST to /slack/events is 404, and nothing runs', async () => {
    const callsBefore = fake.calls.length;
    const responseUrl = fake.newResponseUrl();
    const form = slashCommand({ teamId: TEAM, channelId: CHANNEL, channelName: 'ledere', userId: MIA.id, userName: MIA.name, text: 'hjælp', triggerId: fake.newTrigger(MIA.id), responseUrl });
    const raw = new URLSearchParams(form).toString();
    // Signed with some secret: there is none configured in Socket Mode, and none should be needed to be refused.
    const response = await fetch(`${app.url}slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest('any-secret-at-all-0123456789', raw) },
      body: raw,
    });
    expect(response.status).toBe(404);
    const install = await fetch(`${app.url}slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(404);
    // The server itself is up.
    expect((await fetch(`${app.url}healthz`)).status).toBe(200);
    await sleep(300);
    expect(fake.calls.slice(callsBefore)).toEqual([]);
    expect(responsesTo(responseUrl)).toEqual([]);
  }, 30_000);

  it('closes the connection when the app closes', async () => {
    expect(fake.socket.connected()).toBe(1);
    await app.close();
    appClosed = true;
    await fake.waitFor(() => fake.socket.connected() === 0);
    // And it stays closed: no reconnect after a stop.
    await sleep(500);
    expect(fake.socket.connected()).toBe(0);
    await expect(fake.socket.send({ type: 'events_api', payload: {} })).rejects.toThrow(/no Socket Mode connection/);
  }, 30_000);
});
