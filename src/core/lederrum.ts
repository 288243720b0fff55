// The core's single entry point: a neutral event in, a reply to its actor out. Everything
// else (posts, thread replies, private messages) goes through the Deliverer port.
// It never throws: a LederrumError becomes a localised message, anything else is logged
// and the person is told, in their language, that nothing saved was lost.
import { errorForLog, isLederrumError, type LederrumError } from './errors.ts';
import type { Actor, InboundEvent } from './model/events.ts';
import { textMessage, type Reply } from './model/messages.ts';
import { translate } from './i18n/translate.ts';
import { argsAfter } from './commands/parse.ts';
import { commandOpensForm } from './routing.ts';
import { languageOf, type CoreDeps, type Turn } from './context.ts';
import type { ButtonSpec, CommandSpec } from './feature.ts';
import { helpIn, JOB_HANDLERS, personalHelp, ROUTING } from './features.ts';
import * as groups from './groups/service.ts';
import { facilitatedConversations } from './groups/facilitation.ts';
import * as welcome from './onboarding/welcome.ts';
import { runJob } from './planning/jobs.ts';
import type { Occurrence } from './ports.ts';
import type { Language } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import type { PendingRemoval, RemovalTarget } from './people/retention-model.ts';
import { workspaceInstalled, workspaceUninstalled } from './people/retention.ts';

type CommandEvent = Extract<InboundEvent, { type: 'command' }>;
type ButtonEvent = Extract<InboundEvent, { type: 'button_pressed' }>;
type FormEvent = Extract<InboundEvent, { type: 'form_submitted' }>;

/** What a command or a button asks for, read once from its words or its action id. */
export type Intent = CommandIntent | ButtonIntent;

type CommandIntent =
  | { kind: 'command'; opensForm: boolean; spec: CommandSpec /** Words the command itself took. */; length: number; language: Language }
  /** Only "lederrum", or nothing: in a conversation that is not a group yet, an offer to make it one. */
  | { kind: 'bare'; opensForm: boolean }
  | { kind: 'unknown'; opensForm: false; text: string };

type ButtonIntent = { kind: 'button'; opensForm: boolean; spec: ButtonSpec | undefined };

export interface Lederrum {
  /**
   * What an event asks for, without doing it, and whether its answer is a form: platforms whose
   * form triggers expire within seconds (Slack) open a placeholder at once when it is. Hand the
   * intent to `handle` so the event is not read twice.
   */
  understand(event: Pick<CommandEvent, 'type' | 'text' | 'place'> | Pick<ButtonEvent, 'type' | 'action'>): Intent;
  /** Answers one event; `intent` is what `understand` read from it (the words after the command may have changed since: mentions resolved to names). */
  handle(event: InboundEvent, intent?: Intent): Promise<Reply>;
  /** An occurrence the scheduler claimed: throws only when delivery failed (the scheduler records it). */
  runJob(occurrence: Occurrence): Promise<void>;
  /** Lederrum was uninstalled from a workspace or Teams team: its data goes after the grace period. `place` names it in the notice. */
  uninstalled(target: RemovalTarget, language: Language, place: string): Promise<{ removal: PendingRemoval; notice: Message }>;
  /** Lederrum was installed (again): a pending removal is cancelled; the notice tells the installer the policy. */
  installed(target: RemovalTarget, language: Language): Promise<{ cancelled: PendingRemoval | null; notice: Message }>;
  /** The group conversations the person facilitates, for a platform that shows the facilitator's controls to them alone. */
  facilitates(actor: Actor): Promise<ReadonlySet<string>>;
  /** Lederrum was added to a team (Teams): the welcome for its General channel, saying how to make a group. */
  teamWelcome(language: Language): Message;
}

export function createLederrum(deps: CoreDeps): Lederrum {
  return {
    understand,
    async handle(event, intent) {
      let turn: Turn | undefined;
      try {
        // In a group's channel everything, errors and help included, speaks the group's language.
        const { person, group, member } = await deps.store.personAt(event.actor, event.place.kind === 'group' ? event.place.conversationId : null);
        turn = { deps, event, person };
        if (group) turn.group = group;
        if (group && member) turn.memberOf = group.id;
        return await route(turn, intent);
      } catch (error) {
        return failureReply(deps, event, turn, error);
      }
    },
    runJob: (occurrence) => runJob(JOB_HANDLERS, deps, occurrence),
    uninstalled: (target, language, place) => workspaceUninstalled(deps, target, language, place),
    installed: (target, language) => workspaceInstalled(deps, target, language),
    facilitates: (actor) => facilitatedConversations(deps.store, actor),
    teamWelcome: welcome.teamWelcome,
  };
}

