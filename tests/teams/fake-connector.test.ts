// The fake Teams against the unmodified botbuilder stack: teams-ai's TeamsAdapter (a CloudAdapter
// built from ConfigurationBotFrameworkAuthentication) behind express, with and without an app id.
// Proves the fake speaks the Bot Connector API as ConnectorClient/TeamsInfo call it, that inbound
// channel tokens are checked against the fake identity provider and outbound tokens come from it,
// what botbuilder throws on 429/403/404, and that no connection ever leaves loopback.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { TeamsInfo, TurnContext, type ConversationReference } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FakeIdentityProvider,
  guardLoopback,
  messageActivity,
  postActivity,
  startFakeConnector,
  type FakeApp,
  type FakeConnector,
  type FakeTeamsMember,
  type LoopbackGuard,
} from '../support/fake-teams/index.ts';

const MIA: FakeTeamsMember = { id: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Holm', email: 'mia@example.test' };
const JONAS: FakeTeamsMember = { id: '29:jonas', aadObjectId: 'aad-jonas', name: 'Jonas Berg' };
const SARA: FakeTeamsMember = { id: '29:sara', aadObjectId: 'aad-sara', name: 'Sara Lund' };
const TEAM = '19:team-nord@thread.tacv2';
const CHANNEL = { id: TEAM, type: 'channel' as const, teamId: TEAM, name: 'Team Nord', members: [MIA, JONAS, SARA] };
const MIA_CHAT = { id: 'a:chat-mia', type: 'personal' as const, members: [MIA] };
const GROUP = { id: '19:group@thread.v2', type: 'groupChat' as const, name: 'Ledere', members: [MIA, SARA] };

type Logic = (context: TurnContext) => Promise<void>;
const echo: Logic = async (context) => {
  if (context.activity.type === 'message') await context.sendActivity(`echo ${context.activity.text}`);
};

interface Bot {
  url: string;
  runs: number;
  errors: any[];
  logic: Logic;
  close(): Promise<void>;
}

/** An express app whose /api/messages runs `bot.logic` through the adapter, keeping what it throws. */
async function startBot(adapter: TeamsAdapter): Promise<Bot> {
  const app = express();
  const bot: Bot = { url: '', runs: 0, errors: [], logic: echo, close: async () => {} };
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      bot.runs += 1;
      try {
        await bot.logic(context);
      } catch (error) {
        bot.errors.push(error);
      }
    });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  bot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  bot.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return bot;
}

const IDENTITY_PATHS = /well-known|\/keys|oauth2/;
let guard: LoopbackGuard;

beforeAll(() => {
  guard = guardLoopback();
});
afterEach(() => {
  expect(guard.blocked, 'a connection tried to leave loopback').toEqual([]);
});
afterAll(() => guard.restore());

