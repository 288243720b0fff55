// Bolt listeners: acknowledge first, then hand the work to the core (ARCHITECTURE rule 5).
// Slash commands and buttons ack at once and open a placeholder modal while the trigger is
// fresh; a modal submission answers inside Slack's 3 s when the core is quick, and otherwise
// says "saving" and updates the modal when done. Repeated events are dropped by event id.
import { ErrorCode, type AckFn, type App, type ViewResponseAction, type ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { translate, type Clock, type Language, type Lederrum, type Logger, type Reply } from '../../src/core/index.ts';
import type { InboundDeliveries } from '../inbound-deliveries.ts';
import type { SlackDirectory } from './directory.ts';
import {
  blockActionSchema,
  coreAction,
  directPlace,
  formMetadata,
  formValues,
  mentionedUsers,
  mentionText,
  placeOf,
  slashCommandSchema,
  viewSubmissionSchema,
  type BlockAction,
  type ViewSubmission,
} from './parse.ts';
import { FORM_CALLBACK, formModal, homeView, messageModal } from './render.ts';
import { sendParts } from './split.ts';
import { OPEN_FORM_ACTION, openPlaceholder, respondEphemeral, showReply, type ShowMessage } from './replies.ts';
import { registerEvents } from './events.ts';

export interface ListenerDeps {
  core: Lederrum;
  directory: SlackDirectory;
  deliveries: InboundDeliveries;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  /** How long a modal submission may wait for the core before Slack's 3 s run out. */
  submitBudgetMs: number;
  onUninstalled(teamId: string): Promise<void>;
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command('/lederrum', async ({ ack, body, client, context }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) return deps.logger.warn('slack command malformed', { issues: parsed.error.issues.length });
    await runCommand(deps, client, parsed.data.text, {
      teamId: parsed.data.team_id,
      userId: parsed.data.user_id,
      channelId: parsed.data.channel_id,
      ...(parsed.data.channel_name ? { channelName: parsed.data.channel_name } : {}),
      ...(parsed.data.user_name ? { userName: parsed.data.user_name } : {}),
      triggerId: parsed.data.trigger_id,
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
      show: (message) => respondEphemeral(parsed.data.response_url, message),
    });
  });

  app.action(/.*/, async ({ ack, body, client, context }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) return deps.logger.warn('slack action malformed', { issues: parsed.error.issues.length });
    await pressButton(deps, client, parsed.data, context.botUserId);
  });

  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK, type: 'view_submission' }, async ({ ack, body, client }) => {
    const parsed = viewSubmissionSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('slack submission malformed', { issues: parsed.error.issues.length });
      return ack();
    }
    await submitForm(deps, client, parsed.data, ack);
  });

  registerEvents(app, deps, runCommand);

  app.error(async (error) => {
    const code = (error as { code?: string }).code;
    // A request from a workspace that has uninstalled Lederrum: expected, not a failure.
    if (code === ErrorCode.AuthorizationError) return deps.logger.warn('slack request from a workspace without an installation', { code, error: error.message });
    deps.logger.error('slack listener failed', { error: error.message, code });
  });
}

export interface CommandOrigin {
  teamId: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  triggerId: string | null;
  /** Lederrum's own user in this workspace: its mention is how a command is addressed, not a person named. */
  botUserId?: string;
  show: ShowMessage;
}

/** A command's text as Slack sends it, mentions as `<@U…>` markup: people mentioned are looked up after the modal opens. */
export async function runCommand(deps: ListenerDeps, client: WebClient, raw: string, origin: CommandOrigin): Promise<void> {
  const place = placeOf(origin.teamId, origin.channelId, origin.channelName);
  const language = deps.directory.knownLanguage(origin.teamId, origin.userId) ?? deps.defaultLanguage;
  // Read once, before anything slow: a form's trigger lasts 3 s. Mentions become names after.
  const intent = deps.core.understand({ type: 'command', text: mentionText(raw, origin.botUserId), place });
  const modalId = origin.triggerId && intent.opensForm ? await openPlaceholder(client, origin.triggerId, language, deps.logger) : null;
  const actor = await deps.directory.actor(origin.teamId, origin.userId, origin.userName);
  const { mentions, names } = await deps.directory.mentioned(origin.teamId, mentionedUsers(raw, origin.botUserId));
  const text = mentionText(raw, origin.botUserId, names);
  const reply = await deps.core.handle({ type: 'command', actor, place, text, ...(mentions.length > 0 ? { mentions } : {}) }, intent);
  await deliverReply(deps, reply, {
    client,
    language: actor.locale ?? language,
    place,
    modalId,
    triggerId: modalId ? null : origin.triggerId,
    commandText: raw,
    showMessage: origin.show,
    logger: deps.logger,
  });
}

