// A Teams tenant for tests: the fake Bot Connector on loopback, Lederrum started with Teams
// enabled, and what Teams sends when people act (messages, card submissions, roster events),
// posted to /api/messages with their serviceUrl pointing at the fake.
import { startTestApp } from '../support/app.ts';
import {
  conversationUpdate,
  installationUpdate,
  invokeActivity,
  messageActivity,
  postActivity,
  startFakeConnector,
  type ConversationUpdateOptions,
  type FakeTeamsMember,
} from '../support/fake-teams/index.ts';
import { DATA_KEY } from '../../adapters/teams/render.ts';
import type { Clock } from '../../src/core/index.ts';
import type { DatabaseTarget } from '../../src/store/index.ts';
import type { FakeTeamsMember as Member } from '../support/fake-teams/index.ts';

export const BOT_ID = '28:lederrum-bot';
export const CHANNEL = '19:ledergruppen@thread.tacv2';
export const TEAM = '19:team-nord@thread.tacv2';

export const MIA: FakeTeamsMember = { id: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Holm' };
export const JONAS: FakeTeamsMember = { id: '29:jonas', aadObjectId: 'aad-jonas', name: 'Jonas Berg' };
export const SARA: FakeTeamsMember = { id: '29:sara', aadObjectId: 'aad-sara', name: 'Sara Lund' };
export const OLE: FakeTeamsMember = { id: '29:ole', aadObjectId: 'aad-ole', name: 'Ole Udenfor' };

export function personalChatId(member: FakeTeamsMember): string {
  return `a:personal-${member.id.slice(3)}`;
}

/**
 * An Action.Execute card press (an `adaptiveCard/action` invoke) in the person's own chat: Teams
 * reads its answer from the HTTP response, so it cannot wait in the work queue like a message.
 * Lederrum's cards use Action.Submit; this is what an older or foreign card would send.
 */
export function executeInvoke(fake: { tenantId: string; serviceUrl: string }, from: FakeTeamsMember): any {
  return invokeActivity({
    from,
    conversation: { id: personalChatId(from), conversationType: 'personal', tenantId: fake.tenantId },
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'x', data: {} } },
    serviceUrl: fake.serviceUrl,
    botId: BOT_ID,
  });
}

/**
 * A team channel as Teams describes it in activities. Standard channels share their team's roster
 * (the General channel's, whose conversation id is the team id); private and shared ones keep
 * their own. `teamId` defaults to team Nord, `tenantId` to the fake's.
 */
export interface TeamsChannel {
  id: string;
  name: string;
  teamId?: string;
  teamName?: string;
  tenantId?: string;
  channelType?: 'standard' | 'private' | 'shared';
}

