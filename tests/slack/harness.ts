// A Slack workspace for tests: the fake Slack Web API on loopback, Lederrum started as
// `npm start` would with Slack credentials pointing at it, and the actions a Slack user takes
// (slash commands, buttons, modal submissions, events) as signed HTTP requests into the app.
import { startTestApp } from '../support/app.ts';
import {
  blockAction,
  eventCallback,
  inputValues,
  postSigned,
  slashCommand,
  startFakeSlack,
  viewSubmission,
  type FakeSlackTeam,
  type FakeSlackView,
  type SignedResponse,
} from '../support/fake-slack/index.ts';
import type { Clock } from '../../src/core/index.ts';
import { beginInstall, returnFromSlack } from './oauth-helpers.ts';

export const SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0001';
export const CHANNEL = 'C0GROUP';

export interface SlackPerson {
  id: string;
  name: string;
  /** The person's workspace; TEAM when not given. */
  teamId?: string;
}

/** The OAuth app the fake Slack knows, for worlds with more than one workspace installed. */
const OAUTH = { id: '4242.1717', secret: 'oauth-client-secret-abcdef0123', stateSecret: 'oauth-state-secret-0123456789abcdef' };

export const MIA: SlackPerson = { id: 'UMIA', name: 'Mia Holm' };
export const JONAS: SlackPerson = { id: 'UJONAS', name: 'Jonas Berg' };
export const SARA: SlackPerson = { id: 'USARA', name: 'Sara Lund' };
export const OUTSIDER: SlackPerson = { id: 'UOUT', name: 'Ole Udenfor' };

type Button = { action_id: string; value: string; text: { text: string } };

/**
 * With `otherTeams`, Lederrum runs as a distributed app (OAuth) and TEAM and each other team
 * install it through the install flow, side by side; otherwise one bot token serves TEAM.
 */