async function pressButton(deps: ListenerDeps, client: WebClient, body: BlockAction, botUserId: string | undefined): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const [pressed] = body.actions;
  const action = coreAction(pressed!.action_id);
  const value = pressed!.value ?? '';
  const fromHome = body.view?.type === 'home';
  const channelId = body.channel?.id ?? userId;
  const language = deps.directory.knownLanguage(teamId, userId) ?? deps.defaultLanguage;
  const show: ShowMessage = async (message) => {
    if (body.response_url && !fromHome) {
      await respondEphemeral(body.response_url, message);
    } else if (body.view?.type === 'modal') {
      await client.views.update({ view_id: body.view.id, view: messageModal(message, language) });
    } else {
      await sendParts(message, (part) => client.chat.postMessage({ channel: userId, ...part }));
    }
  };
  if (action === OPEN_FORM_ACTION) {
    return runCommand(deps, client, value, { teamId, userId, channelId, triggerId: body.trigger_id, ...(botUserId ? { botUserId } : {}), show });
  }
  const place = body.channel ? placeOf(teamId, body.channel.id, body.channel.name) : directPlace(teamId, userId);
  const intent = deps.core.understand({ type: 'button_pressed', action });
  const modalId = intent.opensForm ? await openPlaceholder(client, body.trigger_id, language, deps.logger) : null;
  const actor = await deps.directory.actor(teamId, userId, body.user.name ?? body.user.username);
  const reply = await deps.core.handle({ type: 'button_pressed', actor, place, action, value }, intent);
  await deliverReply(deps, reply, { client, language: actor.locale ?? language, place, modalId, triggerId: modalId ? null : body.trigger_id, showMessage: show, logger: deps.logger });
  if (fromHome) await publishHome(deps, client, teamId, userId);
}

async function submitForm(deps: ListenerDeps, client: WebClient, body: ViewSubmission, ack: AckFn<ViewResponseAction>): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const language = deps.directory.knownLanguage(teamId, userId) ?? deps.defaultLanguage;
  const metadata = formMetadata(body.view.private_metadata);
  if (!metadata) {
    deps.logger.warn('slack submission without Lederrum metadata', { callback: body.view.callback_id });
    return ack({ response_action: 'update', view: messageModal({ text: '', blocks: [{ type: 'text', text: translate(language, 'error.not_found') }] }, language) });
  }
  const values = formValues(body.view.state);
  const work = (async () => {
    const actor = await deps.directory.actor(teamId, userId, body.user.name);
    return deps.core.handle({ type: 'form_submitted', actor, place: metadata.place, formId: metadata.formId, state: metadata.state, values });
  })();
  const inputs = new Set(body.view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id));
  const timedOut = Symbol('timed out');
  const early = await Promise.race([work, new Promise<typeof timedOut>((resolve) => setTimeout(() => resolve(timedOut), deps.submitBudgetMs))]);
  if (early !== timedOut) {
    if (early.kind === 'form_errors' && Object.keys(early.errors).every((field) => inputs.has(field))) {
      return ack({ response_action: 'errors', errors: early.errors });
    }
    return ack({ response_action: 'update', view: submissionView(early, values, metadata.place, language) });
  }
  // Slack's 3 s are nearly gone: say so in the modal, finish, then show the outcome in it.
  await ack({ response_action: 'update', view: messageModal({ text: '', blocks: [{ type: 'text', text: translate(language, 'platform.saving') }] }, language) });
  const late = await work;
  await client.views.update({ view_id: body.view.id, view: submissionView(late, values, metadata.place, language) }).catch((error: unknown) => {
    deps.logger.warn('slack late submission result not shown', { error: error instanceof Error ? error.message : String(error) });
  });
}

/** What the modal shows after a submission. Refused input is echoed back, so nothing typed is lost. */
function submissionView(reply: Reply, values: Record<string, unknown>, place: Parameters<typeof formModal>[1], language: Language) {
  switch (reply.kind) {
    case 'form':
      return formModal(reply.form, place, language);
    case 'message':
      return messageModal(reply.message, language);
    case 'none':
      return messageModal({ text: '', blocks: [] }, language);
    case 'form_errors': {
      const typed = Object.values(values)
        .filter((v): v is string => typeof v === 'string' && v.length > 0)
        .join('\n\n');
      const text = translate(language, 'platform.form_not_saved', { errors: Object.values(reply.errors).join(' '), text: typed || '–' });
      return messageModal({ text, blocks: [{ type: 'text', text }] }, language);
    }
  }
}

async function deliverReply(deps: ListenerDeps, reply: Reply, target: Parameters<typeof showReply>[1]): Promise<void> {
  try {
    await showReply(reply, target);
  } catch (error) {
    deps.logger.warn('slack reply not shown', { error: error instanceof Error ? error.message : String(error) });
  }
}

export async function publishHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  const actor = await deps.directory.actor(teamId, userId);
  const reply = await deps.core.handle({ type: 'home_opened', actor, place: directPlace(teamId, userId) });
  if (reply.kind !== 'message') return;
  await client.views.publish({ user_id: userId, view: homeView(reply.message) }).catch((error: unknown) => {
    deps.logger.warn('slack home not published', { error: error instanceof Error ? error.message : String(error) });
  });
}