export function understand(event: Pick<CommandEvent, 'type' | 'text' | 'place'> | Pick<ButtonEvent, 'type' | 'action'>): Intent {
  return event.type === 'button_pressed' ? understandButton(event.action) : understandCommand(event);
}

function understandButton(action: string): ButtonIntent {
  const spec = ROUTING.button(action);
  return { kind: 'button', opensForm: spec?.opensForm === true, spec };
}

function understandCommand(event: Pick<CommandEvent, 'text' | 'place'>): CommandIntent {
  const parsed = ROUTING.parse(event.text);
  if (parsed.kind === 'empty') return { kind: 'bare', opensForm: event.place.kind === 'group' };
  if (parsed.kind === 'unknown') return { kind: 'unknown', opensForm: false, text: parsed.text };
  const spec = ROUTING.command(parsed.name);
  if (!spec) return { kind: 'unknown', opensForm: false, text: event.text.trim() };
  return { kind: 'command', opensForm: commandOpensForm(spec, parsed.args), spec, length: parsed.length, language: parsed.language };
}

async function route(turn: Turn, intent: Intent | undefined): Promise<Reply> {
  const { event } = turn;
  switch (event.type) {
    case 'command':
      return command(turn, event, intent && intent.kind !== 'button' ? intent : understandCommand(event));
    case 'button_pressed': {
      const { spec } = intent?.kind === 'button' ? intent : understandButton(event.action);
      return spec ? spec.run(turn, event.value) : helpReply(turn);
    }
    case 'form_submitted':
      return form(turn as Turn<FormEvent>);
    case 'member_joined':
      return groups.followMembership(turn, 'joined');
    case 'member_left':
      return groups.followMembership(turn, 'left');
    case 'home_opened':
      return welcome.home(turn);
    case 'chat_opened':
      return welcome.greet(turn);
  }
}

async function command(turn: Turn, event: CommandEvent, intent: CommandIntent): Promise<Reply> {
  switch (intent.kind) {
    case 'bare':
      // A bare command in a conversation that is not a group yet offers to make it one.
      if (event.place.kind === 'group' && !turn.group) return groups.openCreateForm(turn, '');
      return { kind: 'message', message: personalHelp(turn, 'en') };
    case 'command':
      return intent.spec.run(turn, argsAfter(event.text, intent.length), intent.language);
    case 'unknown':
      return { kind: 'message', message: helpIn(languageOf(turn), intent.text) };
  }
}

function form(turn: Turn<FormEvent>): Promise<Reply> | Reply {
  const handler = ROUTING.form(turn.event.formId);
  return handler ? handler(turn) : helpReply(turn);
}

/** Help for an old or unknown button or form, in the language of where it was pressed. */
function helpReply(turn: Turn): Reply {
  return { kind: 'message', message: helpIn(languageOf(turn)) };
}

function failureReply(deps: CoreDeps, event: InboundEvent, turn: Turn | undefined, error: unknown): Reply {
  const language = turn ? languageOf(turn) : (event.actor.locale ?? deps.defaultLanguage);
  if (!isLederrumError(error) || error.code === 'INTERNAL') {
    deps.logger.error('event failed', { event: event.type, platform: event.actor.platform, ...errorForLog(error) });
    return { kind: 'message', message: textMessage(translate(language, 'error.internal')) };
  }
  const known: LederrumError = error;
  // A value naming something not the person's is either an old button or someone trying ids:
  // operators see that it happened (which button or form, never the value), the person a refusal.
  if (known.code === 'NOT_YOURS') {
    const control = event.type === 'button_pressed' ? event.action : event.type === 'form_submitted' ? event.formId : event.type;
    deps.logger.warn("refused a value that is not the person's", { event: event.type, control, platform: event.actor.platform, reason: known.message });
  }
  const text = translate(language, known.messageKey, known.params);
  if (event.type === 'form_submitted' && known.field) return { kind: 'form_errors', errors: { [known.field]: text } };
  return { kind: 'message', message: textMessage(text) };
}
