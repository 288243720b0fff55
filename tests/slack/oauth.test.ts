// Distribution through Slack's OAuth install flow: a second workspace installs Lederrum from
// /slack/install, its bot token lands in the database, its people's commands are answered with
// that token, and app_uninstalled / tokens_revoked take the installation away again. A redirect
// without the browser's state cookie, or with a forged state, stores nothing.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { eventCallback, postSigned, slashCommand, startFakeSlack, type FakeSlack, type SignedResponse } from '../support/fake-slack/index.ts';
import { STATE_COOKIE, beginInstall, forgedState, returnFromSlack } from './oauth-helpers.ts';

const SECRET = 'oauth-signing-secret-0123456789';
const STATE_SECRET = 'oauth-state-secret-0123456789abcdef';
const CLIENT = { id: '4242.1717', secret: 'oauth-client-secret-abcdef0123' };

const NORDBY = { id: 'T0002', name: 'Nordby Kommune', botToken: 'xoxb-test-T0002', botUserId: 'UBOT2', botId: 'B0002' };
const NORA = { id: 'UNORA', name: 'Nora Vik' };
const PETER = { id: 'UPETER', name: 'Peter Dahl' };
const NORDBY_CHANNEL = 'C2LEDERE';
const HELP_HEADER = 'Lederrum – tjek-ind for ledergrupper';

let fake: FakeSlack;
let app: Awaited<ReturnType<typeof startTestApp>>;
let eventsUrl: string;

beforeAll(async () => {
  fake = await startFakeSlack({ teamId: 'T0001' });
  fake.oauthClient = CLIENT;
  fake.addTeam(NORDBY);
  for (const person of [NORA, PETER]) {
    fake.addUser({ id: person.id, teamId: NORDBY.id, name: person.name.split(' ')[0]!.toLowerCase(), realName: person.name, tz: 'Europe/Copenhagen', locale: 'da-DK' });
  }
  fake.addChannel({ id: NORDBY_CHANNEL, teamId: NORDBY.id, name: 'nordby-ledere', isPrivate: true, members: [NORA.id, PETER.id, NORDBY.botUserId] });
  app = await startTestApp({
    env: {
      SLACK_CLIENT_ID: CLIENT.id,
      SLACK_CLIENT_SECRET: CLIENT.secret,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PACE_MS: '0',
    },
    slackTuning: { retry: { retries: 1, factor: 2, minTimeout: 20, maxTimeout: 100 } },
  });
  eventsUrl = `${app.url}slack/events`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

function installationRow(id: string) {
  return app.database.prisma.slackInstallation.findUnique({ where: { id } });
}

/** Polls the database until the installation row is gone (the uninstall runs after Bolt's ack). */
async function waitUntilRemoved(id: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await installationRow(id)) === null) return;
    await sleep(25);
  }
  throw new Error(`the SlackInstallation row ${id} was still there after ${timeoutMs} ms`);
}

function exchangesOf(code: string) {
  return fake.calls.filter((c) => c.method === 'oauth.v2.access' && c.args['code'] === code);
}

async function slashFrom(teamId: string, person: { id: string; name: string }, channelId: string, text: string): Promise<{ response: SignedResponse; responseUrl: string }> {
  const responseUrl = fake.newResponseUrl();
  const form = slashCommand({ teamId, channelId, channelName: 'nordby-ledere', userId: person.id, userName: person.name, text, triggerId: fake.newTrigger(person.id), responseUrl });
  return { response: await postSigned(eventsUrl, SECRET, { form }), responseUrl };
}

function responsesTo(responseUrl: string) {
  const id = responseUrl.split('/').pop()!;
  return fake.responses.filter((r) => r.id === id);
}

/** The whole flow for Nordby: install page, the person approves, Slack redirects back. */
async function installNordby(code: string) {
  const start = await beginInstall(app.url);
  fake.authorizeCode(code, { teamId: NORDBY.id, teamName: NORDBY.name, userId: NORA.id, botToken: NORDBY.botToken, botUserId: NORDBY.botUserId, botId: NORDBY.botId });
  return { start, done: await returnFromSlack(app.url, { code, state: start.state }, start.cookie) };
}

