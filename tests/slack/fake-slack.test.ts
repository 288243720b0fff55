// The fake Slack against the real SDKs: an unmodified WebClient (retries, rate limits, platform
// errors, pagination, OAuth) and SocketModeClient (hello, envelopes, acks, disconnects) talk to
// it over loopback HTTP and WebSocket, proving it speaks the wire format they expect. Also checks
// request signing against Slack's documented example and the payload helpers.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, LogLevel, WebClient, WebClientEvent, type Logger } from '@slack/web-api';
import { SocketModeClient } from '@slack/socket-mode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, inputValues, postSigned, signSlackRequest, startFakeSlack, viewSubmission, type FakeSlack } from '../support/fake-slack/index.ts';

const BOT_TOKEN = 'xoxb-test-T0001';
const retryConfig = { retries: 3, minTimeout: 10, maxTimeout: 50, factor: 2 };
/** Keeps the SDK's error lines (e.g. response_metadata messages) for assertions instead of printing them. */
const sdkErrors: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (...msg: unknown[]) => void sdkErrors.push(msg.map(String).join(' ')),
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
let fake: FakeSlack;
let client: WebClient;

const platformError = (error: string) => ({ code: ErrorCode.PlatformError, data: { ok: false, error } });

const modal = (overrides: Record<string, unknown> = {}) => ({
  type: 'modal',
  callback_id: 'checkin',
  title: { type: 'plain_text', text: 'Check-in' },
  submit: { type: 'plain_text', text: 'Send' },
  blocks: [
    { type: 'input', block_id: 'mood', element: { type: 'plain_text_input', action_id: 'mood_text', initial_value: 'fine' }, label: { type: 'plain_text', text: 'Mood' } },
    {
      type: 'input',
      block_id: 'energy',
      element: {
        type: 'static_select',
        action_id: 'energy_pick',
        options: ['low', 'high'].map((v) => ({ text: { type: 'plain_text', text: v }, value: v })),
      },
      label: { type: 'plain_text', text: 'Energy' },
    },
  ],
  ...overrides,
});

beforeAll(async () => {
  fake = await startFakeSlack();
  fake.addUser({ id: 'U0ANNA', teamId: 'T0001', name: 'anna', realName: 'Anna Holm', displayName: 'Anna', tz: 'Europe/Copenhagen', locale: 'da-DK' });
  fake.addUser({ id: 'U0BO', teamId: 'T0001', name: 'bo', realName: 'Bo Nielsen' });
  fake.addChannel({ id: 'C0LEAD', name: 'ledergruppen', members: ['UBOT', 'U0ANNA', 'U0BO'] });
  fake.addChannel({ id: 'C0GONE', name: 'old-group', members: ['UBOT', 'U0ANNA'] });
  fake.addChannel({ id: 'G0SECRET', name: 'secret', isPrivate: true, members: ['U0ANNA'] });
  const many = Array.from({ length: 250 }, (_, i) => `U${String(i).padStart(5, '0')}`);
  fake.addChannel({ id: 'C0BIG', name: 'everyone', members: ['UBOT', ...many] });
  client = new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig, logger });
});

afterAll(async () => {
  await fake?.close();
});

