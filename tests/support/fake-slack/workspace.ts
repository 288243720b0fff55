// The workspace-facing methods: auth.test, conversations.members/info/open, users.info,
// oauth.v2.access (the install flow's code exchange) and apps.connections.open (Socket Mode).
import { asBot, type BotContext, type CallContext, type Handler } from './context.ts';
import type { FakeSlackUser, SlackReply } from './types.ts';
import { booleanArg, fail, ok, stringArg } from './validate.ts';

const DEFAULT_TZ = 'America/Los_Angeles';

export function teamDomain(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'workspace'
  );
}

function timeZoneName(tz: string, style: 'longOffset' | 'long'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style }).formatToParts(new Date());
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

function tzOffsetSeconds(tz: string): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(timeZoneName(tz, 'longOffset'));
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
}

function wireUser(user: FakeSlackUser, includeLocale: boolean): Record<string, unknown> {
  const tz = user.tz ?? DEFAULT_TZ;
  const displayName = user.displayName ?? '';
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: user.realName,
    tz,
    tz_label: timeZoneName(tz, 'long'),
    tz_offset: tzOffsetSeconds(tz),
    is_bot: user.isBot ?? false,
    is_admin: user.isAdmin ?? false,
    is_owner: false,
    is_app_user: false,
    updated: 1_700_000_000,
    ...(includeLocale ? { locale: user.locale ?? 'en-US' } : {}),
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: displayName,
      display_name_normalized: displayName,
      team: user.teamId,
    },
  };
}

function authTest({ state, team }: BotContext): SlackReply {
  const bot = state.users.get(team.botUserId);
  return ok({
    url: `https://${teamDomain(team.name)}.slack.com/`,
    team: team.name,
    user: bot?.name ?? 'bot',
    team_id: team.id,
    user_id: team.botUserId,
    bot_id: team.botId,
    is_enterprise_install: false,
  });
}

function members({ state, args, team }: BotContext): SlackReply {
  const channelId = stringArg(args, 'channel');
  const conversation = channelId ? state.resolve(team, channelId) : undefined;
  if (!conversation) return fail('channel_not_found');
  const all = conversation.kind === 'channel' ? conversation.channel.members : [conversation.userId, team.botUserId];
  const limitArg = Number(args['limit'] ?? 100);
  const limit = Number.isFinite(limitArg) && limitArg > 0 ? Math.min(Math.floor(limitArg), 1000) : 100;
  let offset = 0;
  const cursor = stringArg(args, 'cursor');
  if (cursor) {
    const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match) return fail('invalid_cursor');
    offset = Number(match[1]);
  }
  const page = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return ok({ members: page, response_metadata: { next_cursor: next } });
}

function info({ state, args, team }: BotContext): SlackReply {
  const channelId = stringArg(args, 'channel');
  const conversation = channelId ? state.resolve(team, channelId) : undefined;
  if (!conversation) return fail('channel_not_found');
  if (conversation.kind === 'im') {
    return ok({ channel: { id: conversation.imId, is_im: true, user: conversation.userId, is_open: true, created: 1_700_000_000 } });
  }
  const c = conversation.channel;
  return ok({
    channel: {
      id: c.id,
      name: c.name,
      is_channel: !c.isPrivate,
      is_group: c.isPrivate && !c.isMpim,
      is_im: false,
      is_mpim: c.isMpim,
      is_private: c.isPrivate,
      is_member: c.members.includes(team.botUserId),
      is_archived: c.archived,
      created: 1_700_000_000,
      context_team_id: c.teamId,
    },
  });
}

function open({ state, args, team }: BotContext): SlackReply {
  const users = (stringArg(args, 'users') ?? '').split(',').filter((u) => u !== '');
  if (users.length !== 1) return fail(users.length === 0 ? 'users_list_not_supplied' : 'fake_slack_unsupported_mpim');
  const conversation = state.resolve(team, users[0] ?? '');
  if (conversation?.kind !== 'im') return fail('user_not_found');
  return ok({ channel: { id: conversation.imId } });
}

function usersInfo({ state, args }: BotContext): SlackReply {
  const userId = stringArg(args, 'user');
  const user = userId ? state.users.get(userId) : undefined;
  if (!user) return fail('user_not_found');
  return ok({ user: wireUser(user, booleanArg(args, 'include_locale')) });
}

function oauthAccess({ state, args, basicAuth }: CallContext): SlackReply {
  const clientId = stringArg(args, 'client_id') ?? basicAuth?.id;
  const secret = stringArg(args, 'client_secret') ?? basicAuth?.secret;
  if (!clientId || clientId !== state.oauthClient.id) return fail('invalid_client_id');
  if (secret !== state.oauthClient.secret) return fail('bad_client_secret');
  const code = stringArg(args, 'code');
  const grant = code ? state.codes.get(code) : undefined;
  if (!grant || grant.used) return fail('invalid_code');
  if (grant.redirectUri !== undefined && stringArg(args, 'redirect_uri') !== grant.redirectUri) {
    return fail('bad_redirect_uri');
  }
  grant.used = true;
  const known = state.teams.get(grant.teamId);
  const team = {
    id: grant.teamId,
    name: grant.teamName ?? known?.name ?? `Team ${grant.teamId}`,
    botToken: grant.botToken ?? known?.botToken ?? `xoxb-${grant.teamId}-${state.randomHex(12)}`,
    botUserId: grant.botUserId ?? known?.botUserId ?? 'UBOT',
    botId: grant.botId ?? known?.botId ?? state.nextId('B'),
  };
  state.addTeam(team);
  return ok({
    app_id: state.appId,
    authed_user: { id: grant.userId },
    scope: (grant.scopes ?? ['chat:write', 'commands', 'users:read']).join(','),
    token_type: 'bot',
    access_token: team.botToken,
    bot_user_id: team.botUserId,
    team: { id: team.id, name: team.name },
    enterprise: null,
    is_enterprise_install: false,
  });
}

function connectionsOpen({ state, token, origin }: CallContext): SlackReply {
  if (!token) return fail('not_authed');
  if (!token.startsWith('xapp-')) return fail('invalid_auth');
  const ticket = state.randomHex(16);
  state.socketTickets.add(ticket);
  return ok({ url: `${origin.replace(/^http/, 'ws')}/socket?ticket=${ticket}` });
}

export const workspaceMethods: Record<string, Handler> = {
  'auth.test': asBot(authTest),
  'conversations.members': asBot(members),
  'conversations.info': asBot(info),
  'conversations.open': asBot(open),
  'users.info': asBot(usersInfo),
  'oauth.v2.access': oauthAccess,
  'apps.connections.open': connectionsOpen,
};
