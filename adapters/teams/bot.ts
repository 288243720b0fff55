// Activities from Teams, routed with @microsoft/teams-ai's Application and handed to the core.
// Replies to one person go only to their personal chat (Teams has no ephemeral messages; see
// private.ts); a form submitted from a card there replaces that card in place with what was saved.
import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext } from 'botbuilder';
import { isLederrumError, translate, type Actor, type Clock, type Language, type Lederrum, type Logger, type Message, type Place, type Reply } from '../../src/core/index.ts';
import type { InboundDeliveries } from '../inbound-deliveries.ts';
import type { TeamsConversations } from './conversation-store.ts';
import { followMembership } from './membership.ts';
import { followInstallation } from './lifecycle.ts';
import { welcomeOnInstall } from './welcome.ts';
import { actorOf, activitySchema, cardData, channelTypeOf, commandOf, formValues, groupConversationId, kindOf, placeOf, type TeamsActivity } from './parse.ts';
import type { PrivateRoute } from './private.ts';
import { CLEAR_CARD_ACTION, clearedCard, formCard, savedCard } from './render.ts';
import { activitiesOf, cardAttachment, type Activity } from './split.ts';
import type { Write } from './send.ts';

export interface BotDeps {
  core: Lederrum;
  conversations: TeamsConversations;
  deliveries: InboundDeliveries;
  personal: PrivateRoute;
  write: Write;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
}

export function routeActivities(app: Application, deps: BotDeps): void {
  app.activity(ActivityTypes.Message, async (context) => onMessage(context, deps));
  app.activity(ActivityTypes.ConversationUpdate, async (context) => onConversationUpdate(context, deps));
  app.activity(ActivityTypes.InstallationUpdate, async (context) => onInstallationUpdate(context, deps));
  app.error(async (_context, error) => {
    deps.logger.error('teams turn failed', { error: error.message });
  });
}

function parse(context: TurnContext, deps: BotDeps): TeamsActivity | null {
  const parsed = activitySchema.safeParse(context.activity);
  if (!parsed.success) {
    deps.logger.warn('teams activity malformed', { type: context.activity?.type, issues: parsed.error.issues.length });
    return null;
  }
  return parsed.data;
}

/** Keeps the reference the bot needs to write to this conversation later. */
async function remember(context: TurnContext, activity: TeamsActivity, deps: BotDeps): Promise<void> {
  const kind = kindOf(activity);
  const reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
  const conversation = { ...(reference['conversation'] as Record<string, unknown>), id: groupConversationId(activity.conversation.id) };
  await deps.conversations.remember(
    {
      id: groupConversationId(activity.conversation.id),
      kind,
      tenantId: activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? null,
      memberExternalId: kind === 'personal' ? activity.from.id : null,
      ...(kind === 'channel' ? { teamId: activity.channelData?.team?.id ?? null, channelType: channelTypeOf(activity) } : {}),
      reference: { ...reference, conversation, activityId: undefined },
    },
    deps.clock.now(),
  );
}

async function onMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  const activity = parse(context, deps);
  if (!activity) return;
  await remember(context, activity, deps);
  if (activity.id && !(await deps.deliveries.first('teams', `${activity.conversation.id}|${activity.id}`, deps.clock.now()))) {
    return deps.logger.debug('teams activity repeated, ignored', { type: activity.type });
  }
  const actor = actorOf(activity);
  const place = placeOf(activity);
  const data = cardData(activity.value);

  if (data?.kind === 'form') {
    if (data.to.id !== activity.from.id) {
      await context.sendActivity(translate(actor.locale ?? deps.defaultLanguage, 'platform.not_addressee', { name: data.to.name }));
      return;
    }
    const form = { ...data.form, language: data.form.language ?? actor.locale ?? deps.defaultLanguage };
    const values = formValues(activity.value, form);
    const reply = await deps.core.handle({ type: 'form_submitted', actor, place: data.place, formId: form.id, state: form.state, values });
    const card =
      reply.kind === 'form_errors'
        ? formCard(form, data.place, data.to, values, reply.errors)
        : reply.kind === 'form'
          ? formCard(reply.form, data.place, data.to)
          : reply.kind === 'message'
            ? savedCard(reply.message, form, values, reply.keepNoCopy ?? false)
            : null;
    if (!card) return;
    // Only a card in the personal chat is replaced in place; anywhere else the answer goes privately.
    if (kindOf(activity) !== 'personal') return showReply(context, reply, actor, placeOf(activity), deps);
    if (activity.replyToId) await context.updateActivity({ type: 'message', id: activity.replyToId, attachments: [cardAttachment(card)] });
    else await context.sendActivity({ type: 'message', attachments: [cardAttachment(card)] });
    return;
  }

  // The person clears a card that showed something Lederrum keeps nowhere (their own poll score).
  if (data?.kind === 'button' && data.action === CLEAR_CARD_ACTION) {
    if (kindOf(activity) === 'personal' && activity.replyToId) {
      await context.updateActivity({ type: 'message', id: activity.replyToId, attachments: [cardAttachment(clearedCard(actor.locale ?? deps.defaultLanguage))] });
    }
    return;
  }

  const event =
    data?.kind === 'button'
      ? ({ type: 'button_pressed', actor, place, action: data.action, value: data.value } as const)
      : activity.value !== undefined && !activity.text
        ? ({ type: 'button_pressed', actor, place, action: 'unknown', value: '' } as const) // a card action that is not Lederrum's
        : commandEvent(activity, actor, place);
  const reply = await deps.core.handle(event);
  await showReply(context, reply, actor, place, deps);
}

