// Schedules from the people's side: a facilitator plans the group's check-in (friendly words or
// cron, previewed as dates before saving); a member chooses their reminders, working hours and
// pauses. Bad input is refused on its field with an example; the plan in force stays.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { LederrumError, isLederrumError } from '../errors.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Button, Form, Reply } from '../model/messages.ts';
import type { Group } from '../model/domain.ts';
import { plainText, textMessage } from '../model/messages.ts';
import type { CheckinPlan } from '../ports.ts';
import { translator } from '../i18n/translate.ts';
import { whoSees } from '../i18n/who-sees.ts';
import { groupHere, requireFacilitator, type Turn, personalLanguage } from '../context.ts';
import { describeSchedule, parseSchedule, type ScheduleSpec } from './spec.ts';
import { levelNamed, NUDGE_POLICIES } from './nudge-policies.ts';
import { parseDay } from './dates.ts';
import { memberGroup, notYours } from '../ownership.ts';

export const PLAN_FORM = 'schedule.plan';
export const SAVE_PLAN = 'schedule.save';
/** Opens the plan form for the group its value names: the next step offered right after a group is created. */
export const OPEN_PLAN = 'schedule.open';
const PREVIEW_COUNT = 3;

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

function planner(turn: Turn) {
  if (!turn.deps.planner) throw new LederrumError('INVALID_INPUT', 'error.no_scheduler');
  return turn.deps.planner;
}

export async function openPlanForm(turn: Turn, args: string): Promise<Reply> {
  const group = await groupHere(turn);
  await requireFacilitator(turn, group);
  if (/^(stop|stands)$/i.test(args.trim())) {
    await planner(turn).setCheckinPlan(group, null);
    return { kind: 'message', message: textMessage(translator(group.language)('schedule.stopped')) };
  }
  return planForm(turn, group);
}

/** The "plan the check-in" button: the group is the one its value names, if the person facilitates it. */
export async function openPlanFromButton(turn: Turn, value: string): Promise<Reply> {
  const group = await memberGroup(turn, value);
  await requireFacilitator(turn, group);
  return planForm(turn, group);
}

/** The button that leads a new group's facilitator to planning its check-ins. */
export function planButton(group: Group): Button {
  return { action: OPEN_PLAN, value: group.id, label: translator(group.language)('schedule.plan_button'), style: 'primary' };
}

async function planForm(turn: Turn, group: Group): Promise<Reply> {
  const t = translator(group.language);
  const current = await planner(turn).checkinPlan(group.id);
  const form: Form = {
    id: PLAN_FORM,
    language: group.language,
    state: group.id,
    title: t('schedule.form.title'),
    submitLabel: t('schedule.form.preview'),
    intro: [{ type: 'context', text: t('schedule.form.intro', { zone: group.timeZone }) }, whoSees(t, 'group')],
    fields: [
      {
        type: 'text',
        id: 'open',
        label: t('schedule.form.open'),
        initial: current ? describeSchedule(current.open, group.language) : t('schedule.form.open_example'),
        hint: t('schedule.form.open_hint'),
      },
      {
        type: 'text',
        id: 'close',
        label: t('schedule.form.close'),
        optional: true,
        initial: current?.close ? describeSchedule(current.close, group.language) : '',
        hint: t('schedule.form.close_hint'),
      },
      { type: 'checkbox', id: 'holidays', label: t('schedule.form.holidays'), initial: group.danishHolidays ?? false },
      { type: 'text', id: 'skip_days', label: t('schedule.form.skip_days'), optional: true, initial: (group.skipDays ?? []).join(', '), hint: t('schedule.form.skip_days_hint') },
    ],
  };
  return { kind: 'form', form };
}

function specOf(raw: unknown, field: string): ScheduleSpec {
  try {
    return parseSchedule(typeof raw === 'string' ? raw : '');
  } catch (error) {
    if (isLederrumError(error)) throw new LederrumError(error.code, error.messageKey, { params: error.params, field });
    throw error;
  }
}

