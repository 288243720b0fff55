// The core's single entry point: a neutral event in, a reply to its actor out. Everything
// else (posts, thread replies, private messages) goes through the Deliverer port.
// It never throws: a LederrumError becomes a localised message, anything else is logged
// and the person is told, in their language, that nothing saved was lost.
import { errorForLog, isLederrumError, type LederrumError } from './errors.ts';
import type { InboundEvent } from './model/events.ts';
import { textMessage, type Reply } from './model/messages.ts';
import { translate } from './i18n/translate.ts';
import { FORM_COMMANDS, parseCommand } from './commands/parse.ts';
import { helpMessage } from './help.ts';
import { languageOf, type CoreDeps, type Turn } from './context.ts';
import * as checkins from './checkins/service.ts';
import { ACTIONS, ANSWER_FORM } from './checkins/messages.ts';
import * as groups from './groups/service.ts';
import * as overview from './people/overview.ts';
import * as preferences from './people/preferences.ts';
import { runJob } from './planning/jobs.ts';
import * as schedules from './planning/commands.ts';
import * as tools from './tools/service.ts';
import * as maturity from './tools/maturity.ts';
import * as theme from './tools/theme.ts';
import * as weekly from './tools/weekly.ts';
import * as agreements from './agreements/service.ts';
import * as agreementLists from './agreements/lists.ts';
import { AGREEMENT_ACTIONS, AGREEMENT_FORMS } from './agreements/messages.ts';
import * as pollRoles from './polls/roles.ts';
import * as pollCreate from './polls/create.ts';
import * as pollRespond from './polls/respond.ts';
import * as pollShow from './polls/show.ts';
import { POLL_ACTIONS } from './polls/jobs.ts';
import * as pollControls from './polls/controls.ts';
import * as myData from './people/my-data.ts';
import * as forget from './people/forget.ts';
import type { Occurrence } from './ports.ts';
import type { Language } from './model/domain.ts';
import type { Message } from './model/messages.ts';
import type { PendingRemoval, RemovalTarget } from './people/retention-model.ts';
import { workspaceInstalled, workspaceUninstalled } from './people/retention.ts';

export interface Lederrum {
  handle(event: InboundEvent): Promise<Reply>;
  /** An occurrence the scheduler claimed: throws only when delivery failed (the scheduler records it). */
  runJob(occurrence: Occurrence): Promise<void>;
  /** Lederrum was uninstalled from a workspace or Teams team: its data goes after the grace period. `place` names it in the notice. */
  uninstalled(target: RemovalTarget, language: Language, place: string): Promise<{ removal: PendingRemoval; notice: Message }>;
  /** Lederrum was installed (again): a pending removal is cancelled; the notice tells the installer the policy. */
  installed(target: RemovalTarget, language: Language): Promise<{ cancelled: PendingRemoval | null; notice: Message }>;
}

export function createLederrum(deps: CoreDeps): Lederrum {
  return {
    async handle(event) {
      let turn: Turn | undefined;
      try {
        const person = await deps.store.upsertPerson(event.actor);
        turn = { deps, event, person };
        // In a group's channel everything, errors and help included, speaks the group's language.
        if (event.place.kind === 'group') {
          const group = await deps.store.findGroupByConversation(event.actor.platform, event.place.conversationId);
          if (group) turn.group = group;
        }
        return await route(turn);
      } catch (error) {
        return failureReply(deps, event, turn, error);
      }
    },
    runJob: (job) => runJob(deps, job),
    uninstalled: (target, language, place) => workspaceUninstalled(deps, target, language, place),
    installed: (target, language) => workspaceInstalled(deps, target, language),
  };
}

async function route(turn: Turn): Promise<Reply> {
  const { event } = turn;
  switch (event.type) {
    case 'command':
      return command(turn, event.text);
    case 'button_pressed':
      return button(turn, event.action, event.value);
    case 'form_submitted':
      return form(turn as Turn<typeof event>);
    case 'member_joined':
      return groups.followMembership(turn, 'joined');
    case 'member_left':
      return groups.followMembership(turn, 'left');
    case 'home_opened':
      return overview.overview(turn);
  }
}

