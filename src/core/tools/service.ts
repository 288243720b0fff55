// The tool library in chat: list the tools, a random prompt on a theme, the three guided tools
// (paused and resumed step by step, private to the member, ending in an agreement or a plan the
// member may share), and the maturity self-assessment. Content comes from content/ as data.
import { LederrumError } from '../errors.ts';
import type { Language } from '../model/domain.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Block, Form, Reply } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { whoSees } from '../i18n/who-sees.ts';
import { destinationOf, groupHere, assertMember, type Turn, personalLanguage } from '../context.ts';
import { notYours } from '../ownership.ts';
import type { GuidedTool, PromptTheme, ToolContent } from './content-model.ts';
import { AGREEMENT_ACTIONS } from '../agreements/messages.ts';
import { recordPost } from '../people/forget-posts.ts';
import { DateTime } from 'luxon';
import { acceptedAnswer, shownAnswer } from './answers.ts';

export const TOOL_FORMS = { step: 'tool.step', maturity: 'tool.maturity' } as const;
export const TOOL_ACTIONS = { start: 'tool.start', prompt: 'tool.prompt', maturity: 'tool.maturity', share: 'tool.share' } as const;
export const MAX_TOOL_ANSWER = 2000;

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

export function contentOf(turn: Turn): ToolContent {
  if (!turn.deps.content) throw new LederrumError('NOT_FOUND', 'error.not_found');
  return turn.deps.content;
}

/** A theme by its id or its title in either language; refused with the list of themes. */
export function findTheme(content: ToolContent, name: string): PromptTheme {
  const wanted = name.trim().toLowerCase();
  const theme = content.themes.find((th) => th.theme === wanted || th.title.da.toLowerCase() === wanted || th.title.en.toLowerCase() === wanted);
  if (!theme) throw new LederrumError('NOT_FOUND', 'error.unknown_theme', { params: { value: name.trim(), themes: content.themes.map((th) => th.theme).join(', ') } });
  return theme;
}

