// What a command should know of the conversation it comes from, from what Slack says of it
// (conversations.info, looked up and cached by directory.ts): its name, and whether it is a group
// DM. A slash command's own channel_name is no name for a private channel ("privategroup") or a
// DM ("directmessage"), and a group DM ("mpdm-…") is where Lederrum cannot hold a group. When
// Slack cannot say (a private channel the bot is not in yet), the command's own name is used
// unless it is one of those stand-ins.

export interface ChannelFacts {
  /** The channel's own name, when known: a group's suggested name. */
  name?: string;
  /** A multi-person DM, not a channel. */
  groupDm: boolean;
}

const STAND_INS = new Set(['privategroup', 'directmessage']);
const isGroupDmName = (name: string | undefined) => name?.startsWith('mpdm-') ?? false;

/** From conversations.info's channel. */
export function factsOf(channel: { name?: string; is_mpim?: boolean } | undefined): ChannelFacts {
  return { ...(channel?.name ? { name: channel.name } : {}), groupDm: Boolean(channel?.is_mpim) || isGroupDmName(channel?.name) };
}

/** From the name the command carried, when Slack could not say more. */
export function factsFromName(given: string | undefined): ChannelFacts {
  const usable = given && !STAND_INS.has(given) && !isGroupDmName(given) ? { name: given } : {};
  return { ...usable, groupDm: isGroupDmName(given) };
}