async function command(turn: Turn, text: string): Promise<Reply> {
  const parsed = parseCommand(text);
  // A bare command in a conversation that is not a group yet offers to make it one.
  if (isBare(text) && turn.event.place.kind === 'group' && !turn.group) {
    return groups.openCreateForm(turn, '');
  }
  if (parsed.kind === 'unknown') {
    return { kind: 'message', message: helpMessage(languageOf(turn), parsed.text) };
  }
  switch (parsed.name) {
    case 'help':
      return { kind: 'message', message: helpMessage(turn.person.locale ?? turn.event.actor.locale ?? parsed.language) };
    case 'group.create':
      return groups.openCreateForm(turn, parsed.args);
    case 'group.add':
      return groups.openAddForm(turn);
    case 'group.remove':
      return groups.openRemoveForm(turn);
    case 'checkin.start':
      return checkins.startCheckin(turn);
    case 'checkin.closing':
      return checkins.startTakeAway(turn);
    case 'checkin.close':
      return checkins.closeCheckin(turn);
    case 'participation':
      return groups.participation(turn);
    case 'overview':
      return overview.overview(turn);
    case 'preferences.language':
      return preferences.setLanguage(turn, parsed.args);
    case 'preferences.time_zone':
      return preferences.setTimeZone(turn, parsed.args);
    case 'schedule.plan':
      return schedules.openPlanForm(turn, parsed.args);
    case 'nudges.level':
      return schedules.setNudgeLevel(turn, parsed.args);
    case 'nudges.pause':
      return schedules.setPause(turn, parsed.args);
    case 'nudges.hours':
      return schedules.setWorkingHours(turn, parsed.args);
    case 'tools.list':
      return parsed.args.trim() ? tools.startTool(turn, parsed.args) : tools.listTools(turn);
    case 'tools.prompt':
      return tools.randomPrompt(turn, parsed.args);
    case 'tools.maturity':
      return maturity.maturityForm(turn);
    case 'checkin.theme':
      return theme.setTheme(turn, parsed.args);
    case 'tools.weekly':
      return weekly.setWeeklyPrompt(turn, parsed.args);
    case 'agreements.new':
      return agreements.openMakeForm(turn, parsed.args);
    case 'agreements.trial':
      return agreements.openMakeForm(turn, '', 'trial');
    case 'agreements.list':
      return agreementLists.listCommand(turn, parsed.args);
    case 'hr':
      return pollRoles.hrCommand(turn, parsed.args);
    case 'polls.create':
      return pollCreate.openCreateForm(turn);
    case 'polls.list':
      return pollShow.listPolls(turn);
    case 'mydata.show':
      return myData.showMyData(turn);
    case 'mydata.delete':
      return forget.askForget(turn);
    case 'mydata.delete_for':
      return forget.askForgetFor(turn, parsed.args);
  }
}

async function button(turn: Turn, action: string, value: string): Promise<Reply> {
  switch (action) {
    case ACTIONS.answer:
      return checkins.openAnswerForm(turn, value);
    case ACTIONS.pass:
      return checkins.pass(turn, value);
    case ACTIONS.startTakeAway:
      return checkins.startTakeAwayFromRound(turn, value);
    case ACTIONS.closeCheckin:
      return checkins.closeFromRound(turn, value);
    case schedules.SAVE_PLAN:
      return schedules.savePlan(turn, value);
    case tools.TOOL_ACTIONS.start:
      return tools.startTool(turn, value);
    case tools.TOOL_ACTIONS.prompt:
      return tools.randomPrompt(turn, value);
    case tools.TOOL_ACTIONS.maturity:
      return maturity.maturityForm(turn);
    case tools.TOOL_ACTIONS.share:
      return tools.shareOutcome(turn, value);
    case AGREEMENT_ACTIONS.make:
      return agreements.makeFrom(turn, value);
    case AGREEMENT_ACTIONS.kept:
      return agreements.answer(turn, 'kept', value);
    case AGREEMENT_ACTIONS.postpone:
      return agreements.answer(turn, 'postpone', value);
    case AGREEMENT_ACTIONS.stop:
      return agreements.answer(turn, 'stop', value);
    case AGREEMENT_ACTIONS.adjust:
      return agreements.openAdjust(turn, value);
    case AGREEMENT_ACTIONS.benefit:
      return agreements.recordBenefit(turn, value);
    case AGREEMENT_ACTIONS.export:
      return agreementLists.exportList(turn, value);
    case POLL_ACTIONS.answer:
      return pollRespond.openAnswerForm(turn, value);
    case POLL_ACTIONS.results:
      return pollShow.showResults(turn, value);
    case POLL_ACTIONS.csv:
      return pollShow.showCsv(turn, value);
    case pollControls.POLL_CONTROLS.close:
      return pollControls.closeNow(turn, value);
    case pollControls.POLL_CONTROLS.extend:
      return pollControls.openExtendForm(turn, value);
    case pollControls.POLL_CONTROLS.cancel:
      return pollControls.askCancel(turn, value);
    case pollControls.POLL_CONTROLS.confirmCancel:
      return pollControls.confirmCancel(turn, value);
    case myData.MY_DATA_ACTIONS.file:
      return myData.sendFile(turn, value);
    case forget.FORGET_ACTIONS.confirm:
      return forget.confirmForget(turn, value);
    case forget.FORGET_ACTIONS.cancel:
      return forget.cancelForget(turn, value);
    default:
      return { kind: 'message', message: helpMessage(languageOf(turn)) };
  }
}

