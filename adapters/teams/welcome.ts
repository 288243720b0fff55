// First contact on Teams (issue 20, point 1). A personal install (Teams says it twice: a
// conversationUpdate adding the bot to the personal chat, and an installationUpdate "add") asks
// the core for the person's welcome, which it gives once, whichever arrives first and on whichever
// replica. A team install (a conversationUpdate adding the bot, on the team's General channel)
// gets a short welcome there saying how to make a group; a repeated delivery of it says nothing.
import { languageOfLocale, type Actor } from '../../src/core/index.ts';
import type { TurnContext } from 'botbuilder';
import type { BotDeps } from './bot.ts';
import { inRoster, rosterActor } from './membership.ts';
import { actorOf, kindOf, placeOf, type TeamsActivity } from './parse.ts';
import { activitiesOf } from './split.ts';

export async function welcomeOnInstall(context: TurnContext, activity: TeamsActivity, deps: BotDeps): Promise<void> {
  const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
  const kind = kindOf(activity);
  if (kind === 'personal' && (activity.type === 'installationUpdate' ? activity.action === 'add' : botAdded)) return greetPerson(context, activity, deps);
  if (kind === 'channel' && botAdded && activity.channelData?.eventType === 'teamMemberAdded') return welcomeTeam(context, activity, deps);
}

async function greetPerson(context: TurnContext, activity: TeamsActivity, deps: BotDeps): Promise<void> {
  const reply = await deps.core.handle({ type: 'chat_opened', actor: await installer(context, activity), place: placeOf(activity) });
  if (reply.kind === 'message') for (const part of activitiesOf(reply.message)) await context.sendActivity(part);
}

/** Who installed it: Teams often leaves their name out of these activities; the roster has it. */
async function installer(context: TurnContext, activity: TeamsActivity): Promise<Actor> {
  const actor = actorOf(activity);
  if (activity.from.name) return actor;
  return rosterActor(await inRoster(context, activity.from.id).catch(() => null), actor);
}

async function welcomeTeam(context: TurnContext, activity: TeamsActivity, deps: BotDeps): Promise<void> {
  if (activity.id && !(await deps.deliveries.first('teams', `${activity.conversation.id}|${activity.id}`, deps.clock.now()))) return;
  const language = languageOfLocale(activity.locale) ?? deps.defaultLanguage;
  for (const part of activitiesOf(deps.core.teamWelcome(language))) await context.sendActivity(part);
}
