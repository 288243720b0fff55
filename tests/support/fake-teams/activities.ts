// Builders for the activities Teams posts to a bot's messaging endpoint (messages, Adaptive Card
// submits and Action.Execute invokes, conversation and installation updates), in the documented
// msteams shapes, and postActivity to deliver one the way the Bot Connector does.
import type { ConversationRef, ConversationType, FakeTeamsMember } from './types.ts';

/** The conversation as this module's ConversationRef, or already in the wire shape Teams sends. */
export type ConversationInput = ConversationRef | { id: string; conversationType: ConversationType | string; tenantId?: string; isGroup?: boolean; name?: string };

export interface ActivityBase {
  conversation: ConversationInput;
  serviceUrl: string;
  /** The bot's app id ('28:' is added for the recipient id unless already there). */
  botId: string;
  botName?: string;
  tenantId?: string;
  id?: string;
  locale?: string;
  /** Replaces the computed channelData keys it names (tenant, team, channel, …). */
  channelData?: Record<string, unknown>;
}

function normalize(c: ConversationInput): ConversationRef {
  if ('type' in c) return c;
  const type = c.conversationType === 'channel' || c.conversationType === 'groupChat' ? c.conversationType : 'personal';
  return { id: c.id, type, ...(c.tenantId ? { tenantId: c.tenantId } : {}), ...(c.name ? { name: c.name } : {}) };
}

export function botAccountId(botId: string): string {
  return botId.startsWith('28:') ? botId : `28:${botId}`;
}

let sequence = 0;
const nextId = () => String(Date.now() * 10 + (sequence++ % 10));
const DEFAULT_TENANT = 'tenant-0001';

type AccountLike = Pick<FakeTeamsMember, 'id'> & Partial<Pick<FakeTeamsMember, 'name' | 'aadObjectId'>>;

function account(m: AccountLike) {
  return { id: m.id, ...(m.name ? { name: m.name } : {}), ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) };
}

function base(o: ActivityBase, type: string, from: AccountLike) {
  const c = normalize(o.conversation);
  const tenantId = c.tenantId ?? o.tenantId ?? DEFAULT_TENANT;
  const channelId = c.id.split(';messageid=')[0] ?? c.id;
  const now = new Date();
  return {
    type,
    id: o.id ?? nextId(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: account(from),
    conversation: {
      id: c.id,
      conversationType: c.type,
      tenantId,
      ...(c.type === 'personal' ? {} : { isGroup: true }),
      ...(c.type === 'groupChat' && c.name ? { name: c.name } : {}),
    },
    recipient: { id: botAccountId(o.botId), name: o.botName ?? 'Lederrum' },
    locale: o.locale ?? 'en-US',
    channelData: {
      tenant: { id: tenantId },
      ...(c.type === 'channel'
        ? {
            teamsChannelId: channelId,
            ...(c.teamId ? { teamsTeamId: c.teamId, team: { id: c.teamId, ...(c.name ? { name: c.name } : {}) } } : {}),
            channel: { id: channelId, ...(c.channelName ? { name: c.channelName } : {}) },
          }
        : {}),
      ...o.channelData,
    },
  };
}

export interface MessageOptions extends ActivityBase {
  from: FakeTeamsMember;
  /** Absent for an Adaptive Card Action.Submit, which arrives as a message with only `value`. */
  text?: string;
  /** Prefixes '<at>Lederrum</at> ' and adds the mention entity, as a channel @mention does. */
  mentionBot?: boolean;
  value?: unknown;
  replyToId?: string;
}

export function messageActivity(o: MessageOptions): any {
  const activity: any = base(o, 'message', o.from);
  const botName = o.botName ?? 'Lederrum';
  const mention = `<at>${botName}</at>`;
  const text = o.text === undefined ? undefined : o.mentionBot ? `${mention} ${o.text}` : o.text;
  if (text !== undefined) {
    activity.text = text;
    activity.textFormat = 'plain';
  }
  activity.entities = [
    { type: 'clientInfo', locale: activity.locale, country: 'US', platform: 'Web', timezone: 'Europe/Copenhagen' },
    ...(o.mentionBot ? [{ type: 'mention', text: mention, mentioned: { id: botAccountId(o.botId), name: botName } }] : []),
  ];
  if (o.value !== undefined) activity.value = o.value;
  if (o.replyToId !== undefined) activity.replyToId = o.replyToId;
  return activity;
}

export interface InvokeOptions extends ActivityBase {
  from: FakeTeamsMember;
  name: 'adaptiveCard/action';
  value: { action: { type: 'Action.Execute'; verb: string; data: unknown } };
  /** The id of the message carrying the card. */
  replyToId?: string;
}

export function invokeActivity(o: InvokeOptions): any {
  const activity: any = base(o, 'invoke', o.from);
  activity.name = o.name;
  activity.value = { ...o.value, trigger: 'manual' };
  if (o.replyToId !== undefined) activity.replyToId = o.replyToId;
  return activity;
}

type Members = FakeTeamsMember[] | 'bot';

export interface ConversationUpdateOptions extends ActivityBase {
  /** Who made the change; defaults to the first member added/removed, else an anonymous user. */
  from?: FakeTeamsMember;
  membersAdded?: Members;
  membersRemoved?: Members;
  eventType?: 'teamMemberAdded' | 'teamMemberRemoved' | 'channelMemberAdded' | 'channelMemberRemoved' | 'channelCreated';
}

export function conversationUpdate(o: ConversationUpdateOptions): any {
  const bot = { id: botAccountId(o.botId) };
  const list = (m: Members | undefined) => (m === 'bot' ? [bot] : m?.map(account));
  const firstUser = [o.membersAdded, o.membersRemoved].find((m): m is FakeTeamsMember[] => Array.isArray(m) && m.length > 0)?.[0];
  const activity: any = base(o, 'conversationUpdate', o.from ?? firstUser ?? { id: '29:unknown-user' });
  const added = list(o.membersAdded);
  const removed = list(o.membersRemoved);
  if (added) activity.membersAdded = added;
  if (removed) activity.membersRemoved = removed;
  if (o.eventType) activity.channelData.eventType = o.eventType;
  return activity;
}

export interface InstallationUpdateOptions extends ActivityBase {
  action: 'add' | 'remove';
  from: FakeTeamsMember;
}

export function installationUpdate(o: InstallationUpdateOptions): any {
  const activity: any = base(o, 'installationUpdate', o.from);
  activity.action = o.action;
  activity.channelData.source = { name: normalize(o.conversation).type === 'personal' ? 'message' : 'team' };
  return activity;
}

/** POSTs an activity to the bot as the connector does (JSON, optional 'Bearer' channel token). */
export async function postActivity(url: string, activity: any, opts: { token?: string } = {}): Promise<{ status: number; body: any; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}