export function listTools(turn: Turn): Reply {
  const content = contentOf(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const blocks: Block[] = [
    { type: 'header', text: t('tools.header') },
    { type: 'text', text: t('tools.intro') },
  ];
  blocks.push({ type: 'section', title: t('tools.prompts_title'), text: content.themes.map((th) => `• ${th.title[language]} (\`${th.theme}\`)`).join('\n') });
  blocks.push({ type: 'buttons', buttons: content.themes.map((th) => ({ action: TOOL_ACTIONS.prompt, value: th.theme, label: th.title[language] })) });
  blocks.push({ type: 'section', title: t('tools.guided_title'), text: content.tools.map((tool) => `${tool.number}. ${tool.title[language]}`).join('\n') });
  blocks.push({
    type: 'buttons',
    buttons: [
      ...content.tools.map((tool) => ({ action: TOOL_ACTIONS.start, value: tool.id, label: `${tool.number}. ${tool.title[language]}` })),
      { action: TOOL_ACTIONS.maturity, value: '', label: t('maturity.button') },
    ],
  });
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

/** A prompt on a theme, chosen at random, with its follow-up questions. */
export function randomPrompt(turn: Turn, themeArg: string): Reply {
  const content = contentOf(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const theme = themeArg.trim() ? findTheme(content, themeArg) : content.themes[Math.floor((turn.deps.random ?? Math.random)() * content.themes.length)]!;
  const prompt = theme.prompts[Math.floor((turn.deps.random ?? Math.random)() * theme.prompts.length)]!;
  const blocks: Block[] = [
    { type: 'header', text: theme.title[language] },
    { type: 'section', text: prompt.prompt[language] },
    ...prompt.followUps.map((q) => ({ type: 'text' as const, text: `– ${q[language]}` })),
    { type: 'context', text: t('tools.prompt_private') },
  ];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

function findTool(content: ToolContent, name: string): GuidedTool | undefined {
  const wanted = name.trim().toLowerCase();
  return content.tools.find((tool) => String(tool.number) === wanted || tool.id === wanted || tool.title.da.toLowerCase() === wanted || tool.title.en.toLowerCase() === wanted);
}

/** `værktøj 1` starts tool 1, or resumes it where the member paused; `værktøj 1 forfra` starts over. */
export async function startTool(turn: Turn, args: string): Promise<Reply> {
  const content = contentOf(turn);
  const words = args.trim().split(/\s+/);
  const again = words.length > 1 && /^(forfra|again|restart)$/i.test(words.at(-1)!);
  const name = again ? words.slice(0, -1).join(' ') : args;
  const tool = findTool(content, name);
  if (!tool) throw new LederrumError('NOT_FOUND', 'error.unknown_tool', { params: { value: name.trim(), tools: content.tools.map((x) => `${x.number}`).join(', ') } });
  const { store, clock } = turn.deps;
  const latest = await store.latestToolSession(turn.person.id, tool.id);
  if (latest?.status === 'done' && !again) {
    throw new LederrumError('INVALID_INPUT', 'error.tool_finished', { params: { tool: tool.title[personalLanguage(turn)], number: tool.number } });
  }
  const session =
    latest && latest.status !== 'done' && !again
      ? await store.saveToolSession({ ...latest, status: 'active', at: clock.now() })
      : await store.saveToolSession({ personId: turn.person.id, toolId: tool.id, stepId: tool.steps[0]!.id, answers: {}, status: 'active', at: clock.now() });
  return { kind: 'form', form: stepForm(tool, session.id, session.stepId!, session.answers, personalLanguage(turn), latest !== null && !again && latest.status !== 'done') };
}

function stepForm(tool: GuidedTool, sessionId: string, stepId: string, answers: Record<string, string>, language: Language, resumed: boolean): Form {
  const t = translator(language);
  const index = tool.steps.findIndex((s) => s.id === stepId);
  const step = tool.steps[index]!;
  const intro: Block[] = [];
  if (index === 0 && !resumed) intro.push({ type: 'text', text: tool.intro[language] });
  if (resumed) intro.push({ type: 'context', text: t('tools.resumed', { step: index + 1 }) });
  intro.push({ type: 'section', text: step.prompt[language] }, whoSees(t, 'only_you'));
  const answer =
    step.kind === 'choice'
      ? {
          type: 'choice' as const,
          id: 'answer',
          label: t('tools.your_choice'),
          options: step.options.map((o) => ({ value: o.value, label: o.label[language] })),
          ...(answers[step.id] ? { initial: answers[step.id] } : {}),
        }
      : {
          type: 'text' as const,
          id: 'answer',
          label: t(step.kind === 'agreement' ? 'tools.your_agreement' : 'tools.your_answer'),
          multiline: true,
          maxLength: MAX_TOOL_ANSWER,
          optional: true,
          ...(answers[step.id] ? { initial: answers[step.id] } : {}),
          ...(step.hint ? { hint: step.hint[language] } : {}),
        };
  return {
    id: TOOL_FORMS.step,
    language,
    state: `${sessionId}:${tool.id}:${step.id}`,
    title: `${tool.number}. ${tool.title[language]}`.slice(0, 60),
    submitLabel: t(step.next ? 'tools.next' : 'tools.finish'),
    intro: [{ type: 'context', text: t('tools.step_of', { step: index + 1, steps: tool.steps.length }) }, ...intro],
    fields: [answer, { type: 'checkbox', id: 'pause', label: t('tools.pause_here') }],
  };
}

export async function submitStep(turn: Submitted): Promise<Reply> {
  const content = contentOf(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const [sessionId, toolId, stepId] = turn.event.state.split(':');
  const { store, clock } = turn.deps;
  const tool = content.tools.find((x) => x.id === toolId);
  const session = tool ? await store.latestToolSession(turn.person.id, tool.id) : null;
  // Only the person's own latest session of the tool: the lookup is by the person asking.
  if (!tool || !session || session.id !== sessionId) throw notYours('tool session');
  if (session.status === 'done' || session.stepId !== stepId) throw new LederrumError('INVALID_INPUT', 'error.tool_step_passed', { params: { number: tool.number } });
  const raw = turn.event.values['answer'];
  const answer = typeof raw === 'string' ? raw.trim() : '';
  if ([...answer].length > MAX_TOOL_ANSWER) {
    throw new LederrumError('INVALID_INPUT', 'error.answer_too_long', { field: 'answer', params: { length: [...answer].length, max: MAX_TOOL_ANSWER } });
  }
  const answers = { ...session.answers, ...(answer ? { [stepId!]: answer } : {}) };
  const step = tool.steps.find((s) => s.id === stepId)!;
  if (turn.event.values['pause'] === true) {
    await store.saveToolSession({ ...session, answers, status: 'paused', at: clock.now() });
    return { kind: 'message', message: textMessage(t('tools.paused', { number: tool.number })) };
  }
  if (!answer) throw new LederrumError('INVALID_INPUT', 'error.tool_answer_empty', { field: 'answer' });
  // A paused draft is kept as written; going on, the answer must be what the step asks for.
  const today = DateTime.fromJSDate(clock.now(), { zone: turn.person.timeZone ?? turn.deps.defaultTimeZone });
  const taken = { ...answers, [stepId!]: acceptedAnswer(step, answer, today) };
  if (step.next) {
    const saved = await store.saveToolSession({ ...session, answers: taken, stepId: step.next, status: 'active', at: clock.now() });
    return { kind: 'form', form: stepForm(tool, saved.id, step.next, taken, language, false) };
  }
  await store.saveToolSession({ ...session, answers: taken, stepId: null, status: 'done', at: clock.now() });
  return { kind: 'message', message: outcomeMessage(tool, session.id, taken, language) };
}

function outcomeMessage(tool: GuidedTool, sessionId: string, answers: Record<string, string>, language: Language) {
  const t = translator(language);
  const agreement = tool.steps.find((s) => s.kind === 'agreement');
  const blocks: Block[] = [{ type: 'header', text: t('tools.done', { tool: tool.title[language] }) }];
  for (const step of tool.steps) {
    if (answers[step.id]) blocks.push({ type: 'section', title: step.prompt[language], text: shownAnswer(step, answers[step.id]!, language) });
  }
  blocks.push({ type: 'context', text: t('tools.done_private') });
  if (agreement && answers[agreement.id]) {
    blocks.push({
      type: 'buttons',
      buttons: [
        { action: AGREEMENT_ACTIONS.make, value: `tool:${sessionId}`, label: t('agreement.make'), style: 'primary' },
        { action: TOOL_ACTIONS.share, value: sessionId, label: t('tools.share') },
      ],
    });
  }
  return { text: plainText(blocks), blocks };
}

/**
 * Shares the agreement a member made in a tool with their group: only on their own request, only
 * their own finished session, and only into a group they are a member of (a button pressed in
 * some other conversation must not post there).
 */
export async function shareOutcome(turn: Turn, sessionId: string): Promise<Reply> {
  const content = contentOf(turn);
  const group = await groupHere(turn);
  await assertMember(turn, group);
  for (const tool of content.tools) {
    const session = await turn.deps.store.latestToolSession(turn.person.id, tool.id);
    if (session?.id !== sessionId || session.status !== 'done') continue;
    const agreement = tool.steps.find((s) => s.kind === 'agreement');
    const text = agreement ? session.answers[agreement.id] : undefined;
    if (!text) break;
    const t = translator(group.language);
    const ref = await turn.deps.deliverer.post(destinationOf(group), {
      text: `${turn.person.displayName}: ${text}`,
      blocks: [{ type: 'section', title: t('tools.shared_title', { name: turn.person.displayName }), text }],
    });
    await recordPost(turn.deps, turn.person, { conversationId: group.conversationId, messageRef: ref, kind: 'tool_share', subjectId: session.id });
    return { kind: 'message', message: textMessage(t('tools.shared', { group: group.name })) };
  }
  throw notYours('tool session');
}
