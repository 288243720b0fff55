// views.open, views.push, views.update and views.publish: single-use, short-lived trigger ids,
// Slack's view validation, view ids and hashes, and hash_conflict for stale updates.
import { asBot, type BotContext, type Handler } from './context.ts';
import type { SlackState } from './state.ts';
import type { FakeSlackTeam, FakeSlackView, SlackReply } from './types.ts';
import { fail, invalidArguments, isRecord, ok, stringArg, viewProblems } from './validate.ts';

function store(
  state: SlackState,
  team: FakeSlackTeam,
  userId: string,
  view: Record<string, unknown>,
  opens: FakeSlackView['opens'],
  links: { previous?: FakeSlackView; existing?: FakeSlackView } = {},
): FakeSlackView {
  const { previous, existing } = links;
  const id = existing?.id ?? state.nextId('V');
  const hash = `${Math.floor(Date.now() / 1000)}.${state.randomHex(4)}`;
  const full = {
    ...view,
    id,
    team_id: team.id,
    private_metadata: typeof view['private_metadata'] === 'string' ? view['private_metadata'] : '',
    callback_id: typeof view['callback_id'] === 'string' ? view['callback_id'] : '',
    external_id: typeof view['external_id'] === 'string' ? view['external_id'] : '',
    clear_on_close: view['clear_on_close'] === true,
    notify_on_close: view['notify_on_close'] === true,
    state: { values: {} },
    hash,
    previous_view_id: existing ? existing.view.previous_view_id : (previous?.id ?? null),
    root_view_id: existing ? existing.view.root_view_id : (previous?.view.root_view_id ?? id),
    app_id: state.appId,
    app_installed_team_id: team.id,
    bot_id: team.botId,
  };
  const stored: FakeSlackView = { id, teamId: team.id, userId, view: full, hash, opens };
  state.views.set(id, stored);
  const blocks = Array.isArray(view['blocks']) ? (view['blocks'] as unknown[]) : [];
  state.shown.push({ kind: opens === 'home' ? 'home' : 'view', user: userId, text: '', blocks, ref: id });
  return stored;
}

function externalIdTaken(state: SlackState, team: FakeSlackTeam, view: Record<string, unknown>, except?: string): boolean {
  const externalId = view['external_id'];
  if (typeof externalId !== 'string' || externalId === '') return false;
  for (const v of state.views.values()) {
    if (v.teamId === team.id && v.id !== except && v.view.external_id === externalId) return true;
  }
  return false;
}

function openOrPush(opens: 'open' | 'push') {
  return ({ state, args, team }: BotContext): SlackReply => {
    if (args['trigger_id'] === undefined) {
      return invalidArguments(['[ERROR] missing required field: trigger_id [json-pointer:/trigger_id]']);
    }
    const checked = state.checkTrigger(args['trigger_id']);
    if ('error' in checked) return fail(checked.error);
    const problems = viewProblems(args['view'], 'modal');
    if (problems.length > 0 || !isRecord(args['view'])) return invalidArguments(problems);
    if (externalIdTaken(state, team, args['view'])) return fail('duplicate_external_id');
    const userId = checked.trigger.userId;
    let previous: FakeSlackView | undefined;
    if (opens === 'push') {
      const stack = [...state.views.values()].filter((v) => v.userId === userId && v.opens !== 'home' && !v.closed);
      previous = stack.at(-1);
    }
    checked.trigger.used = true;
    const stored = store(state, team, userId, args['view'], opens, previous ? { previous } : {});
    return ok({ view: stored.view });
  };
}

function update({ state, args, team }: BotContext): SlackReply {
  const viewId = stringArg(args, 'view_id');
  const externalId = stringArg(args, 'external_id');
  if (!viewId && !externalId) {
    return invalidArguments(['[ERROR] must provide one of view_id or external_id [json-pointer:/view_id]']);
  }
  const existing = viewId ? state.views.get(viewId) : [...state.views.values()].find((v) => v.teamId === team.id && v.view.external_id === externalId);
  if (!existing || existing.teamId !== team.id || existing.closed) return fail('not_found');
  const hash = stringArg(args, 'hash');
  if (hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
  const problems = viewProblems(args['view'], existing.opens === 'home' ? 'home' : 'modal');
  if (problems.length > 0 || !isRecord(args['view'])) return invalidArguments(problems);
  if (externalIdTaken(state, team, args['view'], existing.id)) return fail('duplicate_external_id');
  const stored = store(state, team, existing.userId, args['view'], existing.opens, { existing });
  if (existing.opens === 'home') state.homes.set(existing.userId, stored.view);
  return ok({ view: stored.view });
}

function publish({ state, args, team }: BotContext): SlackReply {
  const userId = stringArg(args, 'user_id');
  if (!userId) return invalidArguments(['[ERROR] missing required field: user_id [json-pointer:/user_id]']);
  const user = state.users.get(userId);
  if (!user || user.teamId !== team.id) return fail('user_not_found');
  const existing = [...state.views.values()].find((v) => v.opens === 'home' && v.userId === userId && v.teamId === team.id);
  const hash = stringArg(args, 'hash');
  if (existing && hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
  const problems = viewProblems(args['view'], 'home');
  if (problems.length > 0 || !isRecord(args['view'])) return invalidArguments(problems);
  const stored = store(state, team, userId, args['view'], 'home', existing ? { existing } : {});
  state.homes.set(userId, stored.view);
  return ok({ view: stored.view });
}

/**
 * What Slack does with the app's answer to a view_submission: `update` replaces the submitted view
 * (same id, new hash), `push` stacks a new one, `errors` shows messages by the fields, `clear`
 * closes every view of the person, and an empty answer closes the submitted view.
 */
export function applySubmissionAck(state: SlackState, viewId: string, ack: unknown): void {
  const existing = state.views.get(viewId);
  if (!existing) throw new Error(`fake Slack has no view ${viewId}`);
  const team = state.teams.get(existing.teamId);
  if (!team) throw new Error(`fake Slack has no team ${existing.teamId}`);
  const answer = isRecord(ack) ? ack : {};
  const action = answer['response_action'];
  if ((action === 'update' || action === 'push') && isRecord(answer['view'])) {
    const problems = viewProblems(answer['view'], 'modal');
    if (problems.length > 0) throw new Error(`fake Slack: the submission's ${action} view is invalid: ${problems.join('; ')}`);
    if (action === 'update') store(state, team, existing.userId, answer['view'], existing.opens, { existing });
    else store(state, team, existing.userId, answer['view'], 'push', { previous: existing });
    return;
  }
  if (action === 'errors') {
    const errors = isRecord(answer['errors']) ? Object.values(answer['errors']).map(String) : [];
    state.shown.push({ kind: 'view', user: existing.userId, text: errors.join('\n'), ref: existing.id });
    return;
  }
  if (action === 'clear') {
    for (const view of state.views.values()) if (view.userId === existing.userId && view.opens !== 'home') view.closed = true;
    return;
  }
  existing.closed = true;
}

export const viewMethods: Record<string, Handler> = {
  'views.open': asBot(openOrPush('open')),
  'views.push': asBot(openOrPush('push')),
  'views.update': asBot(update),
  'views.publish': asBot(publish),
};
