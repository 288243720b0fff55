// Slack payloads → what the core needs, checked with zod. Bolt has already verified the request;
// here a payload that does not have the shape we rely on is refused with a clear log line
// instead of failing somewhere deeper. Ids are scoped by workspace (see ids.ts).
import { z } from 'zod';
import type { FormValues, Place } from '../../src/core/index.ts';
import { scoped } from './ids.ts';
import type { FormMetadata } from './render.ts';

const id = z.string().min(1);

/** Lederrum's one slash command (manifests/slack/manifest.yaml). */
export const SLASH_COMMAND = '/lederrum';

export const slashCommandSchema = z.object({
  team_id: id,
  channel_id: id,
  channel_name: z.string().optional(),
  user_id: id,
  user_name: z.string().optional(),
  text: z.string().default(''),
  trigger_id: id,
  response_url: z.url(),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

const actionSchema = z.object({ action_id: id, value: z.string().optional() });

export const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id, team_id: z.string().optional(), name: z.string().optional(), username: z.string().optional() }),
  team: z.object({ id }).nullable().optional(),
  channel: z.object({ id, name: z.string().optional() }).optional(),
  container: z.object({ type: z.string() }).loose().optional(),
  view: z.object({ id, type: z.string(), private_metadata: z.string().optional() }).loose().optional(),
  actions: z.array(actionSchema).min(1),
  trigger_id: id,
  response_url: z.url().optional(),
});
export type BlockAction = z.infer<typeof blockActionSchema>;

const elementState = z
  .object({
    type: z.string(),
    value: z.string().nullable().optional(),
    selected_option: z.object({ value: z.string() }).nullable().optional(),
    selected_options: z.array(z.object({ value: z.string() })).optional(),
  })
  .loose();

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id, team_id: z.string().optional(), name: z.string().optional() }),
  team: z.object({ id }).nullable().optional(),
  view: z
    .object({
      id,
      callback_id: z.string(),
      private_metadata: z.string(),
      hash: z.string().optional(),
      blocks: z.array(z.object({ type: z.string(), block_id: z.string().optional() }).loose()).default([]),
      state: z.object({ values: z.record(z.string(), z.record(z.string(), elementState)) }),
    })
    .loose(),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

const metadataSchema = z.object({
  formId: id,
  state: z.string(),
  place: z.object({ conversationId: id, kind: z.enum(['group', 'direct']), name: z.string().optional() }),
  language: z.enum(['da', 'en']).optional(),
});

export function formMetadata(raw: string): FormMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const { place, language, ...rest } = parsed.data;
    return { ...rest, ...(language ? { language } : {}), place: { conversationId: place.conversationId, kind: place.kind, ...(place.name ? { name: place.name } : {}) } };
  } catch {
    return null;
  }
}

/** A modal's state back to the core's form values; the element's action_id names the field kind. */
export function formValues(state: ViewSubmission['view']['state']): FormValues {
  const values: FormValues = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    for (const [kind, element] of Object.entries(actions)) {
      if (kind === 'text') values[blockId] = element.value ?? '';
      else if (kind === 'choice') values[blockId] = element.selected_option?.value ?? '';
      else if (kind === 'multi_choice') values[blockId] = (element.selected_options ?? []).map((o) => o.value);
      else if (kind === 'checkbox') values[blockId] = (element.selected_options ?? []).length > 0;
    }
  }
  return values;
}

/** A button's action_id is "<core action>|<index>"; the core knows only the first part. */
export function coreAction(actionId: string): string {
  return actionId.split('|')[0]!;
}

/** Channels and private channels are groups; "D…" is the person's direct chat with the bot. */
export function placeOf(teamId: string, channelId: string, name?: string): Place {
  return {
    conversationId: scoped(teamId, channelId),
    kind: channelId.startsWith('D') ? 'direct' : 'group',
    ...(name && !channelId.startsWith('D') ? { name } : {}),
  };
}

/** The person's own space with Lederrum (App Home, private chat): not a group. */
export function directPlace(teamId: string, userId: string): Place {
  return { conversationId: scoped(teamId, userId), kind: 'direct' };
}

const USER_MENTION = /<@([A-Z0-9]+)(?:\|([^>]*))?>/g;

/** The people a text mentions (`<@U…>`, `<@U…|name>`), once each, in order; the bot's own mention is not one. */
export function mentionedUsers(text: string, botUserId: string | undefined): Array<{ userId: string; name?: string }> {
  const found = new Map<string, { userId: string; name?: string }>();
  for (const [, userId, name] of text.matchAll(USER_MENTION)) {
    if (userId !== botUserId && !found.has(userId!)) found.set(userId!, { userId: userId!, ...(name ? { name } : {}) });
  }
  return [...found.values()];
}

/**
 * A command's text as its writer saw it: "<@U0BOT> hr tildel <@U1|bo>" → "hr tildel @Bo Holm".
 * The bot's own mention goes; another person's becomes "@" and their name (`names`, else the one
 * in the markup); channels, links and special mentions become their labels, and &amp; &lt; &gt;
 * are unescaped. Slack sends every event's text this way, and a slash command's with should_escape.
 */
export function mentionText(text: string, botUserId: string | undefined, names: ReadonlyMap<string, string> = new Map()): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return target.slice(1) === botUserId ? '' : `@${names.get(target.slice(1)) ?? label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return label ?? (/^!(here|channel|everyone)$/.test(target) ? `@${target.slice(1)}` : '');
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

export const memberEventSchema = z.object({ type: z.enum(['member_joined_channel', 'member_left_channel']), user: id, channel: id, team: z.string().optional() });
export const homeOpenedSchema = z.object({ type: z.literal('app_home_opened'), user: id, channel: id.optional(), tab: z.string().optional() });
export const textEventSchema = z.object({
  type: z.enum(['app_mention', 'message']),
  user: id,
  text: z.string().default(''),
  channel: id,
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  /** Set on a message written in a thread: the thread's parent, where the answer belongs too. */
  thread_ts: z.string().optional(),
});
export const tokensRevokedSchema = z.object({
  type: z.literal('tokens_revoked'),
  tokens: z.object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
});

/** Slack's payload types by the name /metrics gives a request. */
const PAYLOAD_KINDS: Record<string, string> = {
  block_actions: 'action',
  interactive_message: 'action',
  view_submission: 'view',
  view_closed: 'view',
  block_suggestion: 'options',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  event_callback: 'event',
  url_verification: 'url_verification',
};

/**
 * What kind of request Slack sent, from the body Bolt parsed (a slash command's form, an
 * interaction's payload, an event's envelope). A body Bolt did not parse was refused before
 * parsing (a bad signature, a stale timestamp): "unverified".
 */
export function requestKind(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'unverified';
  const fields = body as { command?: unknown; type?: unknown; ssl_check?: unknown };
  if (typeof fields.command === 'string') return 'command';
  if (fields.ssl_check !== undefined) return 'ssl_check';
  return (typeof fields.type === 'string' && PAYLOAD_KINDS[fields.type]) || 'other';
}
