// What Slack may send an app that Lederrum has no listener for, in Slack's documented shapes
// (docs.slack.dev, "Interaction payloads"): a global shortcut, a message shortcut, a modal
// closed (view_closed, sent when a view asks notify_on_close), an external select's options
// request (block_suggestion), and another app's view_submission (a callback id not Lederrum's).
import { APP_ID, VERIFICATION_TOKEN } from './payloads.ts';

interface Who {
  teamId: string;
  userId: string;
  userName: string;
}

const teamOf = (who: Who) => ({ id: who.teamId, domain: `fake-${who.teamId.toLowerCase()}` });
const userOf = (who: Who) => ({ id: who.userId, username: who.userName, name: who.userName, team_id: who.teamId });
const base = (who: Who) => ({ token: VERIFICATION_TOKEN, api_app_id: APP_ID, team: teamOf(who), user: userOf(who), enterprise: null, is_enterprise_install: false });
const view = (callbackId: string) => ({ id: 'V0OTHER', type: 'modal', callback_id: callbackId, private_metadata: '', hash: '1700000000.abcd', state: { values: {} }, blocks: [] });

export function globalShortcut(who: Who, triggerId: string): Record<string, unknown> {
  return { ...base(who), type: 'shortcut', callback_id: 'lederrum_shortcut', trigger_id: triggerId, action_ts: '1700000000.000001' };
}

export function messageShortcut(who: Who, channelId: string, triggerId: string, responseUrl: string): Record<string, unknown> {
  return {
    ...base(who),
    type: 'message_action',
    callback_id: 'save_message',
    trigger_id: triggerId,
    action_ts: '1700000000.000002',
    message_ts: '1700000000.000100',
    channel: { id: channelId, name: 'privategroup' },
    message: { type: 'message', user: who.userId, text: 'Et svar', ts: '1700000000.000100' },
    response_url: responseUrl,
  };
}

export function viewClosed(who: Who, callbackId: string): Record<string, unknown> {
  return { ...base(who), type: 'view_closed', view: view(callbackId), is_cleared: false };
}

export function blockSuggestion(who: Who): Record<string, unknown> {
  return { ...base(who), type: 'block_suggestion', action_id: 'people', block_id: 'who', value: 'Bo', container: { type: 'view', view_id: 'V0OTHER' }, view: view('lederrum_form') };
}

export function otherViewSubmission(who: Who, triggerId: string): Record<string, unknown> {
  return { ...base(who), type: 'view_submission', trigger_id: triggerId, view: view('another_apps_form'), response_urls: [] };
}
