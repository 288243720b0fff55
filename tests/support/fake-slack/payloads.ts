// Builders for what Slack sends INTO the app — slash command forms, block_actions and
// view_submission payloads, Events API callbacks, url_verification — in Slack's documented shapes.
import { randomBytes } from 'node:crypto';

export const APP_ID = 'A0001';
export const VERIFICATION_TOKEN = 'legacy-verification-token';

export interface TeamRef {
  id: string;
  domain: string;
}

export interface UserRef {
  id: string;
  username: string;
  name: string;
  team_id: string;
}

const team = (teamId: string, domain?: string): TeamRef => ({ id: teamId, domain: domain ?? `fake-${teamId.toLowerCase()}` });
const user = (teamId: string, userId: string, userName: string): UserRef => ({
  id: userId,
  username: userName,
  name: userName,
  team_id: teamId,
});
const nowTs = (): string => (Date.now() / 1000).toFixed(6);
/** A trigger id of Slack's shape; only ids minted by FakeSlack.newTrigger() open views there. */
const looseTrigger = (): string => `${Date.now()}.${Math.floor(Math.random() * 1e11)}.${randomBytes(16).toString('hex')}`;

export function slashCommand(input: {
  teamId: string;
  teamDomain?: string;
  channelId: string;
  channelName: string;
  userId: string;
  userName: string;
  text: string;
  triggerId: string;
  responseUrl: string;
  command?: string;
}): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: input.teamId,
    team_domain: team(input.teamId, input.teamDomain).domain,
    channel_id: input.channelId,
    channel_name: input.channelName,
    user_id: input.userId,
    user_name: input.userName,
    command: input.command ?? '/lederrum',
    text: input.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

export interface BlockActionPayload {
  type: 'block_actions';
  team: TeamRef;
  user: UserRef;
  api_app_id: string;
  token: string;
  container: Record<string, unknown>;
  trigger_id: string;
  channel?: { id: string; name: string };
  message?: Record<string, unknown>;
  view?: Record<string, unknown>;
  state?: { values: Record<string, unknown> };
  response_url?: string;
  actions: Array<Record<string, unknown>>;
  enterprise: null;
  is_enterprise_install: false;
}

export function blockAction(input: {
  teamId: string;
  teamDomain?: string;
  userId: string;
  userName: string;
  channelId?: string;
  channelName?: string;
  messageTs?: string;
  /** Extra message fields (text, blocks, user, bot_id…) merged into `message`. */
  message?: Record<string, unknown>;
  actionId: string;
  value: string;
  blockId?: string;
  triggerId: string;
  responseUrl?: string;
  view?: Record<string, unknown>;
  /** Overrides for the action object, e.g. `{ type: 'static_select', selected_option }`. */
  action?: Record<string, unknown>;
}): BlockActionPayload {
  const { view } = input;
  const container = view ? { type: 'view', view_id: view['id'] } : { type: 'message', message_ts: input.messageTs ?? '', channel_id: input.channelId ?? '', is_ephemeral: false };
  return {
    type: 'block_actions',
    team: team(input.teamId, input.teamDomain),
    user: user(input.teamId, input.userId, input.userName),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container,
    trigger_id: input.triggerId,
    ...(input.channelId ? { channel: { id: input.channelId, name: input.channelName ?? input.channelId } } : {}),
    ...(input.messageTs ? { message: { type: 'message', ts: input.messageTs, ...input.message } } : {}),
    ...(view ? { view } : { state: { values: {} } }),
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: input.blockId ?? `blk-${input.actionId}`,
        text: { type: 'plain_text', text: input.value, emoji: true },
        value: input.value,
        action_ts: nowTs(),
        ...input.action,
      },
    ],
    enterprise: null,
    is_enterprise_install: false,
  };
}

export interface ViewSubmissionPayload {
  type: 'view_submission';
  team: TeamRef;
  user: UserRef;
  api_app_id: string;
  token: string;
  trigger_id: string;
  view: Record<string, unknown> & { state: { values: Record<string, unknown> }; private_metadata: string; callback_id: string };
  response_urls: unknown[];
  enterprise: null;
  is_enterprise_install: false;
}

export function viewSubmission(input: {
  teamId: string;
  teamDomain?: string;
  userId: string;
  userName: string;
  /** The view as the fake stored it (FakeSlackView.view), with id and hash. */
  view: Record<string, unknown>;
  values: Record<string, Record<string, unknown>>;
  triggerId?: string;
}): ViewSubmissionPayload {
  const { view } = input;
  return {
    type: 'view_submission',
    team: team(input.teamId, input.teamDomain),
    user: user(input.teamId, input.userId, input.userName),
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: input.triggerId ?? looseTrigger(),
    view: {
      ...view,
      private_metadata: typeof view['private_metadata'] === 'string' ? view['private_metadata'] : '',
      callback_id: typeof view['callback_id'] === 'string' ? view['callback_id'] : '',
      state: { values: input.values },
    },
    response_urls: [],
    enterprise: null,
    is_enterprise_install: false,
  };
}

export interface EventCallback {
  token: string;
  team_id: string;
  api_app_id: string;
  event: Record<string, unknown>;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: Array<{ enterprise_id: null; team_id: string; user_id: string; is_bot: true; is_enterprise_install: false }>;
  is_ext_shared_channel: false;
  event_context: string;
}

export function eventCallback(input: { teamId: string; event: Record<string, unknown>; eventId?: string; eventTime?: number; botUserId?: string }): EventCallback {
  return {
    token: VERIFICATION_TOKEN,
    team_id: input.teamId,
    api_app_id: APP_ID,
    event: input.event,
    type: 'event_callback',
    event_id: input.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: input.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: input.teamId, user_id: input.botUserId ?? 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(24).toString('base64url')}`,
  };
}

export function urlVerification(challenge: string): { token: string; challenge: string; type: 'url_verification' } {
  return { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}

export { inputValues, type Answer, type StateValues } from './input-values.ts';