describe('no app id (local development)', () => {
  const BOT = 'lederrum-local';
  let fake: FakeConnector;
  let adapter: TeamsAdapter;
  let bot: Bot;
  const say = (conversation: { id: string; type: 'personal' | 'channel' | 'groupChat'; teamId?: string }, text: string, extra: { mentionBot?: boolean } = {}) =>
    messageActivity({ from: MIA, conversation, text, serviceUrl: fake.serviceUrl, botId: BOT, ...extra });

  beforeAll(async () => {
    fake = await startFakeConnector();
    for (const c of [CHANNEL, MIA_CHAT, GROUP]) fake.addConversation(c);
    adapter = new TeamsAdapter({});
    bot = await startBot(adapter);
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
  });

  it('answers a posted message through the fake, with no Authorization in either direction', async () => {
    bot.logic = echo;
    const activity = say(MIA_CHAT, 'hej');
    const response = await postActivity(bot.url, activity);
    expect(response.status).toBe(200);
    const [reply] = fake.sent(MIA_CHAT.id);
    expect(reply).toMatchObject({ op: 'reply', conversationId: MIA_CHAT.id, replyToId: activity.id, status: 201 });
    expect(reply?.activity).toMatchObject({ type: 'message', text: 'echo hej', recipient: { id: MIA.id } });
    expect(reply?.authorization).toBeUndefined();
    expect(fake.requests.filter((r) => IDENTITY_PATHS.test(r.path))).toEqual([]);
  });

  it('delivers a channel @mention the way TurnContext.removeRecipientMention understands', async () => {
    let stripped: string | undefined;
    bot.logic = async (context) => {
      stripped = TurnContext.removeRecipientMention(context.activity)?.trim();
      await context.sendActivity(`echo ${stripped}`);
    };
    await postActivity(bot.url, say(CHANNEL, 'tjekind start', { mentionBot: true }));
    expect(stripped).toBe('tjekind start');
    expect(fake.sent(TEAM).at(-1)?.activity.text).toBe('echo tjekind start');
  });

  it('sends proactively with continueConversationAsync and opens a 1:1 chat with createConversationAsync', async () => {
    const reference = TurnContext.getConversationReference(say(GROUP, 'x')) as ConversationReference;
    delete reference.activityId;
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('proactive hello');
    });
    // botbuilder's continuation activity gets a random UUID as id, and sendActivity replies to it:
    // a proactive send is POST …/activities/{that uuid} (op 'reply'), not POST …/activities.
    const [proactive] = fake.sent(GROUP.id);
    expect([proactive?.op, proactive?.activity.text]).toEqual(['reply', 'proactive hello']);
    expect(proactive?.replyToId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const parameters = {
      isGroup: false,
      bot: { id: `28:${BOT}`, name: 'Lederrum' },
      members: [{ id: JONAS.id, name: JONAS.name }],
      tenantId: fake.tenantId,
      channelData: { tenant: { id: fake.tenantId } },
    };
    let openedIn: string | undefined;
    await adapter.createConversationAsync('', 'msteams', fake.serviceUrl, 'https://api.botframework.com', parameters as any, async (context) => {
      openedIn = context.activity.conversation.id;
      await context.sendActivity('just for you');
    });
    const chat = fake.personalChatOf(JONAS.id);
    expect(chat).toMatch(/^a:/);
    expect(openedIn).toBe(chat);
    expect(fake.personalChatOf(JONAS.aadObjectId)).toBe(chat);
    expect(fake.sent(chat ?? '').map((r) => r.activity.text)).toEqual(['just for you']);
  });

  it('serves roster reads as TeamsInfo makes them (paged team members, single member, 404 for strangers)', async () => {
    const seen: { pages: string[][]; member?: any; missing?: any; direct?: any } = { pages: [] };
    bot.logic = async (context) => {
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, 2, token);
        seen.pages.push(page.members.map((m) => m.id));
        token = page.continuationToken;
      } while (token);
      seen.member = await TeamsInfo.getMember(context, JONAS.id);
      seen.missing = await TeamsInfo.getMember(context, '29:nobody').catch((error: unknown) => error);
      const client = context.turnState.get(adapter.ConnectorClientKey);
      seen.direct = await client.conversations.getConversationMembers(GROUP.id);
    };
    const before = fake.requests.length;
    await postActivity(bot.url, say(CHANNEL, 'roster', { mentionBot: true }));
    expect(seen.pages).toEqual([[MIA.id, JONAS.id], [SARA.id]]);
    expect(seen.member).toMatchObject({ id: JONAS.id, aadObjectId: JONAS.aadObjectId, name: JONAS.name, givenName: 'Jonas', surname: 'Berg' });
    expect(seen.missing).toMatchObject({ statusCode: 404, code: 'MemberNotFoundInConversation' });
    expect(seen.direct.map((m: any) => m.id)).toEqual([MIA.id, SARA.id]);
    const paths = fake.requests.slice(before).map((r) => `${r.method} ${decodeURIComponent(r.path)}`);
    expect(paths).toContain(`GET /v3/conversations/${TEAM}/pagedmembers?pageSize=2`);
    expect(paths).toContain(`GET /v3/conversations/${TEAM}/members/${JONAS.id}`);
  });

  it('records updates and deletes, and answers 404 for an activity the bot never sent', async () => {
    let foreign: any;
    bot.logic = async (context) => {
      const sent = await context.sendActivity('version 1');
      await context.updateActivity({ id: sent?.id, type: 'message', text: 'version 2' });
      await context.deleteActivity(sent?.id ?? '');
      foreign = await context.updateActivity({ id: 'not-ours', type: 'message', text: 'x' }).catch((error: unknown) => error);
    };
    const before = fake.recorded.length;
    await postActivity(bot.url, say(MIA_CHAT, 'edit'));
    const ops = fake.recorded.slice(before).map((r) => [r.op, r.status, r.activity?.text]);
    expect(ops).toEqual([
      ['reply', 201, 'version 1'],
      ['update', 200, 'version 2'],
      ['delete', 200, undefined],
      ['update', 404, 'x'],
    ]);
    expect(fake.recorded.at(-3)?.activityId).toBe(fake.recorded.at(-4)?.activityId);
    expect(foreign).toMatchObject({ statusCode: 404, code: 'ActivityNotFoundInConversation' });
  });

  it('refuses an activity over 28 KB with 413 MessageSizeTooBig, as Teams does, and takes one just under', async () => {
    let refused: any;
    let updateRefused: any;
    bot.logic = async (context) => {
      const small = await context.sendActivity({ type: 'message', text: 'x'.repeat(27_000) });
      refused = await context.sendActivity({ type: 'message', text: 'x'.repeat(29 * 1024) }).catch((error: unknown) => error);
      updateRefused = await context.updateActivity({ id: small?.id, type: 'message', text: 'y'.repeat(29 * 1024) }).catch((error: unknown) => error);
    };
    const before = fake.recorded.length;
    await postActivity(bot.url, say(MIA_CHAT, 'big'));
    expect(fake.recorded.slice(before).map((r) => [r.op, r.status])).toEqual([
      ['reply', 201],
      ['reply', 413],
      ['update', 413],
    ]);
    expect(refused).toMatchObject({ statusCode: 413, code: 'MessageSizeTooBig' });
    expect(updateRefused).toMatchObject({ statusCode: 413, code: 'MessageSizeTooBig' });
  });

  it('lets botbuilder absorb a single 429 (it waits Retry-After and retries)', async () => {
    bot.logic = echo;
    fake.failNext('post', { status: 429, retryAfterSeconds: 1, times: 1 });
    const before = fake.recorded.length;
    await postActivity(bot.url, say(MIA_CHAT, 'once'));
    const attempts = fake.recorded.slice(before);
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(bot.errors).toEqual([]);
  }, 15_000);

  it("surfaces a 429 that outlasts botbuilder's 3 retries as a RestError with statusCode 429 and Retry-After", async () => {
    bot.errors = [];
    fake.failNext('reply', { status: 429, retryAfterSeconds: 1, times: 4 });
    const before = fake.recorded.length;
    const response = await postActivity(bot.url, say(MIA_CHAT, 'throttled'));
    expect(response.status).toBe(200);
    const attempts = fake.recorded.slice(before);
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    for (let i = 1; i < attempts.length; i++) expect((attempts[i]?.at ?? 0) - (attempts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    const [error] = bot.errors;
    expect(error).toMatchObject({ name: 'RestError', statusCode: 429, code: 'Throttled', details: { error: { code: 'Throttled' } } });
    expect(error.response.status).toBe(429);
    expect(error.response.headers.get('retry-after')).toBe('1');
    expect(fake.sent(MIA_CHAT.id).some((r) => r.activity.text === 'echo throttled')).toBe(false);
  }, 20_000);

  it('lets botbuilder retry a single 503, and answers 403 BotNotInConversationRoster once the bot is removed', async () => {
    fake.failNext('reply', { status: 503, times: 1 });
    const reference = TurnContext.getConversationReference(say(GROUP, 'x')) as ConversationReference;
    delete reference.activityId;
    const before = fake.recorded.length;
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('after a blip');
    });
    expect(fake.recorded.slice(before).map((r) => r.status)).toEqual([503, 201]);

    fake.removeBot(GROUP.id);
    const error = await adapter
      .continueConversationAsync('', reference, async (context) => {
        await context.sendActivity('anyone?');
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RestError', statusCode: 403, code: 'BotNotInConversationRoster' });
    expect(fake.recorded.at(-1)).toMatchObject({ op: 'reply', conversationId: GROUP.id, status: 403 });
  }, 15_000);
});