async function form(turn: Turn<Extract<InboundEvent, { type: 'form_submitted' }>>): Promise<Reply> {
  switch (turn.event.formId) {
    case ANSWER_FORM:
      return checkins.submitAnswer(turn);
    case groups.FORMS.create:
      return groups.createGroup(turn);
    case groups.FORMS.add:
      return groups.changeMembers(turn, 'add');
    case groups.FORMS.remove:
      return groups.changeMembers(turn, 'remove');
    case schedules.PLAN_FORM:
      return schedules.previewPlan(turn);
    case tools.TOOL_FORMS.step:
      return tools.submitStep(turn);
    case tools.TOOL_FORMS.maturity:
      return maturity.maturityResult(turn);
    case AGREEMENT_FORMS.make:
      return agreements.submitMake(turn);
    case AGREEMENT_FORMS.adjust:
      return agreements.submitAdjust(turn);
    case pollCreate.POLL_FORMS.create:
      return pollCreate.submitCreate(turn);
    case pollRespond.POLL_ANSWER_FORM:
      return pollRespond.submitAnswer(turn);
    case pollRoles.HR_PICK_FORM:
      return pollRoles.submitPick(turn);
    case pollControls.POLL_EXTEND_FORM:
      return pollControls.submitExtend(turn);
    case forget.FORGET_PICK_FORM:
      return forget.submitPick(turn);
    default:
      return { kind: 'message', message: helpMessage(languageOf(turn)) };
  }
}

/**
 * Whether the core may answer this event with a form. Platforms whose form triggers expire
 * within seconds (Slack) open a placeholder modal at once when this is true, then fill it.
 */
export function mayOpenForm(event: Pick<Extract<InboundEvent, { type: 'command' }>, 'type' | 'text' | 'place'> | Pick<Extract<InboundEvent, { type: 'button_pressed' }>, 'type' | 'action'>): boolean {
  if (event.type === 'button_pressed') return FORM_BUTTONS.has(event.action);
  const parsed = parseCommand(event.text);
  if (parsed.kind === 'known' && FORM_COMMANDS.has(parsed.name)) return true;
  // `værktøj 1` opens a tool's form; a bare `værktøj` lists the tools.
  if (parsed.kind === 'known' && parsed.name === 'tools.list' && parsed.args.trim() !== '') return true;
  // `hr tildel` with no one named offers the list of people.
  if (parsed.kind === 'known' && parsed.name === 'hr' && pollRoles.opensPicker(parsed.args)) return true;
  // `slet data` with no one named offers the list of people.
  if (parsed.kind === 'known' && parsed.name === 'mydata.delete_for' && parsed.args.trim() === '') return true;
  return event.place.kind === 'group' && isBare(event.text);
}

/** Buttons whose answer is a form. */
const FORM_BUTTONS: ReadonlySet<string> = new Set([
  ACTIONS.answer,
  tools.TOOL_ACTIONS.start,
  tools.TOOL_ACTIONS.maturity,
  AGREEMENT_ACTIONS.make,
  AGREEMENT_ACTIONS.adjust,
  POLL_ACTIONS.answer,
  pollControls.POLL_CONTROLS.extend,
]);

function isBare(text: string): boolean {
  return (
    text
      .trim()
      .replace(/^\/?lederrum\b/i, '')
      .trim() === ''
  );
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
