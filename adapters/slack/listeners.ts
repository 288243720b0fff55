// Bolt listeners: acknowledge first, then hand the work to the core (ARCHITECTURE rule 5)
// through the process's bounded work queue (adapters/work-queue.ts), so an ack never waits
// behind earlier work; when the queue is full the person is told at once that Lederrum is busy.
// Slash commands and buttons ack at once and open a placeholder modal while the trigger is
// fresh; a modal submission answers inside Slack's 3 s when the core is quick, and otherwise
// says "saving" and updates the modal when done. Repeated events are dropped by event id.
import { ErrorCode, type AckFn, type App, type ViewResponseAction, type ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { textMessage, translate, type Clock, type Language, type Lederrum, type Logger, type Message, type Reply } from '../../src/core/index.ts';
import type { InboundDeliveries } from '../inbound-deliveries.ts';
import type { WorkPlace, WorkQueue } from '../work-queue.ts';
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
  SLASH_COMMAND,
  slashCommandSchema,
  viewSubmissionSchema,
  type BlockAction,
  type ViewSubmission,
} from './parse.ts';
import { FORM_CALLBACK, formModal, homeView, messageModal } from './render.ts';
import { sendParts } from './split.ts';
import { OPEN_FORM_ACTION, openPlaceholder, respondEphemeral, showReply, type ShowMessage } from './replies.ts';
import { registerEvents } from './events.ts';
import { acknowledgeUnhandled } from './unhandled.ts';

export interface ListenerDeps {
  core: Lederrum;
  directory: SlackDirectory;
  deliveries: InboundDeliveries;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  /** How long a modal submission may wait for the core before Slack's 3 s run out. */
  submitBudgetMs: number;
  /** The process's bounded work after an ack. */
  work: WorkQueue;
  onUninstalled(teamId: string): Promise<void>;
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  acknowledgeUnhandled(app, deps.logger);
  app.command(SLASH_COMMAND, async ({ ack, body, client, context }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) return deps.logger.warn('slack command malformed', { issues: parsed.error.issues.length });
    const { team_id: teamId, user_id: userId, response_url: responseUrl } = parsed.data;
    const show: ShowMessage = (message) => respondEphemeral(responseUrl, message);
    const origin: CommandOrigin = {
      teamId,
      userId,
      channelId: parsed.data.channel_id,
      ...(parsed.data.channel_name ? { channelName: parsed.data.channel_name } : {}),
      ...(parsed.data.user_name ? { userName: parsed.data.user_name } : {}),
      triggerId: parsed.data.trigger_id,
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
      show,
    };
    await takeOn(deps, 'command', deps.work.reserve(), () => startCommand(deps, client, parsed.data.text, origin), busyTo(deps, teamId, userId, show));
  });

  app.action(/.*/, async ({ ack, body, client, context }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) return deps.logger.warn('slack action malformed', { issues: parsed.error.issues.length });
    const { teamId, userId } = presser(parsed.data);
    const show = showToPresser(deps, client, parsed.data);
    await takeOn(deps, 'button', deps.work.reserve(), () => startPress(deps, client, parsed.data, context.botUserId), busyTo(deps, teamId, userId, show));
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
  await (await startCommand(deps, client, raw, origin))();
}

/**
 * A command's first step, at once (not waiting for its place in the queue): a form's trigger
 * lasts 3 s, so the placeholder modal opens now. Returns the rest, which waits for its place.
 */
async function startCommand(deps: ListenerDeps, client: WebClient, raw: string, origin: CommandOrigin): Promise<() => Promise<void>> {
  // The channel's name comes later, from Slack (directory.channel): the command's own may be a stand-in.
  const place = placeOf(origin.teamId, origin.channelId);
  const language = deps.directory.knownLanguage(origin.teamId, origin.userId) ?? deps.defaultLanguage;
  // Read once, before anything slow: a form's trigger lasts 3 s. Mentions become names after.
  const intent = deps.core.understand({ type: 'command', text: mentionText(raw, origin.botUserId), place });
  const modalId = origin.triggerId && intent.opensForm ? await openPlaceholder(client, origin.triggerId, language, deps.logger) : null;
  return () => finishCommand(deps, client, raw, origin, { place, language, intent, modalId });
}