describe('the Web API over HTTP', () => {
  it('answers auth.test for the bot token and refuses other tokens', async () => {
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, team_id: 'T0001', user_id: 'UBOT', bot_id: 'B0001', is_enterprise_install: false });
    const stranger = new WebClient('xoxb-nobody', { slackApiUrl: fake.apiUrl, retryConfig, logger });
    await expect(stranger.auth.test()).rejects.toMatchObject(platformError('invalid_auth'));
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig, logger });
    await expect(anonymous.auth.test()).rejects.toMatchObject(platformError('not_authed'));
    await expect(client.apiCall('nope.nothing')).rejects.toMatchObject(platformError('unknown_method'));
  });

  it('posts, updates and threads a message, with blocks decoded from the form body', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Round open*' } }];
    const posted = await client.chat.postMessage({ channel: 'C0LEAD', text: 'Round open', blocks });
    expect(posted).toMatchObject({ ok: true, channel: 'C0LEAD', message: { text: 'Round open', user: 'UBOT', bot_id: 'B0001' } });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(fake.calls.at(-1)?.token).toBe(BOT_TOKEN);
    expect(fake.messages('C0LEAD')).toEqual([{ channel: 'C0LEAD', ts: posted.ts, text: 'Round open', blocks, user: 'UBOT', edited: false, updates: 0 }]);

    const updated = await client.chat.update({ channel: 'C0LEAD', ts: posted.ts!, text: 'Round closed' });
    expect(updated).toMatchObject({ ok: true, channel: 'C0LEAD', ts: posted.ts, text: 'Round closed' });
    expect(fake.messages('C0LEAD')[0]).toMatchObject({ text: 'Round closed', blocks, edited: true, updates: 1 });

    const reply = await client.chat.postMessage({ channel: 'C0LEAD', thread_ts: posted.ts!, text: 'My answer' });
    expect(reply.ts! > posted.ts!).toBe(true);
    expect(fake.thread('C0LEAD', posted.ts!).map((m) => m.text)).toEqual(['My answer']);
    expect(fake.messages('C0LEAD')).toHaveLength(2);
    await expect(client.chat.postMessage({ channel: 'C0LEAD', thread_ts: '1600000000.000001', text: 'lost' })).rejects.toMatchObject(platformError('thread_not_found'));
    await expect(client.chat.update({ channel: 'C0LEAD', ts: '1600000000.000001', text: 'x' })).rejects.toMatchObject(platformError('message_not_found'));
    const human = fake.postAsUser('C0LEAD', 'U0ANNA', 'hello');
    await expect(client.chat.update({ channel: 'C0LEAD', ts: human.ts, text: 'x' })).rejects.toMatchObject(platformError('cant_update_message'));
  });

  it('answers Slack’s error codes for channels and content', async () => {
    fake.removeFromChannel('C0GONE', 'UBOT');
    await expect(client.chat.postMessage({ channel: 'C0GONE', text: 'hi' })).rejects.toMatchObject(platformError('not_in_channel'));
    expect(fake.messages('C0GONE')).toEqual([]);
    await expect(client.chat.postMessage({ channel: 'C0NOWHERE', text: 'hi' })).rejects.toMatchObject(platformError('channel_not_found'));
    await expect(client.chat.postMessage({ channel: 'G0SECRET', text: 'hi' })).rejects.toMatchObject(platformError('channel_not_found'));
    await expect(client.chat.postMessage({ channel: 'C0LEAD', text: '' })).rejects.toMatchObject(platformError('no_text'));
    await expect(client.chat.postMessage({ channel: 'C0LEAD', text: 'x', blocks: [{ text: 'no type' }] as never })).rejects.toMatchObject(platformError('invalid_blocks'));
    await expect(client.chat.postMessage({ channel: 'C0LEAD', text: 'x'.repeat(40_001) })).rejects.toMatchObject(platformError('msg_too_long'));
    // Block Kit's limits refuse the whole message: more than 50 blocks, a section text over 3000 characters.
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    const fifty = Array.from({ length: 50 }, (_, i) => section(`b${i}`));
    await expect(client.chat.postMessage({ channel: 'C0LEAD', text: 'x', blocks: [...fifty, section('b50')] })).rejects.toMatchObject(platformError('invalid_blocks'));
    await expect(client.chat.postMessage({ channel: 'C0LEAD', text: 'x', blocks: [section('s'.repeat(3001))] })).rejects.toMatchObject(platformError('invalid_blocks'));
    const fits = await client.chat.postMessage({ channel: 'C0LEAD', text: 'x', blocks: [...fifty.slice(1), section('😀'.repeat(3000))] });
    await expect(client.chat.update({ channel: 'C0LEAD', ts: fits.ts!, text: 'x', blocks: [...fifty, section('b50')] })).rejects.toMatchObject(platformError('invalid_blocks'));
    await expect(client.chat.update({ channel: 'C0LEAD', ts: fits.ts!, text: 'x'.repeat(40_001) })).rejects.toMatchObject(platformError('msg_too_long'));
    fake.addChannel({ id: 'C0ARCH', name: 'archived', members: ['UBOT'] });
    fake.archiveChannel('C0ARCH');
    await expect(client.chat.postMessage({ channel: 'C0ARCH', text: 'hi' })).rejects.toMatchObject(platformError('is_archived'));
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.error === 'not_in_channel')).toHaveLength(1);
  });

  it('files a message to a user id under the DM, answering with the IM channel id', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0BO', text: 'Your turn' });
    expect(posted.channel).toBe(fake.imId('U0BO'));
    expect(posted.channel).toMatch(/^D/);
    await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'Your turn, Bo' });
    expect(fake.directMessages('U0BO')).toMatchObject([{ channel: 'U0BO', text: 'Your turn, Bo', updates: 1 }]);
    await expect(client.conversations.open({ users: 'U0BO' })).resolves.toMatchObject({ channel: { id: posted.channel } });
  });

  it('accepts JSON bodies with a Bearer token, and form bodies with the token inside', async () => {
    const blocks = [{ type: 'divider' }];
    const json = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: 'C0BIG', text: 'as json', blocks }),
    });
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C0BIG', message: { blocks } });
    const form = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: BOT_TOKEN, channel: 'C0BIG', text: 'as form' }).toString(),
    });
    expect(await form.json()).toMatchObject({ ok: true });
    expect(fake.messages('C0BIG').map((m) => [m.text, m.blocks])).toEqual([
      ['as json', blocks],
      ['as form', undefined],
    ]);
    const broken = await fetch(`${fake.apiUrl}auth.test`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` }, body: '{nope' });
    expect(await broken.json()).toEqual({ ok: false, error: 'invalid_json' });
  });

  it('records ephemeral messages and checks who may see them', async () => {
    await expect(client.chat.postEphemeral({ channel: 'C0LEAD', user: 'U0ANNA', text: 'only you' })).resolves.toMatchObject({ ok: true, message_ts: expect.stringMatching(/^\d+\.\d+$/) });
    expect(fake.ephemerals).toEqual([{ channel: 'C0LEAD', user: 'U0ANNA', text: 'only you' }]);
    await expect(client.chat.postEphemeral({ channel: 'C0BIG', user: 'U0ANNA', text: 'x' })).rejects.toMatchObject(platformError('user_not_in_channel'));
  });
});

describe('programmed failures', () => {
  it('sends 429 with Retry-After, which the WebClient waits out and retries once', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    let rateLimitedFor: number | undefined;
    client.once(WebClientEvent.RATE_LIMITED, (seconds: number) => (rateLimitedFor = seconds));
    const started = Date.now();
    await client.chat.postMessage({ channel: 'C0LEAD', text: 'after the wait' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(rateLimitedFor).toBe(1);
    const attempts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args['text'] === 'after the wait');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(fake.messages('C0LEAD').filter((m) => m.text === 'after the wait')).toHaveLength(1);
  });

  it('sends 503, which the WebClient retries; a 500 on every try surfaces as an HTTP error', async () => {
    fake.failNext('chat.postMessage', { status: 503 });
    await client.chat.postMessage({ channel: 'C0LEAD', text: 'through the outage' });
    const attempts = fake.calls.filter((c) => c.args['text'] === 'through the outage');
    expect(attempts.map((c) => c.status)).toEqual([503, 200]);

    fake.failNext('chat.postMessage', { status: 500, times: 4 });
    await expect(client.chat.postMessage({ channel: 'C0LEAD', text: 'never' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
    expect(fake.calls.filter((c) => c.args['text'] === 'never').map((c) => c.status)).toEqual([500, 500, 500, 500]);
    expect(fake.messages('C0LEAD').some((m) => m.text === 'never')).toBe(false);
  });

  it('answers an ok:false code only for calls that match `when`', async () => {
    fake.failNext('chat.postMessage', { error: 'fatal_error', when: (args) => args['channel'] === 'U0ANNA' });
    await client.chat.postMessage({ channel: 'C0LEAD', text: 'unaffected' });
    await expect(client.chat.postMessage({ channel: 'U0ANNA', text: 'hit' })).rejects.toMatchObject(platformError('fatal_error'));
    await client.chat.postMessage({ channel: 'U0ANNA', text: 'fine again' });
    expect(fake.directMessages('U0ANNA').map((m) => m.text)).toEqual(['fine again']);
  });
});

describe('views', () => {
  it('opens a modal once per trigger and refuses unknown, used and expired triggers', async () => {
    const trigger = fake.newTrigger('U0ANNA');
    const opened = await client.views.open({ trigger_id: trigger, view: modal() as never });
    const view = opened.view!;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'checkin', team_id: 'T0001', state: { values: {} } });
    expect(view.id).toMatch(/^V/);
    expect(fake.views.get(view.id!)).toMatchObject({ userId: 'U0ANNA', opens: 'open', hash: view.hash });
    await expect(client.views.open({ trigger_id: trigger, view: modal() as never })).rejects.toMatchObject(platformError('trigger_exchanged'));
    await expect(client.views.open({ trigger_id: '123.456.abc', view: modal() as never })).rejects.toMatchObject(platformError('invalid_trigger_id'));
    fake.triggerLifetimeMs = 30;
    try {
      const stale = fake.newTrigger('U0ANNA');
      await sleep(80);
      await expect(client.views.open({ trigger_id: stale, view: modal() as never })).rejects.toMatchObject(platformError('expired_trigger_id'));
    } finally {
      fake.triggerLifetimeMs = 3000;
    }
  });

  it('validates views as Slack does', async () => {
    const tooLong = modal({ title: { type: 'plain_text', text: 'A title longer than 24 chars' } });
    await expect(client.views.open({ trigger_id: fake.newTrigger('U0ANNA'), view: tooLong as never })).rejects.toMatchObject(platformError('invalid_arguments'));
    expect(sdkErrors.at(-1)).toBe('must be less than 25 characters [json-pointer:/view/title/text]');
    const repeated = modal({
      blocks: [
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ],
    });
    await expect(client.views.open({ trigger_id: fake.newTrigger('U0ANNA'), view: repeated as never })).rejects.toMatchObject(platformError('invalid_arguments'));
    expect(sdkErrors.at(-1)).toMatch(/duplicate block_id a/);
    const notModal = modal({ type: 'home' });
    await expect(client.views.open({ trigger_id: fake.newTrigger('U0ANNA'), view: notModal as never })).rejects.toMatchObject(platformError('invalid_arguments'));
  });

  it('updates by view id with a fresh hash and refuses a stale one', async () => {
    const opened = await client.views.open({ trigger_id: fake.newTrigger('U0BO'), view: modal() as never });
    const { id, hash } = opened.view as { id: string; hash: string };
    const updated = await client.views.update({ view_id: id, hash, view: modal({ callback_id: 'second' }) as never });
    expect(updated.view).toMatchObject({ id, callback_id: 'second' });
    expect(updated.view!.hash).not.toBe(hash);
    await expect(client.views.update({ view_id: id, hash, view: modal() as never })).rejects.toMatchObject(platformError('hash_conflict'));
    await expect(client.views.update({ view_id: 'V404', view: modal() as never })).rejects.toMatchObject(platformError('not_found'));
    expect(fake.views.get(id)?.view.callback_id).toBe('second');
  });

  it('publishes a Home tab per user', async () => {
    const home = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hi Anna' } }] };
    await client.views.publish({ user_id: 'U0ANNA', view: home as never });
    expect(fake.homes.get('U0ANNA')).toMatchObject(home);
    await expect(client.views.publish({ user_id: 'U0ANNA', view: modal() as never })).rejects.toMatchObject(platformError('invalid_arguments'));
  });
});

describe('conversations, users and OAuth', () => {
  it('pages conversations.members with opaque cursors', async () => {
    const pages: string[][] = [];
    for await (const page of client.paginate('conversations.members', { channel: 'C0BIG', limit: 100 })) {
      pages.push((page as { members?: string[] }).members ?? []);
    }
    expect(pages.map((p) => p.length)).toEqual([100, 100, 51]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(251);
    expect(all[0]).toBe('UBOT');
    const cursors = fake.calls.filter((c) => c.method === 'conversations.members').map((c) => c.args['cursor']);
    expect(cursors[0]).toBeUndefined();
    expect(cursors.slice(1).every((c) => typeof c === 'string' && c !== '')).toBe(true);
    await expect(client.conversations.members({ channel: 'C0NOWHERE' })).rejects.toMatchObject(platformError('channel_not_found'));
  });

  it('describes a channel the bot is in', async () => {
    await expect(client.conversations.info({ channel: 'C0LEAD' })).resolves.toMatchObject({ channel: { id: 'C0LEAD', name: 'ledergruppen', is_private: false, is_member: true, is_archived: false } });
  });

  it('gives users.info with the locale only when asked', async () => {
    const withLocale = await client.users.info({ user: 'U0ANNA', include_locale: true });
    expect(withLocale.user).toMatchObject({ id: 'U0ANNA', team_id: 'T0001', real_name: 'Anna Holm', tz: 'Europe/Copenhagen', locale: 'da-DK', is_bot: false, profile: { display_name: 'Anna' } });
    expect([3600, 7200]).toContain(withLocale.user!.tz_offset);
    const without = await client.users.info({ user: 'U0ANNA' });
    expect(without.user).not.toHaveProperty('locale');
    await expect(client.users.info({ user: 'U0WHO' })).rejects.toMatchObject(platformError('user_not_found'));
  });

  it('exchanges a registered install code once for a working bot token', async () => {
    const anonymous = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig, logger });
    fake.authorizeCode('code-1', { teamId: 'T0002', teamName: 'Second', userId: 'U0ADMIN', scopes: ['chat:write', 'commands'] });
    const { id, secret } = fake.oauthClient;
    await expect(anonymous.oauth.v2.access({ client_id: id, client_secret: 'wrong', code: 'code-1' })).rejects.toMatchObject(platformError('bad_client_secret'));
    await expect(anonymous.oauth.v2.access({ client_id: 'other', client_secret: secret, code: 'code-1' })).rejects.toMatchObject(platformError('invalid_client_id'));
    const installed = await anonymous.oauth.v2.access({ client_id: id, client_secret: secret, code: 'code-1' });
    expect(installed).toMatchObject({
      ok: true,
      app_id: 'A0001',
      token_type: 'bot',
      scope: 'chat:write,commands',
      authed_user: { id: 'U0ADMIN' },
      team: { id: 'T0002', name: 'Second' },
      enterprise: null,
      is_enterprise_install: false,
    });
    const second = new WebClient(installed.access_token, { slackApiUrl: fake.apiUrl, retryConfig, logger });
    await expect(second.auth.test()).resolves.toMatchObject({ team_id: 'T0002', user_id: installed.bot_user_id });
    await expect(anonymous.oauth.v2.access({ client_id: id, client_secret: secret, code: 'code-1' })).rejects.toMatchObject(platformError('invalid_code'));
  });

  it('records what is posted to a response_url and 404s an unknown one', async () => {
    const url = fake.newResponseUrl();
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Saved', response_type: 'ephemeral' }) });
    expect(answer.status).toBe(200);
    expect(fake.responses).toEqual([{ id: url.split('/').pop(), body: { text: 'Saved', response_type: 'ephemeral' } }]);
    const unknown = await fetch(`${fake.origin}/response/nothing-here`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
  });
});

describe('signing and payloads', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const body =
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

  it('signs Slack’s documented example exactly', () => {
    expect(signSlackRequest(secret, body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
    const independent = createHmac('sha256', 'other-secret').update('v0:1700000000:{"a":1}').digest('hex');
    expect(signSlackRequest('other-secret', '{"a":1}', 1700000000)['x-slack-signature']).toBe(`v0=${independent}`);
  });

  it('posts signed form and JSON bodies, and forges a signature when asked', async () => {
    const seen: Array<{ headers: IncomingHttpHeaders; raw: string }> = [];
    const app = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`;
      const form = await postSigned(url, 'shh', { form: { payload: JSON.stringify({ type: 'block_actions' }) } });
      const json = await postSigned(url, 'shh', { json: { type: 'url_verification', challenge: 'c' } }, { timestampSeconds: 1700000000 });
      await postSigned(url, 'shh', { json: {} }, { signature: 'v0=forged' });
      expect(form).toEqual({ status: 200, text: '{"received":true}', json: { received: true } });
      expect(json.status).toBe(200);
      for (const { headers, raw } of seen.slice(0, 2)) {
        const expected = createHmac('sha256', 'shh').update(`v0:${headers['x-slack-request-timestamp']}:${raw}`).digest('hex');
        expect(headers['x-slack-signature']).toBe(`v0=${expected}`);
      }
      expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(JSON.parse(new URLSearchParams(seen[0]?.raw).get('payload') ?? '')).toEqual({ type: 'block_actions' });
      expect(seen[1]?.headers['content-type']).toBe('application/json');
      expect(seen[1]?.headers['x-slack-request-timestamp']).toBe('1700000000');
      expect(seen[2]?.headers['x-slack-signature']).toBe('v0=forged');
    } finally {
      app.closeAllConnections();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });

  it('fills a modal’s state.values by element type, keeping initial values', async () => {
    const opened = await client.views.open({ trigger_id: fake.newTrigger('U0ANNA'), view: modal() as never });
    const stored = fake.views.get(opened.view!.id!)!.view;
    expect(inputValues(stored, { energy: 'high' })).toEqual({
      mood: { mood_text: { type: 'plain_text_input', value: 'fine' } },
      energy: { energy_pick: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'high' }, value: 'high' } } },
    });
    expect(() => inputValues(stored, { energy: 'medium' })).toThrow(/no option "medium"/);
    expect(() => inputValues(stored, { nothing: 'x' })).toThrow(/no input block with block_id nothing/);
    const submission = viewSubmission({ teamId: 'T0001', userId: 'U0ANNA', userName: 'anna', view: stored, values: inputValues(stored, {}) });
    expect(submission).toMatchObject({
      type: 'view_submission',
      view: { id: stored.id, hash: stored.hash, callback_id: 'checkin', state: { values: { energy: { energy_pick: { selected_option: null } } } } },
    });
  });
});

