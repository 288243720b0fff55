// One prompt a week for a member who opts in, through the scheduler: an hour into their first
// working day, in their own time zone; nothing while they pause. `ugens spørgsmål til [tema]`.
import { LederrumError } from '../errors.ts';
import type { Job } from '../ports.ts';
import type { Message, Reply } from '../model/messages.ts';
import { textMessage } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { sendPrivateToEach } from '../fan-out.ts';
import { type CoreDeps, type Turn, personalLanguage } from '../context.ts';
import { anHourIntoWork } from '../planning/nudge.ts';
import { contentOf, findTheme } from './service.ts';

export async function setWeeklyPrompt(turn: Turn, args: string): Promise<Reply> {
  const content = contentOf(turn);
  const language = personalLanguage(turn);
  const t = translator(language);
  const planner = turn.deps.planner;
  if (!planner) throw new LederrumError('INVALID_INPUT', 'error.no_scheduler');
  const [switchWord = '', themeWord = ''] = args.trim().toLowerCase().split(/\s+/);
  if (/^(fra|off|stop)$/.test(switchWord)) {
    await planner.setPersonal('prompt.weekly', turn.person, null);
    return { kind: 'message', message: textMessage(t('weekly.off')) };
  }
  if (!/^(til|on|start)$/.test(switchWord)) throw new LederrumError('INVALID_INPUT', 'error.weekly_prompt');
  const theme = themeWord ? findTheme(content, themeWord) : undefined;
  const { minute, hour, day } = anHourIntoWork(turn.person.nudges);
  const cron = `${minute} ${hour} * * ${day}`;
  await planner.setPersonal('prompt.weekly', turn.person, { cron, timeZone: turn.person.timeZone ?? turn.deps.defaultTimeZone, payload: { theme: theme?.theme ?? null } });
  return { kind: 'message', message: textMessage(t('weekly.on', { theme: theme ? theme.title[language] : t('weekly.all_themes') })) };
}

/** The scheduler's weekly occurrence: a prompt, privately, unless the member is pausing. */
export async function sendWeeklyPrompt(deps: CoreDeps, job: Job<'prompt.weekly'>): Promise<void> {
  const [person] = await deps.store.people([job.subject]);
  if (!person || !deps.content) return;
  if (person.nudges?.pausedUntil && person.nudges.pausedUntil > deps.clock.now()) return;
  const language = person.locale ?? deps.defaultLanguage;
  const wanted = job.payload.theme;
  const themes = deps.content.themes.filter((th) => !wanted || th.theme === wanted);
  const week = Math.floor(job.at.getTime() / (7 * 24 * 3600 * 1000));
  const theme = themes[week % themes.length]!;
  const prompt = theme.prompts[Math.floor((deps.random ?? Math.random)() * theme.prompts.length)]!;
  const t = translator(language);
  const text = `${theme.title[language]}: ${prompt.prompt[language]}`;
  const message: Message = {
    text,
    blocks: [
      { type: 'header', text: t('weekly.header') },
      { type: 'section', title: theme.title[language], text: prompt.prompt[language] },
      ...prompt.followUps.map((q) => ({ type: 'text' as const, text: `– ${q[language]}` })),
      { type: 'context', text: t('weekly.footer') },
    ],
  };
  // A weekly prompt a day late still reads well; later it is dropped (next week's comes).
  await sendPrivateToEach(deps, { key: `prompt.weekly:${person.id}:${job.at.toISOString()}`, deadline: new Date(job.at.getTime() + 24 * 3600_000) }, [{ to: person, message }]);
}