async function finishCommand(
  deps: ListenerDeps,
  client: WebClient,
  raw: string,
  origin: CommandOrigin,
  { place, language, intent, modalId }: { place: ReturnType<typeof placeOf>; language: Language; intent: ReturnType<Lederrum['understand']>; modalId: string | null },
): Promise<void> {
  const actor = await deps.directory.actor(origin.teamId, origin.userId, origin.userName);
  const facts = place.kind === 'group' ? await deps.directory.channel(origin.teamId, origin.channelId, origin.channelName) : null;
  const { mentions, names } = await deps.directory.mentioned(origin.teamId, mentionedUsers(raw, origin.botUserId));
  const text = mentionText(raw, origin.botUserId, names);
  // A group DM is no place for a group: say where to go instead of failing somewhere deeper.
  const reply: Reply = facts?.groupDm
    ? { kind: 'message', message: textMessage(translate(actor.locale ?? language, 'platform.group_dm')) }
    : await deps.core.handle({ type: 'command', actor, place: facts?.name ? { ...place, name: facts.name } : place, text, ...(mentions.length > 0 ? { mentions } : {}) }, intent);
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

/** Work in two steps: what must happen at once (a placeholder modal, while its trigger is fresh), and the rest it returns. */
export type Staged = () => Promise<() => Promise<unknown>>;

/** Work with nothing to do at once: all of it waits for its place. */
export const queued =
  (work: () => Promise<unknown>): Staged =>
  async () =>
    work;

/**
 * Runs the work's first step at once and the rest in its place in the queue, after the listener
 * has returned (its errors are logged, as Bolt's would be); with no place, the person is told
 * "busy" at once instead.
 */
export async function takeOn(deps: ListenerDeps, kind: string, place: WorkPlace | null, work: Staged, busy: () => Promise<unknown>): Promise<void> {
  if (place) {
    const failed = (error: unknown) => deps.logger.error('slack listener failed', { kind, error: error instanceof Error ? error.message : String(error) });
    // A first step that fails still gives its place back.
    work()
      .then(
        (rest) => place.run(rest),
        (error: unknown) => place.run(() => Promise.reject(error)),
      )
      .catch(failed);
    return;
  }
  deps.logger.warn('slack request refused: the work queue is full', { kind, depth: deps.work.depth, limit: deps.work.limit });
  await busy().catch((error: unknown) => deps.logger.warn('slack busy reply not shown', { kind, error: error instanceof Error ? error.message : String(error) }));
}

/** The person's "busy, try again" in their language, shown where their reply would have gone. */
export function busyTo(deps: ListenerDeps, teamId: string, userId: string, show: ShowMessage): () => Promise<unknown> {
  return () => show(busyMessage(deps.directory.knownLanguage(teamId, userId) ?? deps.defaultLanguage));
}

export function busyMessage(language: Language): Message {
  const text = translate(language, 'platform.busy');
  return { text, blocks: [{ type: 'text', text }] };
}

function presser(body: BlockAction): { teamId: string; userId: string } {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id };
}

/** Where a button's message reply goes: its response_url, the modal it was pressed in, or the private chat. */
function showToPresser(deps: ListenerDeps, client: WebClient, body: BlockAction): ShowMessage {
  const { teamId, userId } = presser(body);
  return async (message) => {
    const language = deps.directory.knownLanguage(teamId, userId) ?? deps.defaultLanguage;
    if (body.response_url && body.view?.type !== 'home') {
      await respondEphemeral(body.response_url, message);
    } else if (body.view?.type === 'modal') {
      await client.views.update({ view_id: body.view.id, view: messageModal(message, language) });
    } else {
      await sendParts(message, (part) => client.chat.postMessage({ channel: userId, ...part }));
    }
  };
}