describe('Socket Mode', () => {
  it('connects a SocketModeClient, delivers envelopes and resolves with its acks', async () => {
    const socketClient = new SocketModeClient({ appToken: 'xapp-1-test', clientOptions: { slackApiUrl: fake.apiUrl }, clientPingTimeout: 300, logger });
    const received: Array<{ type: string; body: unknown }> = [];
    socketClient.on('slack_event', async ({ ack, type, body }: { ack: (r?: object) => Promise<void>; type: string; body: unknown }) => {
      received.push({ type, body });
      await ack(type === 'slash_commands' ? { text: 'got it' } : undefined);
    });
    try {
      await socketClient.start();
      expect(fake.socket.connected()).toBe(1);
      expect(fake.calls.find((c) => c.method === 'apps.connections.open')?.token).toBe('xapp-1-test');

      const event = eventCallback({ teamId: 'T0001', event: { type: 'app_mention', user: 'U0ANNA', text: '<@UBOT> help', channel: 'C0LEAD', ts: '1700000001.000100' } });
      const ack = await fake.socket.send({ type: 'events_api', payload: event });
      expect(ack.envelope_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(received).toEqual([{ type: 'events_api', body: event }]);

      const commandAck = await fake.socket.send({ type: 'slash_commands', payload: { command: '/lederrum', text: 'help' }, acceptsResponsePayload: true });
      expect(commandAck.payload).toEqual({ text: 'got it' });

      fake.socket.disconnectAll();
      await fake.waitFor(() => fake.calledTimes('apps.connections.open') === 2 && fake.socket.connected() === 1);
      await expect(fake.socket.send({ type: 'interactive', payload: { type: 'block_actions' } })).resolves.toMatchObject({ envelope_id: expect.any(String) });
    } finally {
      await socketClient.disconnect();
    }
    await fake.waitFor(() => fake.socket.connected() === 0);
    await expect(fake.socket.send({ type: 'events_api', payload: {} })).rejects.toThrow(/no Socket Mode connection/);
  });

  it('refuses a bot token for apps.connections.open', async () => {
    await expect(client.apps.connections.open({})).rejects.toMatchObject(platformError('invalid_auth'));
  });
});