function skipDaysOf(raw: unknown): string[] {
  const days = (typeof raw === 'string' ? raw : '').split(/[\s,;]+/).filter(Boolean);
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new LederrumError('INVALID_INPUT', 'error.skip_day_invalid', { field: 'skip_days', params: { value: day } });
    }
  }
  return days;
}

/** The form's answer: the next openings and closings as dates, and a button to save. */
export async function previewPlan(turn: Submitted): Promise<Reply> {
  const group = await memberGroup(turn, turn.event.state);
  await requireFacilitator(turn, group);
  const { values } = turn.event;
  const open = specOf(values['open'], 'open');
  const closeText = typeof values['close'] === 'string' ? values['close'].trim() : '';
  const close = closeText ? specOf(closeText, 'close') : null;
  const skipDays = skipDaysOf(values['skip_days']);
  const t = translator(group.language);
  const openings = planner(turn).next(open, group.timeZone, turn.deps.clock.now(), PREVIEW_COUNT + 1);
  const format = new Intl.DateTimeFormat(group.language === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: group.timeZone,
  });
  const lines: string[] = [];
  for (let i = 0; i < PREVIEW_COUNT && i < openings.length; i++) {
    const opening = openings[i]!;
    const closing = close ? planner(turn).next(close, group.timeZone, opening, 1)[0] : undefined;
    const nextOpening = openings[i + 1];
    if (close && (!closing || (nextOpening && closing >= nextOpening) || closesEarlierSameDay(turn, close, group.timeZone, opening))) {
      throw new LederrumError('INVALID_INPUT', 'error.schedule_close_order', { field: 'close' });
    }
    lines.push(closing ? `${format.format(opening)} → ${format.format(closing)}` : format.format(opening));
  }
  const plan = { open, close, holidays: values['holidays'] === true, skipDays };
  const blocks = [
    { type: 'header' as const, text: t('schedule.preview.header', { group: group.name }) },
    { type: 'text' as const, text: `${describeSchedule(open, group.language)}${close ? ` · ${t('schedule.preview.closes', { when: describeSchedule(close, group.language) })}` : ''}` },
    { type: 'section' as const, title: t('schedule.preview.next'), text: lines.join('\n') },
    { type: 'buttons' as const, buttons: [{ action: SAVE_PLAN, value: JSON.stringify({ group: group.id, ...plan }), label: t('schedule.preview.save'), style: 'primary' as const }] },
    { type: 'context' as const, text: t('schedule.preview.note', { zone: group.timeZone }) },
  ];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

/** "Opens Monday 09:00, closes Monday 08:00": a close on the opening's own day, before it, is a mistake. */
function closesEarlierSameDay(turn: Turn, close: ScheduleSpec, timeZone: string, opening: Date): boolean {
  const day = DateTime.fromJSDate(opening, { zone: timeZone }).startOf('day');
  const first = planner(turn).next(close, timeZone, new Date(day.toMillis() - 1), 1)[0];
  return first !== undefined && first < opening && DateTime.fromJSDate(first, { zone: timeZone }).hasSame(day, 'day');
}

const specSchema = z.object({ cron: z.string().min(9), everyNthWeek: z.union([z.literal(1), z.literal(2)]) });
const savedPlanSchema = z.object({ group: z.string(), open: specSchema, close: specSchema.nullable(), holidays: z.boolean(), skipDays: z.array(z.string()) });

