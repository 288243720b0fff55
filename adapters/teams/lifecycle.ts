// What adding and removing Lederrum mean for a Teams team's data (issue 15, point 4). On Teams a
// workspace is the tenant, but an app is removed from one team (or one group chat) at a time: that
// team's groups, with everything in them, are deleted after UNINSTALL_GRACE_DAYS, and the tenant's
// people and other teams stay. The person who removed it is told when, in their personal chat
// (where one exists; otherwise only the log says it). Adding it back before then cancels it.
import { isLederrumError, translate, type Language, type RemovalTarget } from '../../src/core/index.ts';
import type { BotDeps } from './bot.ts';
import { actorOf, groupConversationId, kindOf, type TeamsActivity } from './parse.ts';
import { activitiesOf } from './split.ts';
import type { TurnContext } from 'botbuilder';

/** The team (by its id, the General channel's) or the group chat the activity is about; null in a personal scope. */
function targetOf(activity: TeamsActivity): RemovalTarget | null {
  const kind = kindOf(activity);
  const actor = actorOf(activity);
  if (kind === 'personal' || actor.workspace === 'teams:unknown') return null;
  const scope = kind === 'channel' ? (activity.channelData?.team?.id ?? groupConversationId(activity.conversation.id)) : groupConversationId(activity.conversation.id);
  return { platform: 'teams', workspace: actor.workspace, scope };
}

export async function followInstallation(context: TurnContext, activity: TeamsActivity, deps: BotDeps): Promise<void> {
  const action = activity.action ?? '';
  const target = targetOf(activity);
  const language: Language = actorOf(activity).locale ?? deps.defaultLanguage;
  if (!target) {
    // A person removing the app for themself: what is theirs stays until they delete it ("slet mine data").
    if (action === 'remove') deps.logger.info('teams app removed from a personal scope (or without a tenant): no data removal scheduled', { kind: kindOf(activity) });
    return;
  }
  if (action === 'remove') {
    const place = activity.channelData?.team?.name ?? (kindOf(activity) === 'groupChat' ? translate(language, 'retention.removed.group_chat') : target.scope);
    const { removal, notice } = await deps.core.uninstalled(target, language, place);
    try {
      for (const part of activitiesOf(notice)) await deps.personal.send({ id: activity.from.id, name: activity.from.name ?? '' }, [], (personal) => personal.sendActivity(part));
      deps.logger.info('teams: the person who removed Lederrum was told when the data is deleted', { scope: target.scope, deleteAt: removal.deleteAt.toISOString() });
    } catch (error) {
      if (!isLederrumError(error) || !['NO_PRIVATE_ROUTE', 'NOT_IN_CONVERSATION'].includes(error.code)) throw error;
      deps.logger.warn('teams: no personal chat with the person who removed Lederrum; the deletion date is only in this log', { scope: target.scope, deleteAt: removal.deleteAt.toISOString() });
    }
    return;
  }
  // "add", or "add-upgrade" (a new version): Lederrum is there, so nothing of it is to be deleted.
  if (action.startsWith('add')) {
    const { cancelled, notice } = await deps.core.installed(target, language);
    if (cancelled) for (const part of activitiesOf(notice)) await context.sendActivity(part);
  }
}