export async function startTeamsWorld(
  options: { env?: Record<string, string>; clock?: Clock; database?: DatabaseTarget; teamsTuning?: NonNullable<Parameters<typeof startTestApp>[0]>['teamsTuning'] } = {},
) {
  const fake = await startFakeConnector();
  const channel = { id: CHANNEL, type: 'channel' as const, teamId: TEAM, name: 'Ledergruppen', members: [MIA, JONAS, SARA] };
  fake.addConversation(channel);
  // Ole has no personal chat in Teams: the app is not installed for him.
  for (const member of [MIA, JONAS, SARA]) fake.addConversation({ id: personalChatId(member), type: 'personal', members: [member] });
  const appId = options.env?.['MICROSOFT_APP_ID'];
  const password = options.env?.['MICROSOFT_APP_PASSWORD'] ?? '';
  // With an app id, only Microsoft's endpoints are replaced: metadata, keys and tokens come from the fake.
  const auth = appId
    ? { botFrameworkConfig: fake.identity.botFrameworkConfig({ appId, password, type: 'MultiTenant' }), credentialsFactory: fake.credentialsFactory({ appId, password, type: 'MultiTenant' }) }
    : {};
  const app = await startTestApp({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.database ? { database: options.database } : {}),
    env: { TEAMS: 'on', ...options.env },
    teamsTuning: { retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 200 }, ...auth, ...options.teamsTuning },
  });
  const endpoint = `${app.url}api/messages`;
  const channels = new Map<string, TeamsChannel>([[CHANNEL, { id: CHANNEL, teamId: TEAM, teamName: 'Team Nord', name: 'Ledergruppen' }]]);
  const tenantOf = (member: FakeTeamsMember) => member.tenantId ?? fake.tenantId;
  const conversationOf = (id: string, member?: FakeTeamsMember) => {
    const known = channels.get(id.split(';messageid=')[0]!);
    return known
      ? { id, conversationType: 'channel', tenantId: known.tenantId ?? fake.tenantId, isGroup: true }
      : { id, conversationType: 'personal', tenantId: member ? tenantOf(member) : fake.tenantId };
  };
  const channelDataOf = (id: string) => {
    const c = channels.get(id)!;
    const team = { id: c.teamId ?? TEAM, name: c.teamName ?? 'Team Nord' };
    // Teams names no channel for the General one.
    return { team, channel: { id: c.id, ...(c.name ? { name: c.name } : {}) }, tenant: { id: c.tenantId ?? fake.tenantId } };
  };
  let next = 1;
  /**
   * Posts an activity as the connector does and, once Lederrum has answered, waits until the turn
   * it runs afterwards (and any other still running) is done: what it sent is in the fake then.
   */
  const post = async (activity: any, opts: { token?: string } = {}) => {
    const answer = await postActivity(endpoint, activity, opts);
    await app.settled();
    return answer;
  };

  const world = {
    fake,
    app,
    endpoint,
    post,
    /** Waits until every turn Lederrum took on is done (posts through world.* already wait). */
    settled: () => app.settled(),
    async close() {
      await app.close();
      await fake.close();
    },
    /** Another team channel (in the fake, with its roster) that activities can come from. */
    addChannel(channel: TeamsChannel, members: FakeTeamsMember[]) {
      channels.set(channel.id, channel);
      const teamId = channel.teamId ?? TEAM;
      fake.addConversation({
        id: channel.id,
        type: 'channel',
        teamId,
        name: channel.teamName ?? 'Team Nord',
        ...(channel.name ? { channelName: channel.name } : {}),
        ...(channel.channelType ? { channelType: channel.channelType } : {}),
        tenantId: channel.tenantId ?? fake.tenantId,
        members,
      });
    },
    /** A message as Teams delivers it: in a channel (CHANNEL, or another by id) with an @mention, or in the member's personal chat. */
    async say(member: FakeTeamsMember, text: string, where: 'channel' | 'personal' | string = 'personal', token?: string, mentions: FakeTeamsMember[] = []) {
      return post(world.message(member, text, where, mentions), token ? { token } : {});
    },
    /** The activity say() posts, for a test that posts it itself (postActivity answers without waiting for the turn). */
    message(member: FakeTeamsMember, text: string, where: 'channel' | 'personal' | string = 'personal', mentions: FakeTeamsMember[] = []) {
      const channelId = where === 'channel' ? CHANNEL : where === 'personal' ? null : where;
      const conversation = conversationOf(channelId ?? personalChatId(member), member);
      const activity = messageActivity({
        from: member,
        conversation,
        text,
        mentionBot: channelId !== null,
        serviceUrl: fake.serviceUrl,
        botId: BOT_ID,
        id: `msg-${next++}`,
        locale: 'da-DK',
        channelData: channelId ? channelDataOf(channelId) : { tenant: { id: tenantOf(member) } },
      });
      // People @mentioned in the text ("<at>Name</at>", in order), as Teams lists them in the entities.
      for (const m of mentions) activity.entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } });
      return activity;
    },
    /** The bot added to a channel (Teams says so on that channel's conversation). */
    async installIn(channelId: string) {
      return post(conversationUpdate({ membersAdded: 'bot', conversation: conversationOf(channelId), serviceUrl: fake.serviceUrl, botId: BOT_ID, channelData: channelDataOf(channelId) }));
    },
    /** A roster event as Teams sends it on a channel's conversation (team events on the General one). */
    async membership(channelId: string, eventType: NonNullable<ConversationUpdateOptions['eventType']>, change: { added?: FakeTeamsMember[]; removed?: FakeTeamsMember[] }) {
      const activity = conversationUpdate({
        ...(change.added ? { membersAdded: change.added } : {}),
        ...(change.removed ? { membersRemoved: change.removed } : {}),
        eventType,
        conversation: conversationOf(channelId),
        serviceUrl: fake.serviceUrl,
        botId: BOT_ID,
        channelData: channelDataOf(channelId),
      });
      return post(activity);
    },
    /** Pressing an Action.Submit: Teams sends a message whose value is the action's data plus the inputs. */
    async submit(member: FakeTeamsMember, where: { conversationId: string; replyToId: string }, data: unknown, inputs: Record<string, string> = {}, id = `submit-${next++}`) {
      const base = where.conversationId.split(';messageid=')[0]!;
      const activity = messageActivity({
        from: member,
        conversation: conversationOf(where.conversationId, member),
        text: '',
        value: { ...inputs, [DATA_KEY]: data },
        replyToId: where.replyToId,
        serviceUrl: fake.serviceUrl,
        botId: BOT_ID,
        id,
        locale: 'da-DK',
        ...(channels.has(base) ? { channelData: channelDataOf(base) } : { channelData: { tenant: { id: tenantOf(member) } } }),
      });
      return post(activity);
    },
    async installInChannel(channelId = CHANNEL) {
      return world.installIn(channelId);
    },
    async openPersonalChat(member: FakeTeamsMember) {
      const activity = conversationUpdate({
        membersAdded: 'bot',
        conversation: conversationOf(personalChatId(member), member),
        serviceUrl: fake.serviceUrl,
        botId: BOT_ID,
        from: member,
        // Danish, as every activity of this harness's people (the welcome it brings is in the person's language).
        locale: 'da-DK',
        channelData: { tenant: { id: tenantOf(member) } },
      });
      return post(activity);
    },
    /** The member removes Lederrum from their personal scope: Teams tells the bot, and the chat no longer takes its messages. */
    async removeFromPersonalScope(member: FakeTeamsMember) {
      const activity = installationUpdate({
        action: 'remove',
        from: member,
        conversation: conversationOf(personalChatId(member), member),
        serviceUrl: fake.serviceUrl,
        botId: BOT_ID,
        channelData: { tenant: { id: tenantOf(member) } },
      });
      fake.removeBot(personalChatId(member));
      return post(activity);
    },
  };
  return world;
}