export async function startSlackWorld(options: { env?: Record<string, string>; clock?: Clock; submitBudgetMs?: number; otherTeams?: FakeSlackTeam[] } = {}) {
  const fake = await startFakeSlack({ teamId: TEAM });
  const otherTeams = options.otherTeams ?? [];
  for (const team of otherTeams) fake.addTeam(team);
  fake.oauthClient = { id: OAUTH.id, secret: OAUTH.secret };
  const credentials: Record<string, string> =
    otherTeams.length > 0 ? { SLACK_CLIENT_ID: OAUTH.id, SLACK_CLIENT_SECRET: OAUTH.secret, SLACK_STATE_SECRET: OAUTH.stateSecret } : { SLACK_BOT_TOKEN: fake.team().botToken };
  for (const person of [MIA, JONAS, SARA, OUTSIDER]) {
    fake.addUser({ id: person.id, teamId: TEAM, name: person.name.split(' ')[0]!.toLowerCase(), realName: person.name, tz: 'Europe/Copenhagen', locale: 'da-DK' });
  }
  fake.addUser({ id: 'UOTHERBOT', teamId: TEAM, name: 'otherbot', realName: 'Other Bot', isBot: true });
  fake.addChannel({ id: CHANNEL, name: 'ledergruppen', isPrivate: true, members: [MIA.id, JONAS.id, SARA.id, 'UOTHERBOT', fake.team().botUserId] });
  const app = await startTestApp({
    env: { ...credentials, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, SLACK_PACE_MS: '0', ...options.env },
    slackTuning: { retry: { retries: 4, factor: 2, minTimeout: 20, maxTimeout: 200 }, ...(options.submitBudgetMs ? { submitBudgetMs: options.submitBudgetMs } : {}) },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const eventsUrl = `${app.url}slack/events`;
  const seenViews = new Set<string>();
  for (const team of otherTeams.length > 0 ? [fake.team(), ...otherTeams] : []) {
    // A person in each workspace approves the app; Slack redirects back with the code.
    const start = await beginInstall(app.url);
    const code = `install-${team.id}`;
    fake.authorizeCode(code, { teamId: team.id, teamName: team.name, userId: team.botUserId, botToken: team.botToken, botUserId: team.botUserId, botId: team.botId });
    const done = await returnFromSlack(app.url, { code, state: start.state }, start.cookie);
    if (done.status !== 200) throw new Error(`installing Lederrum in ${team.id} answered ${done.status}: ${done.text.slice(0, 200)}`);
  }
  const teamOf = (person: SlackPerson) => person.teamId ?? TEAM;

  const world = {
    fake,
    app,
    eventsUrl,
    async close() {
      await app.close();
      await fake.close();
    },

    /** `channelName` is the name the command carries: Slack sends "privategroup" for a private channel. */
    async slash(person: SlackPerson, text: string, channel = CHANNEL, channelName = 'ledergruppen'): Promise<{ response: SignedResponse; responseUrl: string }> {
      const responseUrl = fake.newResponseUrl({ userId: person.id, channel });
      const form = slashCommand({
        teamId: teamOf(person),
        channelId: channel,
        channelName,
        userId: person.id,
        userName: person.name,
        text,
        triggerId: fake.newTrigger(person.id),
        responseUrl,
      });
      return { response: await postSigned(eventsUrl, SECRET, { form }), responseUrl };
    },

    async press(person: SlackPerson, button: Button, where: { channel?: string; messageTs?: string; view?: Record<string, unknown> } = {}) {
      const responseUrl = fake.newResponseUrl({ userId: person.id, channel: where.channel ?? CHANNEL });
      const payload = blockAction({
        teamId: teamOf(person),
        userId: person.id,
        userName: person.name,
        actionId: button.action_id,
        value: button.value,
        triggerId: fake.newTrigger(person.id),
        ...(where.view ? { view: where.view } : { channelId: where.channel ?? CHANNEL, channelName: 'ledergruppen', responseUrl }),
        ...(where.messageTs ? { messageTs: where.messageTs } : {}),
      });
      return { response: await postSigned(eventsUrl, SECRET, { form: { payload: JSON.stringify(payload) } }), responseUrl };
    },

    async submit(person: SlackPerson, view: FakeSlackView, answers: Record<string, string | boolean | string[]>): Promise<SignedResponse> {
      const payload = viewSubmission({ teamId: teamOf(person), userId: person.id, userName: person.name, view: view.view, values: inputValues(view.view, answers) });
      return postSigned(eventsUrl, SECRET, { form: { payload: JSON.stringify(payload) } });
    },

    async event(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number; teamId?: string } = {}): Promise<SignedResponse> {
      const teamId = options.teamId ?? TEAM;
      const body = eventCallback({ teamId, event, botUserId: fake.team(teamId).botUserId, ...(options.eventId ? { eventId: options.eventId } : {}) });
      const headers: Record<string, string> = options.retryNum ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
      return postSigned(eventsUrl, SECRET, { json: body }, { headers });
    },

    /** The next Lederrum form modal shown to the person (a view not seen before, in its form state). */
    async nextForm(person: SlackPerson): Promise<FakeSlackView> {
      return fake.waitFor(() => {
        for (const view of fake.views.values()) {
          const key = `${view.id}:${view.hash}`;
          if (view.userId === person.id && !view.closed && view.view.callback_id === 'lederrum_form' && !seenViews.has(key)) {
            seenViews.add(key);
            return view;
          }
        }
        return undefined;
      });
    },

    /** Plain text of a modal or message's blocks, for reading what a person sees. */
    textOf(blocks: unknown[] | undefined): string {
      return JSON.stringify(blocks ?? []).replace(/\\n/g, '\n');
    },

    /** Top-level messages in the group channel, oldest first. */
    channelPosts(channel = CHANNEL) {
      return fake.messages(channel).filter((m) => !m.threadTs);
    },

    buttonsOf(message: { blocks?: unknown[] }): Button[] {
      const actions = (message.blocks ?? []).filter((b): b is { type: string; elements: Button[] } => (b as { type: string }).type === 'actions');
      return actions.flatMap((a) => a.elements);
    },

    /** What response_url received for one command or button (ephemeral replies). */
    async responseTo(responseUrl: string) {
      const id = responseUrl.split('/').pop()!;
      return fake.waitFor(() => fake.responses.find((r) => r.id === id));
    },
  };
  return world;
}

export type SlackWorld = Awaited<ReturnType<typeof startSlackWorld>>;

/** `/lederrum` in the channel and the create form submitted: the channel is now a group, Mia its facilitator. */
export async function setUpGroup(world: SlackWorld, name = 'Ledergruppen Nord'): Promise<void> {
  await world.slash(MIA, '');
  const form = await world.nextForm(MIA);
  const ack = await world.submit(MIA, form, { name });
  if (ack.json?.response_action !== 'update') throw new Error(`group creation answered ${ack.status} ${ack.text}`);
}

/** `/lederrum start` by Mia, and the round message it posted. */
export async function startRound(world: SlackWorld, sequence = 1) {
  await world.slash(MIA, 'start');
  return world.fake.waitFor(() => world.channelPosts().find((m) => m.text.startsWith(`Tjek-ind #${sequence} · Siden sidst`)));
}

export function answerButtonOf(world: SlackWorld, roundPost: { blocks?: unknown[] }) {
  const button = world.buttonsOf(roundPost).find((b) => b.action_id.startsWith('round.answer'));
  if (!button) throw new Error('the round message has no answer button');
  return button;
}
