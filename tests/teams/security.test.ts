// With an app id configured, /api/messages trusts only Bot Framework tokens: unsigned, wrongly
// signed, expired or misaddressed requests are refused before anything runs, and nothing is
// stored or sent. Malformed activities and unknown card actions are handled, never a crash.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, postActivity, type FakeApp } from '../support/fake-teams/index.ts';
import { holdWork } from '../support/work-gate.ts';
import { CHANNEL, JONAS, MIA, personalChatId, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

const APP: FakeApp = { appId: randomUUID(), password: 'teams-test-secret', type: 'MultiTenant' };
let world: TeamsWorld;

beforeAll(async () => {
  // The app id and secret arrive as a deployment sets them; the fake only replaces Microsoft's endpoints.
  world = await startTeamsWorld({ env: { TEAMS: 'on', MICROSOFT_APP_ID: APP.appId, MICROSOFT_APP_PASSWORD: APP.password } });
}, 60_000);
afterAll(async () => world?.close());

function helpFromMia() {
  return messageActivity({
    from: MIA,
    conversation: { id: personalChatId(MIA), conversationType: 'personal', tenantId: world.fake.tenantId },
    text: 'hjælp',
    serviceUrl: world.fake.serviceUrl,
    botId: APP.appId,
    locale: 'da-DK',
  });
}

async function sideEffects() {
  return {
    sent: world.fake.recorded.length,
    people: await world.app.database.prisma.user.count(),
    conversations: await world.app.database.prisma.teamsConversation.count(),
  };
}

describe('requests Teams did not sign', () => {
  it('does not warn about running unauthenticated when an app id is set', () => {
    expect(world.app.logger.lines.some((l) => l.message.includes('WITHOUT authentication'))).toBe(false);
  });

  it("refuses an unsigned request, a stranger's signature, an expired token and a token for another bot, with no effect", async () => {
    const before = await sideEffects();
    const identity = world.fake.identity;
    const attempts = {
      unsigned: undefined,
      stranger: identity.channelToken({ appId: APP.appId, serviceUrl: world.fake.serviceUrl, signedBy: 'stranger' }),
      expired: identity.channelToken({ appId: APP.appId, serviceUrl: world.fake.serviceUrl, expiresInSeconds: -600 }),
      otherBot: identity.channelToken({ appId: APP.appId, serviceUrl: world.fake.serviceUrl, audience: randomUUID() }),
    };
    for (const [name, token] of Object.entries(attempts)) {
      const response = await postActivity(world.endpoint, helpFromMia(), token ? { token } : {});
      expect(response.status, name).toBe(401);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sideEffects()).toEqual(before);
  });

  it('refuses an unsigned request with 401 when the work queue is full too, not with a busy reply', async () => {
    const gate = holdWork(world.app.work, world.app.work.limit);
    const sent = world.fake.recorded.length;
    expect((await postActivity(world.endpoint, helpFromMia())).status).toBe(401);
    gate.release();
    await world.app.settled();
    expect(world.fake.recorded.length).toBe(sent);
  });

  it('serves a request with a valid Bot Framework token, answering with a token of its own', async () => {
    const token = world.fake.identity.channelToken({ appId: APP.appId, serviceUrl: world.fake.serviceUrl });
    const response = await postActivity(world.endpoint, helpFromMia(), { token });
    expect(response.status).toBe(200);
    const reply = await world.fake.waitFor(() => world.fake.sent(personalChatId(MIA)).find((r) => textOf(r.activity).includes('Lederrum – tjek-ind for ledergrupper')));
    expect(reply.authorization).toMatch(/^Bearer /);
    expect(world.fake.identity.issuedTokens.map((t) => t.clientId)).toContain(APP.appId);
  });
});

describe('a personal chat Lederrum opens itself', () => {
  it("is created with the bot's own token, and the reply to a channel command arrives there, not in the channel", async () => {
    const token = world.fake.identity.channelToken({ appId: APP.appId, serviceUrl: world.fake.serviceUrl });
    const started = Date.now();
    expect((await world.say(JONAS, 'hjælp', 'channel', token)).status).toBe(200);
    const reply = await world.fake.waitFor(() => world.fake.sent(personalChatId(JONAS)).find((r) => r.at >= started && textOf(r.activity).includes('Lederrum – tjek-ind for ledergrupper')));
    const created = world.fake.recorded.find((r) => r.op === 'create_conversation' && r.at >= started)!;
    expect([created.status, created.conversationId]).toEqual([201, personalChatId(JONAS)]);
    expect(created.authorization).toMatch(/^Bearer /);
    expect(reply.authorization).toMatch(/^Bearer /);
    expect(world.fake.sent(CHANNEL).filter((r) => r.at >= started)).toEqual([]);
  });
});

describe('activities Lederrum cannot use', () => {
  it('answers a body that is not JSON with 400 and keeps serving', async () => {
    const response = await fetch(world.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining('activity') });
    expect((await fetch(`${world.app.url}healthz`)).status).toBe(200);
  });
});
