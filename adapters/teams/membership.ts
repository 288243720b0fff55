// Teams membership → the groups that follow a conversation's members. Teams tells of a team's
// membership on its General channel (teamMemberAdded / teamMemberRemoved) and of a private or
// shared channel's own roster on that channel (channelMemberAdded / channelMemberRemoved). A group
// can live in any channel, so a team's change is carried to every channel of that team the bot
// knows, each deciding by its own roster: a standard channel's is the team's, a private or shared
// channel's is its own (those hear of their own changes directly and are left to them).
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Actor, Lederrum, Logger, Place } from '../../src/core/index.ts';
import type { TeamsConversationRecord, TeamsConversations } from './conversation-store.ts';
import { actorOf, placeOf, type TeamsActivity } from './parse.ts';
import { statusOf, teamsErrorCode, type Write } from './send.ts';

export interface MembershipDeps {
  core: Lederrum;
  conversations: TeamsConversations;
  write: Write;
  logger: Logger;
}

type Account = NonNullable<TeamsActivity['membersAdded']>[number];

const TEAM_EVENTS = new Set(['teamMemberAdded', 'teamMemberRemoved']);

/** The member as that conversation's roster lists them; null when they are not in it. */
export async function inRoster(context: TurnContext, memberId: string): Promise<TeamsChannelAccount | null> {
  try {
    return await TeamsInfo.getMember(context, memberId);
  } catch (error) {
    if (statusOf(error) === 404 && teamsErrorCode(error) !== 'ConversationNotFound') return null;
    throw error;
  }
}

export function rosterActor(found: TeamsChannelAccount | null, fallback: Actor): Actor {
  return found?.name ? { ...fallback, displayName: found.name } : fallback;
}

export async function followMembership(context: TurnContext, activity: TeamsActivity, deps: MembershipDeps): Promise<void> {
  const place = placeOf(activity);
  if (place.kind !== 'group') return;
  const botId = activity.recipient.id;
  const added = (activity.membersAdded ?? []).filter((m) => m.id !== botId);
  const removed = (activity.membersRemoved ?? []).filter((m) => m.id !== botId);
  const joined = (actor: Actor, where: Place) => deps.core.handle({ type: 'member_joined', actor, place: where });
  const left = (actor: Actor, where: Place) => deps.core.handle({ type: 'member_left', actor, place: where });

  // The conversation the event came on says it itself. Teams often omits names: the roster has them.
  for (const member of added) {
    const found = await inRoster(context, member.id).catch(() => null);
    await joined(rosterActor(found, actorOf(activity, member)), place);
  }
  for (const member of removed) await left(actorOf(activity, member), place);

  const teamId = activity.channelData?.team?.id;
  if (!teamId || !TEAM_EVENTS.has(activity.channelData?.eventType ?? '')) return;
  const channels = (await deps.conversations.channelsOfTeam(teamId)).filter((c) => c.id !== place.conversationId);
  for (const channel of channels) {
    const there: Place = { conversationId: channel.id, kind: 'group' };
    for (const member of added) {
      if (channel.channelType === 'private' || channel.channelType === 'shared') continue;
      const found = await rosterOf(channel, member, deps);
      if (found) await joined(rosterActor(found, actorOf(activity, member)), there);
    }
    for (const member of removed) {
      // Nobody stays in a standard or private channel of a team they left; a shared channel may keep them.
      const stays = channel.channelType === 'standard' || channel.channelType === 'private' ? null : await rosterOf(channel, member, deps);
      if (stays === null) await left(actorOf(activity, member), there);
    }
  }
}

/** The member in that channel's roster, null when not there, undefined when Teams could not say. */
async function rosterOf(channel: TeamsConversationRecord, member: Account, deps: MembershipDeps): Promise<TeamsChannelAccount | null | undefined> {
  try {
    return await deps.write(channel.id, undefined, 'roster check', (context) => inRoster(context, member.id));
  } catch (error) {
    deps.logger.warn('teams roster check failed; that channel keeps its members', { channel: channel.id, error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