export type TeamsWorld = Awaited<ReturnType<typeof startTeamsWorld>>;

/** Every element of a recorded activity's cards that `pick` takes, in order. */
export function cardElements(activity: any, pick: (node: any) => boolean): any[] {
  const found: any[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (pick(node)) found.push(node);
    Object.values(node).forEach(walk);
  };
  walk(activity?.attachments);
  return found;
}

/** The Lederrum data of the Action.Submit buttons and submit actions in a recorded activity's card. */
export function actionsOf(activity: any): Array<{ title: string; data: any }> {
  return cardElements(activity, (node) => node.type === 'Action.Submit' && node.data?.[DATA_KEY]).map((node) => ({ title: node.title, data: node.data[DATA_KEY] }));
}

/** The latest activity sent to the conversation since `after` whose text or card contains `contains`, once there is one. */
export function latestIn(world: TeamsWorld, conversationId: string, contains: string, after: number) {
  return world.fake.waitFor(() =>
    world.fake
      .sent(conversationId)
      .filter((r) => r.at >= after && textOf(r.activity).includes(contains))
      .at(-1),
  );
}

export function textOf(activity: any): string {
  return `${activity?.text ?? ''} ${JSON.stringify(activity?.attachments ?? [])}`;
}

/** The bot installed in the channel, members' personal chats open, and the channel set up as a group by Mia. */
export async function setUpGroup(world: TeamsWorld, members: Member[] = [MIA, JONAS, SARA], channelId = CHANNEL, name = 'Ledergruppen Nord'): Promise<void> {
  await world.installIn(channelId);
  for (const member of members) await world.openPersonalChat(member);
  const started = Date.now();
  await world.say(MIA, 'gruppe opret', channelId);
  const form = await world.fake.waitFor(() => world.fake.sent(personalChatId(MIA)).find((r) => r.at >= started && r.op !== 'update' && textOf(r.activity).includes('Opret ledergruppe')));
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  await world.submit(MIA, { conversationId: personalChatId(MIA), replyToId: form.activityId }, submit.data, { name, language: 'da', time_zone: 'Europe/Copenhagen' });
  await world.fake.waitFor(() => world.fake.sent(channelId).find((r) => textOf(r.activity).includes(`Velkommen til ${name}`)));
}

export function roundPostIn(world: TeamsWorld, sequence: number, title: string) {
  return world.fake.sent(CHANNEL).find((r) => r.op !== 'update' && r.conversationId === CHANNEL && textOf(r.activity).includes(`Tjek-ind #${sequence} · ${title}`));
}