/** A button's first step, at once (the placeholder modal of a form it opens); returns the rest, which waits for its place. */
async function startPress(deps: ListenerDeps, client: WebClient, body: BlockAction, botUserId: string | undefined): Promise<() => Promise<void>> {
  const { teamId, userId } = presser(body);
  const [pressed] = body.actions;
  const action = coreAction(pressed!.action_id);
  const value = pressed!.value ?? '';
  const fromHome = body.view?.type === 'home';
  const channelId = body.channel?.id ?? userId;
  const language = deps.directory.knownLanguage(teamId, userId) ?? deps.defaultLanguage;
  const show = showToPresser(deps, client, body);
  if (action === OPEN_FORM_ACTION) {
    return startCommand(deps, client, value, { teamId, userId, channelId, triggerId: body.trigger_id, ...(botUserId ? { botUserId } : {}), show });
  }
  const place = body.channel ? placeOf(teamId, body.channel.id, body.channel.name) : directPlace(teamId, userId);
  const intent = deps.core.understand({ type: 'button_pressed', action });
  const modalId = intent.opensForm ? await openPlaceholder(client, body.trigger_id, language, deps.logger) : null;
  return async () => {
    const actor = await deps.directory.actor(teamId, userId, body.user.name ?? body.user.username);
    const reply = await deps.core.handle({ type: 'button_pressed', actor, place, action, value }, intent);
    await deliverReply(deps, reply, { client, language: actor.locale ?? language, place, modalId, triggerId: modalId ? null : body.trigger_id, showMessage: show, logger: deps.logger });
    if (fromHome) await publishHome(deps, client, teamId, userId);
  };
}

async function submitForm(deps: ListenerDeps, client: WebClient, body: ViewSubmission, ack: AckFn<ViewResponseAction>): Promise<void> {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const userId = body.user.id;
  const metadata = formMetadata(body.view.private_metadata);
  // The modal keeps speaking the form's language until it closes (busy, saving, the outcome).
  const language = metadata?.language ?? deps.directory.knownLanguage(teamId, userId) ?? deps.defaultLanguage;
  if (!metadata) {
    deps.logger.warn('slack submission without Lederrum metadata', { callback: body.view.callback_id });
    return ack({ response_action: 'update', view: messageModal({ text: '', blocks: [{ type: 'text', text: translate(language, 'error.not_found') }] }, language) });
  }
  const values = formValues(body.view.state);
  const place = deps.work.reserve();
  if (!place) {
    // Slack still gets its answer at once; what was typed is shown back, so nothing is lost.
    deps.logger.warn('slack request refused: the work queue is full', { kind: 'submission', depth: deps.work.depth, limit: deps.work.limit });
    const text = translate(language, 'platform.busy_not_saved', { text: typedText(values) });
    return ack({ response_action: 'update', view: messageModal({ text, blocks: [{ type: 'text', text }] }, language) });
  }
  const work = place.run(async () => {
    const actor = await deps.directory.actor(teamId, userId, body.user.name);
    return deps.core.handle({ type: 'form_submitted', actor, place: metadata.place, formId: metadata.formId, state: metadata.state, values });
  });
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
      return formModal(reply.form, place);
    case 'message':
      return messageModal(reply.message, language);
    case 'none':
      return messageModal({ text: '', blocks: [] }, language);
    case 'form_errors': {
      const text = translate(language, 'platform.form_not_saved', { errors: Object.values(reply.errors).join(' '), text: typedText(values) });
      return messageModal({ text, blocks: [{ type: 'text', text }] }, language);
    }
  }
}

/** What the person typed into a form, to show back when it was not saved. */
function typedText(values: Record<string, unknown>): string {
  const typed = Object.values(values)
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('\n\n');
  return typed || '–';
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