export async function savePlan(turn: Turn, value: string): Promise<Reply> {
  let parsed: ReturnType<typeof savedPlanSchema.safeParse> | null;
  try {
    parsed = savedPlanSchema.safeParse(JSON.parse(value));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw notYours('malformed plan');
  const saved = parsed.data;
  const group = await memberGroup(turn, saved.group);
  await requireFacilitator(turn, group);
  // The saved words were checked at the preview; the button's value came back through the
  // person's client, so it is all checked again and nothing unchecked is stored.
  const plan: CheckinPlan = { open: parseSchedule(saved.open.cron), close: saved.close ? parseSchedule(saved.close.cron) : null };
  const skipDays = skipDaysOf(saved.skipDays.join(' '));
  plan.open.everyNthWeek = saved.open.everyNthWeek;
  if (plan.close && saved.close) plan.close.everyNthWeek = saved.close.everyNthWeek;
  // Without a scheduler the save is refused before anything is written.
  const plans = planner(turn);
  await turn.deps.store.setSkipDays(group.id, { danishHolidays: saved.holidays, skipDays });
  await plans.setCheckinPlan(group, plan);
  const t = translator(group.language);
  return { kind: 'message', message: textMessage(t('schedule.saved', { when: describeSchedule(plan.open, group.language) })) };
}

export async function setNudgeLevel(turn: Turn, args: string): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const level = levelNamed(args);
  if (!level) throw new LederrumError('INVALID_INPUT', 'error.nudge_level');
  await turn.deps.store.setNudgePreferences(turn.person.id, { level });
  return { kind: 'message', message: textMessage(t(NUDGE_POLICIES[level].chosen)) };
}

export async function setPause(turn: Turn, args: string): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const text = args.trim().replace(/^(til|until)\s+/i, '');
  if (/^(stop|slut|off|fra)$/i.test(text)) {
    await turn.deps.store.setNudgePreferences(turn.person.id, { pausedUntil: null });
    return { kind: 'message', message: textMessage(t('pause.ended')) };
  }
  const zone = turn.person.timeZone ?? turn.deps.defaultTimeZone;
  const day = pauseDate(text, DateTime.fromJSDate(turn.deps.clock.now(), { zone }));
  if (!day) throw new LederrumError('INVALID_INPUT', 'error.pause_date');
  // Until midnight at the start of that day, in the person's own zone.
  await turn.deps.store.setNudgePreferences(turn.person.id, { pausedUntil: day.toJSDate() });
  return { kind: 'message', message: textMessage(t('pause.set', { date: day.toISODate()! })) };
}

/** The pause lasts until the start of a day after today, in the person's own zone. */
function pauseDate(text: string, today: DateTime): DateTime | null {
  const parsed = parseDay(text, today);
  return 'day' in parsed && parsed.day > today ? parsed.day : null;
}

const DAY_WORDS: Record<string, number> = { man: 1, mon: 1, tir: 2, tue: 2, ons: 3, wed: 3, tor: 4, thu: 4, fre: 5, fri: 5, lør: 6, sat: 6, søn: 7, sun: 7 };

export async function setWorkingHours(turn: Turn, args: string): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const match = /^(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})(?:\s+(\p{L}{3})\w*\s*-\s*(\p{L}{3})\w*)?$/iu.exec(args.trim());
  if (!match) throw new LederrumError('INVALID_INPUT', 'error.working_hours');
  const [, sh, sm, eh, em, fromDay, toDay] = match;
  const start = Number(sh) * 60 + Number(sm);
  const end = Number(eh) * 60 + Number(em);
  const first = fromDay ? DAY_WORDS[fromDay.toLowerCase()] : 1;
  const last = toDay ? DAY_WORDS[toDay.toLowerCase()] : 5;
  if (Number(sh) > 23 || Number(eh) > 24 || Number(sm) > 59 || Number(em) > 59 || end <= start || !first || !last || last < first) {
    throw new LederrumError('INVALID_INPUT', 'error.working_hours');
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const workStart = `${pad(Math.floor(start / 60))}:${pad(start % 60)}`;
  const workEnd = `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
  const workDays = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  await turn.deps.store.setNudgePreferences(turn.person.id, { workStart, workEnd, workDays });
  return { kind: 'message', message: textMessage(t('working_hours.set', { start: workStart, end: workEnd })) };
}
