// chat.postMessage, chat.update and chat.postEphemeral, with the error codes Slack answers for
// unknown or archived channels, a bot outside the channel, bad blocks and foreign messages.
import { asBot, type BotContext, type Handler } from './context.ts';
import type { Conversation, SlackState } from './state.ts';
import type { FakeSlackMessage, FakeSlackTeam, SlackReply } from './types.ts';
import { fail, messageContentError, ok, stringArg } from './validate.ts';

/** The id Slack reports a conversation by: the channel id, or the IM id for a DM. */
function wireChannel(conversation: Conversation): string {
  return conversation.kind === 'channel' ? conversation.channel.id : conversation.imId;
}

function wireMessage(state: SlackState, team: FakeSlackTeam, message: FakeSlackMessage): Record<string, unknown> {
  const byBot = message.user === team.botUserId;
  return {
    type: 'message',
    text: message.text,
    user: message.user,
    ...(byBot ? { bot_id: team.botId, app_id: state.appId } : {}),
    ts: message.ts,
    team: team.id,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.edited ? { edited: { user: team.botUserId, ts: message.ts } } : {}),
  };
}

/** Resolves the channel argument and checks the bot may write there. */
function writableConversation(ctx: BotContext): Conversation | SlackReply {
  const channelId = stringArg(ctx.args, 'channel');
  const conversation = channelId ? ctx.state.resolve(ctx.team, channelId) : undefined;
  if (!conversation) return fail('channel_not_found');
  if (conversation.kind === 'channel') {
    if (conversation.channel.archived) return fail('is_archived');
    if (!conversation.channel.members.includes(ctx.team.botUserId)) return fail('not_in_channel');
  }
  return conversation;
}

const isReply = (value: Conversation | SlackReply): value is SlackReply => 'ok' in value;

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function blocksOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function postMessage(ctx: BotContext): SlackReply {
  const { state, args, team } = ctx;
  const conversation = writableConversation(ctx);
  if (isReply(conversation)) return conversation;
  const contentError = messageContentError(args);
  if (contentError) return fail(contentError);
  let threadTs: string | undefined;
  const threadArg = stringArg(args, 'thread_ts');
  if (threadArg) {
    const parent = state.findMessage(conversation.key, threadArg);
    if (!parent) return fail('thread_not_found');
    threadTs = parent.threadTs ?? parent.ts;
  }
  const blocks = blocksOf(args['blocks']);
  const message: FakeSlackMessage = {
    channel: conversation.key,
    ts: state.nextTs(),
    ...(threadTs ? { threadTs } : {}),
    text: textOf(args['text']) ?? '',
    ...(blocks ? { blocks } : {}),
    user: team.botUserId,
    edited: false,
    updates: 0,
  };
  state.allMessages.push(message);
  state.shown.push({ kind: 'message', conversation: conversation.key, text: message.text, ...(blocks ? { blocks } : {}), ref: message.ts, ...(threadTs ? { threadTs } : {}) });
  return ok({ channel: wireChannel(conversation), ts: message.ts, message: wireMessage(state, team, message) });
}

function update(ctx: BotContext): SlackReply {
  const { state, args, team } = ctx;
  const channelId = stringArg(args, 'channel');
  const conversation = channelId ? state.resolve(team, channelId) : undefined;
  if (!conversation) return fail('channel_not_found');
  const ts = stringArg(args, 'ts');
  const message = ts ? state.findMessage(conversation.key, ts) : undefined;
  if (!message) return fail('message_not_found');
  if (message.user !== team.botUserId) return fail('cant_update_message');
  if (conversation.kind === 'channel' && conversation.channel.archived) return fail('is_archived');
  // Slack keeps the previous text or blocks when a field is left out; [] removes the blocks.
  const text = textOf(args['text']) ?? message.text;
  const blocks = args['blocks'] === undefined ? message.blocks : args['blocks'];
  const contentError = messageContentError({ text, blocks, attachments: args['attachments'] });
  if (contentError) return fail(contentError);
  message.text = text;
  const newBlocks = blocksOf(blocks);
  if (newBlocks && newBlocks.length > 0) message.blocks = newBlocks;
  else delete message.blocks;
  message.edited = true;
  message.updates += 1;
  state.shown.push({ kind: 'update', conversation: conversation.key, text, ...(newBlocks ? { blocks: newBlocks } : {}), ref: message.ts, ...(message.threadTs ? { threadTs: message.threadTs } : {}) });
  return ok({ channel: wireChannel(conversation), ts: message.ts, text, message: wireMessage(state, team, message) });
}

function postEphemeral(ctx: BotContext): SlackReply {
  const { state, args } = ctx;
  const conversation = writableConversation(ctx);
  if (isReply(conversation)) return conversation;
  const user = stringArg(args, 'user');
  if (!user || !state.users.has(user)) return fail('user_not_found');
  const present = conversation.kind === 'channel' ? conversation.channel.members.includes(user) : conversation.userId === user;
  if (!present) return fail('user_not_in_channel');
  const contentError = messageContentError(args);
  if (contentError) return fail(contentError);
  const blocks = blocksOf(args['blocks']);
  const threadTs = stringArg(args, 'thread_ts');
  state.ephemerals.push({ channel: conversation.key, user, text: textOf(args['text']) ?? '', ...(blocks ? { blocks } : {}), ...(threadTs ? { threadTs } : {}) });
  state.shown.push({ kind: 'ephemeral', user, conversation: conversation.key, text: textOf(args['text']) ?? '', ...(blocks ? { blocks } : {}) });
  return ok({ message_ts: state.nextTs() });
}

export const chatMethods: Record<string, Handler> = {
  'chat.postMessage': asBot(postMessage),
  'chat.update': asBot(update),
  'chat.postEphemeral': asBot(postEphemeral),
};
