// Teams activities → what the core needs, checked with zod. A channel thread's conversation id
// ("19:…@thread.tacv2;messageid=…") names the channel plus a thread; Lederrum's group is the
// channel, so the suffix is dropped. Card data is read only under its own key.
import { z } from 'zod';
import { languageOfLocale, workspaceOf, type Actor, type FormValues, type Mention, type Place } from '../../src/core/index.ts';
import { DATA_KEY, type CardData } from './render.ts';

const account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).loose();

export const activitySchema = z
  .object({
    type: z.string(),
    id: z.string().optional(),
    channelId: z.string(),
    serviceUrl: z.url(),
    from: account,
    recipient: account,
    conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional(), isGroup: z.boolean().optional() }).loose(),
    text: z.string().optional(),
    value: z.unknown().optional(),
    replyToId: z.string().optional(),
    locale: z.string().optional(),
    localTimezone: z.string().optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    action: z.string().optional(),
    entities: z.array(z.object({ type: z.string() }).loose()).optional(),
    channelData: z
      .object({
        tenant: z.object({ id: z.string() }).optional(),
        team: z.object({ id: z.string(), name: z.string().optional() }).loose().optional(),
        channel: z.object({ id: z.string(), name: z.string().optional() }).loose().optional(),
        eventType: z.string().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type TeamsActivity = z.infer<typeof activitySchema>;

/** The Bot Framework's activity types, as /metrics names a request; anything else is "other", a body that is none "malformed". */
const ACTIVITY_KINDS = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'event', 'typing']);

export function activityKind(body: unknown): string {
  const type = (body as { type?: unknown } | null | undefined)?.type;
  if (typeof type !== 'string') return 'malformed';
  return ACTIVITY_KINDS.has(type) ? type : 'other';
}

export function groupConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0]!;
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export function kindOf(activity: TeamsActivity): ConversationKind {
  const type = activity.conversation.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  return activity.conversation.isGroup ? 'groupChat' : 'personal';
}

/** A channel's kind when Teams says it (channelData.channel.type or membershipType), else null. */
export function channelTypeOf(activity: TeamsActivity): 'standard' | 'private' | 'shared' | null {
  const channel = activity.channelData?.channel as { type?: unknown; membershipType?: unknown } | undefined;
  const given = channel?.type ?? channel?.membershipType;
  return given === 'standard' || given === 'private' || given === 'shared' ? given : null;
}

export function placeOf(activity: TeamsActivity): Place {
  if (kindOf(activity) === 'personal') return { conversationId: activity.conversation.id, kind: 'direct' };
  const name = activity.channelData?.channel?.name ?? activity.channelData?.team?.name;
  return { conversationId: groupConversationId(activity.conversation.id), kind: 'group', ...(name ? { name } : {}) };
}

/** The tenant an activity comes from: the workspace wall on Teams. */
export function tenantOf(activity: Pick<TeamsActivity, 'conversation' | 'channelData'>) {
  return workspaceOf('teams', activity.conversation.tenantId ?? activity.channelData?.tenant?.id);
}

/** The person who acted. Teams gives the user's locale and, in personal chat, their time zone. */
export function actorOf(activity: TeamsActivity, member = activity.from): Actor {
  const locale = member === activity.from ? languageOfLocale(activity.locale) : undefined;
  const timeZone = member === activity.from ? activity.localTimezone : undefined;
  return {
    platform: 'teams',
    workspace: tenantOf(activity),
    externalId: member.id,
    displayName: member.name ?? member.id,
    ...(locale ? { locale } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
}

const formSchema = z.object({
  id: z.string(),
  // Absent on cards sent before forms carried their language: the bot then uses the person's.
  language: z.enum(['da', 'en']).optional(),
  state: z.string(),
  title: z.string(),
  submitLabel: z.string(),
  intro: z.array(z.any()),
  fields: z.array(z.object({ type: z.enum(['text', 'choice', 'multi_choice', 'checkbox']), id: z.string() }).loose()),
  anonymous: z.boolean().optional(),
});
const cardDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('button'), action: z.string().min(1), value: z.string() }),
  z.object({
    kind: z.literal('form'),
    form: formSchema,
    place: z.object({ conversationId: z.string().min(1), kind: z.enum(['group', 'direct']), name: z.string().optional() }),
    to: z.object({ id: z.string().min(1), name: z.string() }),
  }),
]);

/** Card data from an Action.Submit, or null when the value is not Lederrum's (or is malformed). */
export function cardData(value: unknown): CardData | null {
  if (!value || typeof value !== 'object' || !(DATA_KEY in value)) return null;
  const parsed = cardDataSchema.safeParse((value as Record<string, unknown>)[DATA_KEY]);
  return parsed.success ? (parsed.data as CardData) : null;
}

/** Inputs come back as strings; the form says which kind each field is. */
export function formValues(value: unknown, form: Extract<CardData, { kind: 'form' }>['form']): FormValues {
  const raw = (value ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const field of form.fields) {
    const given = raw[field.id];
    const text = typeof given === 'string' ? given : '';
    if (field.type === 'checkbox') values[field.id] = text === 'true';
    else if (field.type === 'multi_choice') values[field.id] = text === '' ? [] : text.split(',');
    else values[field.id] = text;
  }
  return values;
}

/** Text with the bot's @mention removed: "<at>Lederrum</at> tjekind start" → "tjekind start". */
export function commandText(text: string | undefined): string {
  return commandOf({ text, recipient: { id: '' }, entities: [], conversation: { id: '' } }).text;
}

const mentionEntity = z.object({ type: z.literal('mention'), text: z.string().optional(), mentioned: z.object({ id: z.string().min(1), name: z.string().optional() }).loose() }).loose();

/**
 * A message's command: its text with the bot's own @mention dropped and every other person's
 * "<at>Name</at>" kept as "@Name", and those people as mentions (the `mention` entities Teams
 * sends with the text). An <at> tag no person's entity explains (the bot's, a team's or a
 * channel's) is dropped, as before.
 */
export function commandOf(activity: Pick<TeamsActivity, 'text' | 'recipient' | 'entities' | 'conversation' | 'channelData'>): { text: string; mentions: Mention[] } {
  const entities = (activity.entities ?? []).flatMap((e) => {
    const parsed = mentionEntity.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
  const mentions = new Map<string, Mention>();
  const unused = new Set(entities);
  const text = (activity.text ?? '').replace(/<at>([^<]*)<\/at>/g, (tag, name: string) => {
    // Each tag takes its own entity, in order: two people can carry the same name.
    const entity = [...unused].find((e) => e.text === tag) ?? [...unused].find((e) => e.mentioned.name === name);
    if (entity) unused.delete(entity);
    const id = entity?.mentioned.id;
    // Channels and teams ("19:…") and the bot itself are addressees, not people to name.
    if (!id || id === activity.recipient.id || id.startsWith('19:')) return '';
    // A mention names someone in the conversation's tenant; Teams gives no other tenant for them.
    if (!mentions.has(id)) mentions.set(id, { workspace: tenantOf(activity), externalId: id, displayName: entity.mentioned.name ?? name });
    return `@${name}`;
  });
  return { text: text.replace(/&nbsp;/g, ' ').trim(), mentions: [...mentions.values()] };
}