/** A typed command; the people it @mentions travel with it, so a role goes to an account, not a name. */
function commandEvent(activity: TeamsActivity, actor: Actor, place: Place) {
  const { text, mentions } = commandOf(activity);
  return { type: 'command', actor, place, text, ...(mentions.length > 0 ? { mentions } : {}) } as const;
}

/**
 * A reply to one person: in their personal chat, right there; from a group, in their personal
 * chat (opened from this conversation if need be). With no such chat the group hears only how to
 * open one, once per person and conversation, and never the reply.
 */
async function showReply(context: TurnContext, reply: Reply, actor: Actor, place: Place, deps: BotDeps): Promise<void> {
  if (reply.kind === 'none') return;
  const message: Message | null =
    reply.kind === 'message'
      ? reply.message
      : reply.kind === 'form_errors'
        ? { text: Object.values(reply.errors).join('\n'), blocks: [{ type: 'text', text: Object.values(reply.errors).join('\n') }] }
        : null;
  // A long message goes as several activities, in order (split.ts).
  const activities: Activity[] = message
    ? activitiesOf(message)
    : [
        {
          type: 'message',
          attachments: [cardAttachment(formCard((reply as Extract<Reply, { kind: 'form' }>).form, place, { id: actor.externalId, name: actor.displayName }))],
        },
      ];
  if (place.kind === 'direct') {
    for (const activity of activities) await context.sendActivity(activity);
    return;
  }
  try {
    for (const activity of activities) await deps.personal.send({ id: actor.externalId, name: actor.displayName }, [place.conversationId], async (personal) => personal.sendActivity(activity));
  } catch (error) {
    if (!isLederrumError(error) || error.code !== 'NO_PRIVATE_ROUTE') throw error;
    deps.logger.info('teams reply withheld: no private route to the member', { conversation: place.conversationId });
    if (await deps.deliveries.first('teams-hint', `${place.conversationId}|${actor.externalId}`, deps.clock.now())) {
      const language = actor.locale ?? deps.defaultLanguage;
      await context.sendActivity(translate(language, 'platform.start_personal_chat', { names: actor.displayName }));
    }
  }
}

async function onConversationUpdate(context: TurnContext, deps: BotDeps): Promise<void> {
  const activity = parse(context, deps);
  if (!activity) return;
  const botId = activity.recipient.id;
  if ((activity.membersRemoved ?? []).some((m) => m.id === botId)) {
    await deps.conversations.botLeft(groupConversationId(activity.conversation.id), deps.clock.now());
    // Removed from the team, the bot is in none of its channels any more.
    const teamId = activity.channelData?.eventType === 'teamMemberRemoved' ? activity.channelData.team?.id : undefined;
    for (const channel of teamId ? await deps.conversations.channelsOfTeam(teamId) : []) await deps.conversations.botLeft(channel.id, deps.clock.now());
  } else {
    // Any other update comes from a conversation the bot is in: keep its reference and team.
    await remember(context, activity, deps);
    await welcomeOnInstall(context, activity, deps);
  }
  await followMembership(context, activity, deps);
}

async function onInstallationUpdate(context: TurnContext, deps: BotDeps): Promise<void> {
  const activity = parse(context, deps);
  if (!activity) return;
  if (activity.action?.startsWith('remove')) {
    await deps.conversations.botLeft(groupConversationId(activity.conversation.id), deps.clock.now());
    // Removed from a team, the bot is in none of its channels any more.
    const teamId = kindOf(activity) === 'channel' ? activity.channelData?.team?.id : undefined;
    for (const channel of teamId ? await deps.conversations.channelsOfTeam(teamId) : []) await deps.conversations.botLeft(channel.id, deps.clock.now());
  } else {
    await remember(context, activity, deps);
    await welcomeOnInstall(context, activity, deps);
  }
  await followInstallation(context, activity, deps);
}