describe('installing Lederrum in a workspace through Slack OAuth', () => {
  it("serves /slack/install with a link to Slack's authorize URL, the bot scopes, a state and the state cookie", async () => {
    const start = await beginInstall(app.url);
    expect([200, 302]).toContain(start.status);
    expect(`${start.authorizeUrl.origin}${start.authorizeUrl.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(start.authorizeUrl.searchParams.get('client_id')).toBe(CLIENT.id);
    const scopes = (start.authorizeUrl.searchParams.get('scope') ?? '').split(',');
    expect(scopes).toEqual(expect.arrayContaining(['commands', 'chat:write']));
    expect(start.state.length).toBeGreaterThan(20);
    // The browser session is bound to this state: the cookie carries the same value.
    expect(start.cookie).toBe(`${STATE_COOKIE}=${start.state}`);
    // Nothing has been exchanged or stored just by opening the page.
    expect(fake.calledTimes('oauth.v2.access')).toBe(0);
    expect(await app.database.prisma.slackInstallation.count()).toBe(0);
  }, 30_000);

  it("exchanges the code on the redirect, shows a success page and stores the workspace's bot token", async () => {
    const { done } = await installNordby('code-1');
    expect(done.status).toBe(200);
    expect(done.text).toContain('Thank you!');
    // The state cookie is cleared once used.
    expect(done.setCookies.some((c) => c.startsWith(`${STATE_COOKIE}=;`) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true);

    const exchanges = exchangesOf('code-1');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.error).toBeUndefined();

    const row = await installationRow(NORDBY.id);
    expect(row).not.toBeNull();
    expect(row!.botToken).toBe(NORDBY.botToken);
    expect(row!.botUserId).toBe(NORDBY.botUserId);
    expect(row!.teamId).toBe(NORDBY.id);
    expect(row!.enterpriseId).toBeNull();
    expect(await app.database.prisma.slackInstallation.count()).toBe(1);
  }, 30_000);

  it("answers a slash command from the installed workspace, calling Slack only with that workspace's token", async () => {
    const callsBefore = fake.calls.length;
    const { response, responseUrl } = await slashFrom(NORDBY.id, NORA, NORDBY_CHANNEL, 'hjælp');
    expect(response.status).toBe(200);
    const reply = await fake.waitFor(() => responsesTo(responseUrl)[0]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body)).toContain(HELP_HEADER);

    const made = fake.calls.slice(callsBefore);
    expect(made.length).toBeGreaterThan(0);
    expect(made.some((c) => c.method === 'users.info')).toBe(true);
    expect(made.filter((c) => c.token !== NORDBY.botToken).map((c) => `${c.method} with ${c.token}`)).toEqual([]);
    expect(made.filter((c) => c.error).map((c) => `${c.method} → ${c.error}`)).toEqual([]);
  }, 30_000);

  it("refuses requests from a workspace that never installed, without calling Slack with anyone's token", async () => {
    const callsBefore = fake.calls.length;
    const stranger = { id: 'UALIEN', name: 'Alien Person' };
    const logsBefore = app.logger.lines.length;
    const { response, responseUrl } = await slashFrom('T0404', stranger, 'C404', 'hjælp');
    // Bolt's authorize finds no installation, hands the AuthorizationError to app.error and acks
    // the request (Bolt 5.1 answers 200 once a custom error handler took the error); no listener runs.
    expect(response.status).toBe(200);
    const home = await postSigned(eventsUrl, SECRET, {
      json: eventCallback({ teamId: 'T0404', event: { type: 'app_home_opened', user: stranger.id, channel: 'DALIEN', tab: 'home' }, botUserId: 'UBOT404' }),
    });
    expect(home.status).toBe(200);
    await sleep(400);
    const authFailures = app.logger.lines.slice(logsBefore).filter((l) => l.fields?.['code'] === 'slack_bolt_authorization_error');
    expect(authFailures).toHaveLength(2);
    expect(String(authFailures[0]!.fields?.['error'])).toContain('T0404');
    expect(authFailures.every((l) => l.level === 'warn')).toBe(true);
    expect(fake.calls.slice(callsBefore).map((c) => `${c.method} with ${c.token}`)).toEqual([]);
    expect(responsesTo(responseUrl)).toEqual([]);
    expect(fake.homes.has(stranger.id)).toBe(false);
    expect((await fetch(`${app.url}healthz`)).status).toBe(200);
    // The installed workspace is untouched.
    expect((await installationRow(NORDBY.id))?.botToken).toBe(NORDBY.botToken);
  }, 30_000);
});

describe('leaving a workspace', () => {
  it('removes the installation on app_uninstalled, and then answers that workspace no more', async () => {
    const body = eventCallback({ teamId: NORDBY.id, event: { type: 'app_uninstalled', event_ts: (Date.now() / 1000).toFixed(6) }, botUserId: NORDBY.botUserId });
    const response = await postSigned(eventsUrl, SECRET, { json: body });
    expect(response.status).toBe(200);
    await waitUntilRemoved(NORDBY.id);
    expect(await app.database.prisma.slackInstallation.count()).toBe(0);

    // No token kept in memory either: a command from the uninstalled workspace is refused.
    const callsBefore = fake.calls.length;
    const logsBefore = app.logger.lines.length;
    const { response: after, responseUrl } = await slashFrom(NORDBY.id, PETER, NORDBY_CHANNEL, 'hjælp');
    expect(after.status).toBe(200);
    await sleep(400);
    expect(app.logger.lines.slice(logsBefore).filter((l) => l.fields?.['code'] === 'slack_bolt_authorization_error')).toHaveLength(1);
    expect(fake.calls.slice(callsBefore).map((c) => `${c.method} with ${c.token}`)).toEqual([]);
    expect(responsesTo(responseUrl)).toEqual([]);
  }, 30_000);

  it('serves a re-installed workspace again, and removes it on tokens_revoked for its bot', async () => {
    const { done } = await installNordby('code-2');
    expect(done.status).toBe(200);
    expect(exchangesOf('code-2')).toHaveLength(1);
    expect((await installationRow(NORDBY.id))?.botToken).toBe(NORDBY.botToken);

    const { response, responseUrl } = await slashFrom(NORDBY.id, PETER, NORDBY_CHANNEL, 'hjælp');
    expect(response.status).toBe(200);
    expect(JSON.stringify((await fake.waitFor(() => responsesTo(responseUrl)[0])).body)).toContain(HELP_HEADER);

    const revoked = eventCallback({
      teamId: NORDBY.id,
      event: { type: 'tokens_revoked', tokens: { oauth: [], bot: [NORDBY.botUserId] }, event_ts: (Date.now() / 1000).toFixed(6) },
      botUserId: NORDBY.botUserId,
    });
    const ack = await postSigned(eventsUrl, SECRET, { json: revoked });
    expect(ack.status).toBe(200);
    await waitUntilRemoved(NORDBY.id);
  }, 30_000);

  it('removes an org-wide installation by its enterprise id, not by the workspace the event came from', async () => {
    const installation = { enterprise: { id: 'E0001' }, isEnterpriseInstall: true, bot: { token: 'xoxb-org', userId: 'UBOTORG' } };
    await app.database.prisma.slackInstallation.create({ data: { id: 'E0001', enterpriseId: 'E0001', teamId: null, botUserId: 'UBOTORG', botToken: 'xoxb-org', installation } });
    await app.database.prisma.slackInstallation.create({ data: { id: 'T0003', enterpriseId: null, teamId: 'T0003', botUserId: 'UBOT3', botToken: 'xoxb-t3', installation: {} } });
    const body = {
      ...eventCallback({ teamId: 'T0003', event: { type: 'app_uninstalled', event_ts: (Date.now() / 1000).toFixed(6) } }),
      enterprise_id: 'E0001',
      is_enterprise_install: true,
      authorizations: [{ enterprise_id: 'E0001', team_id: null, user_id: 'UBOTORG', is_bot: true, is_enterprise_install: true }],
    };
    expect((await postSigned(eventsUrl, SECRET, { json: body })).status).toBe(200);
    await waitUntilRemoved('E0001');
    expect(await installationRow('T0003')).not.toBeNull();
    await app.database.prisma.slackInstallation.delete({ where: { id: 'T0003' } });
  }, 30_000);
});

describe('a redirect the install page did not start in this browser', () => {
  it("stores nothing without the state cookie, with a forged or tampered state, or with another session's cookie", async () => {
    expect(await installationRow(NORDBY.id)).toBeNull();
    const grant = { teamId: NORDBY.id, userId: NORA.id, botToken: NORDBY.botToken, botUserId: NORDBY.botUserId, botId: NORDBY.botId };
    fake.authorizeCode('code-3', grant);

    // 1. The real state, but no cookie: the redirect was not started in this browser.
    const start = await beginInstall(app.url);
    const noCookie = await returnFromSlack(app.url, { code: 'code-3', state: start.state });
    expect(noCookie.status).toBe(400);
    expect(noCookie.text).not.toContain('Thank you!');

    // 2. A state signed with the wrong secret, with a matching cookie.
    const forged = forgedState('not-the-state-secret-at-all-0000');
    const withForged = await returnFromSlack(app.url, { code: 'code-3', state: forged }, `${STATE_COOKIE}=${forged}`);
    expect(withForged.status).toBe(400);

    // 3. The real state with one character of its signature changed, cookie matching.
    const last = start.state.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${start.state.slice(0, -2)}${last}${start.state.slice(-1)}`;
    const withTampered = await returnFromSlack(app.url, { code: 'code-3', state: tampered }, `${STATE_COOKIE}=${tampered}`);
    expect(withTampered.status).toBe(400);

    // 4. This session's state with another session's cookie.
    const other = await beginInstall(app.url);
    expect(other.state).not.toBe(start.state);
    const crossed = await returnFromSlack(app.url, { code: 'code-3', state: start.state }, other.cookie);
    expect(crossed.status).toBe(400);

    // 5. No state at all.
    const noState = await returnFromSlack(app.url, { code: 'code-3' }, start.cookie);
    expect(noState.status).toBe(400);

    expect(exchangesOf('code-3')).toEqual([]);
    expect(await installationRow(NORDBY.id)).toBeNull();
    expect(await app.database.prisma.slackInstallation.count()).toBe(0);

    // The code itself was good all along: with the state and its cookie the same code installs.
    const proper = await returnFromSlack(app.url, { code: 'code-3', state: start.state }, start.cookie);
    expect(proper.status).toBe(200);
    expect(exchangesOf('code-3')).toHaveLength(1);
    expect((await installationRow(NORDBY.id))?.botToken).toBe(NORDBY.botToken);
  }, 30_000);
});