describe.each(['MultiTenant', 'SingleTenant'] as const)('with an app id (%s)', (type) => {
  const app: FakeApp = { appId: `lederrum-${type.toLowerCase()}-${randomUUID()}`, password: 'fake-secret', type, ...(type === 'SingleTenant' ? { tenantId: 'tenant-0001' } : {}) };
  const tokenTenant = type === 'SingleTenant' ? 'tenant-0001' : 'botframework.com';
  let fake: FakeConnector;
  let adapter: TeamsAdapter;
  let bot: Bot;
  const activity = (text: string) => messageActivity({ from: MIA, conversation: MIA_CHAT, text, serviceUrl: fake.serviceUrl, botId: app.appId });
  const token = (overrides: Partial<Parameters<FakeConnector['identity']['channelToken']>[0]> = {}) => fake.identity.channelToken({ appId: app.appId, serviceUrl: fake.serviceUrl, ...overrides });

  beforeAll(async () => {
    fake = await startFakeConnector();
    fake.addConversation(MIA_CHAT);
    adapter = new TeamsAdapter(fake.identity.botFrameworkConfig(app), fake.credentialsFactory(app));
    bot = await startBot(adapter);
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
  });

  it('processes a request with a valid channel token and answers with a token from the fake', async () => {
    const response = await postActivity(bot.url, activity('hej'), { token: token() });
    expect(response.status).toBe(200);
    const [reply] = fake.sent(MIA_CHAT.id);
    expect(reply?.activity.text).toBe('echo hej');
    expect(reply?.authorization).toMatch(/^Bearer ey/);
    expect(FakeIdentityProvider.appIdOf(reply?.authorization)).toBe(app.appId);
    expect(fake.identity.issuedTokens).toEqual([{ clientId: app.appId, scope: 'https://api.botframework.com/.default' }]);
    const served = fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.status}`);
    expect(served.slice(0, 4)).toEqual([
      'GET /v1/.well-known/openidconfiguration 200',
      'GET /v1/.well-known/keys 200',
      `GET /${tokenTenant}/v2.0/.well-known/openid-configuration 200`,
      `POST /${tokenTenant}/oauth2/v2.0/token 200`,
    ]);
    expect(fake.identity.msalTraffic.refused).toEqual([]);
  });

  it('sends proactively with a bearer token', async () => {
    const reference = TurnContext.getConversationReference(activity('x')) as ConversationReference;
    delete reference.activityId;
    await adapter.continueConversationAsync(app.appId, reference, async (context) => {
      await context.sendActivity('proactive');
    });
    const last = fake.sent(MIA_CHAT.id).at(-1);
    expect(last).toMatchObject({ op: 'reply', status: 201, activity: { text: 'proactive' } });
    expect(FakeIdentityProvider.appIdOf(last?.authorization)).toBe(app.appId);
  });

  it.each([
    ['no Authorization header', () => undefined, 401],
    ['a token signed by a key not in the JWKS', () => token({ signedBy: 'stranger' }), 401],
    ['an expired token (beyond the 5 minutes of clock skew)', () => token({ expiresInSeconds: -600 }), 401],
    ['a token for another app (wrong audience)', () => token({ audience: 'someone-else' }), 401],
    ['a token from another issuer', () => token({ issuer: 'https://api.botframework.com' }), 401],
    ['a token for another serviceUrl', () => token({ serviceUrl: 'http://127.0.0.1:9/' }), 401],
    // jsonwebtoken's 'invalid signature' is not an AuthenticationError, so CloudAdapter answers 500.
    ['a stranger key claiming the trusted kid', () => token({ signedBy: 'impostor' }), 500],
  ])('rejects %s before the bot runs', async (_name, makeToken, status) => {
    const muted = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const runs = bot.runs;
      const recorded = fake.recorded.length;
      const t = makeToken();
      const response = await postActivity(bot.url, activity('intruder'), t ? { token: t } : {});
      expect(response.status).toBe(status);
      expect(bot.runs).toBe(runs);
      expect(fake.recorded.length).toBe(recorded);
    } finally {
      muted.mockRestore();
    }
  });

  it('refuses connector calls without a bearer token the fake issued (401, recorded)', async () => {
    const url = `${fake.serviceUrl}v3/conversations/${encodeURIComponent(MIA_CHAT.id)}/activities`;
    const post = (authorization?: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ type: 'message', text: 'direct' }) });
    expect((await post()).status).toBe(401);
    expect((await post(`Bearer ${token()}`)).status).toBe(401);
    expect(fake.recorded.slice(-2).map((r) => [r.op, r.status])).toEqual([
      ['send', 401],
      ['send', 401],
    ]);
    expect((await post(fake.sent(MIA_CHAT.id)[0]?.authorization)).status).toBe(201);
  });
});

describe('outbound auth from configuration alone (why the credentials factory is needed)', () => {
  const app: FakeApp = { appId: `lederrum-config-only-${randomUUID()}`, password: 'fake-secret', type: 'MultiTenant' };
  let fake: FakeConnector;

  beforeAll(async () => {
    fake = await startFakeConnector();
    fake.addConversation(MIA_CHAT);
  });
  afterAll(async () => fake?.close());

  async function sendWith(config: Record<string, string>) {
    const adapter = new TeamsAdapter(config);
    const reference = TurnContext.getConversationReference(messageActivity({ from: MIA, conversation: MIA_CHAT, text: 'x', serviceUrl: fake.serviceUrl, botId: app.appId })) as ConversationReference;
    return adapter.continueConversationAsync(app.appId, reference, async (context) => void (await context.sendActivity('never'))).catch((e: unknown) => e);
  }

  it('fails before any request when the login URL is the fake (MSAL refuses http authorities)', async () => {
    const error = await sendWith(fake.identity.botFrameworkConfig(app));
    expect(error).toMatchObject({ name: 'ClientConfigurationError', errorCode: 'authority_uri_insecure' });
    expect(fake.identity.issuedTokens).toEqual([]);
    expect(fake.recorded).toEqual([]);
  });

  it('tries login.microsoftonline.com (instance discovery) for an https authority MSAL does not know', async () => {
    const config = { ...fake.identity.botFrameworkConfig(app), ToChannelFromBotLoginUrl: fake.identity.authorityFor(app) };
    const error = await sendWith(config);
    const blocked = guard.blocked.splice(0); // seen and expected; the afterEach check is for everything else
    expect(error).toMatchObject({ name: 'ClientAuthError', errorCode: 'endpoints_resolution_error' });
    expect(blocked).toEqual([{ host: 'login.microsoftonline.com', port: 443 }]);
    expect(fake.requests.filter((r) => IDENTITY_PATHS.test(r.path) && !r.path.startsWith('/v1/'))).toEqual([]);
    expect(fake.recorded).toEqual([]);
  });
});
