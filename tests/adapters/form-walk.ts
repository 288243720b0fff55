// Walks Lederrum's core to every form it can show: every command that opens one, typed by every
// person in their own chat and in the group's channel; every button that opens one, found in any
// reply or post and pressed by everyone; every guided tool stepped through to its end. A small
// world makes each reachable: a group with a check-in in its closing round, agreements, an HR
// person, an open poll. Returns the forms, each as its reader was shown it.
import type { Feature } from '../../src/core/feature.ts';
import { FEATURES } from '../../src/core/features.ts';
import { workspaceOf, type Language } from '../../src/core/model/domain.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import type { Button, Form, FormValues, Message, Reply } from '../../src/core/model/messages.ts';
import { openHarness } from '../core/flow-harness.ts';

const PLAY = workspaceOf('playground');
const actor = (id: string, displayName: string, extra: Partial<Actor> = {}): Actor => ({ platform: 'playground', workspace: PLAY, externalId: id, displayName, ...extra });
/** Anna administers the workspace; Carl and Carl Nielsen share a name; Emma reads English; Frida is in no group. */
const PEOPLE = [
  actor('U-anna', 'Anna', { admin: true }),
  actor('U-bo', 'Bo'),
  actor('U-carl', 'Carl'),
  actor('U-carl2', 'Carl', { fullName: 'Carl Nielsen' }),
  actor('U-emma', 'Emma', { locale: 'en' }),
  actor('U-frida', 'Frida'),
];
const [ANNA, BO] = PEOPLE as [Actor, Actor];
const dm = (who: Actor): Place => ({ conversationId: `D-${who.externalId}`, kind: 'direct' });

// `aftaler`, `målinger` and `min trivsel` open no form, but show the buttons that do (adjust, extend, WHO-5).
const COMMANDS = [
  'aftaler',
  'målinger',
  'min trivsel',
  'gruppe opret',
  'gruppe tilføj',
  'gruppe fjern',
  'plan',
  'aftale',
  'aftale gruppe',
  'prøvehandling',
  'modenhed',
  'måling',
  'hr tildel',
  'hr fjern',
  'slet data',
  'værktøj 1',
  'værktøj 2',
  'værktøj 3',
];

/** Buttons whose press answers with a form, by the features' own list. */
const FEATURE_LIST: readonly Feature[] = FEATURES;
const FORM_BUTTONS = new Set(FEATURE_LIST.flatMap((f) => Object.entries(f.buttons ?? {}).flatMap(([action, spec]) => (spec.opensForm ? [action] : []))));
/** Every form id some feature takes a submission of. */
export const FORM_IDS = new Set(FEATURE_LIST.flatMap((f) => Object.keys(f.forms ?? {})));

export interface ShownForm {
  form: Form;
  /** The language of the person it was shown to. */
  language: Language;
}

export async function walkEveryForm(): Promise<ShownForm[]> {
  const h = await openHarness({ planner: true, content: true, instruments: true });
  try {
    const { bot, store, clock, deliverer, prisma } = h;
    const shown: ShownForm[] = [];
    const buttons: Button[] = [];
    const seen = (who: Actor, reply: Reply): Reply => {
      if (reply.kind === 'form') shown.push({ form: reply.form, language: who.locale ?? 'da' });
      if (reply.kind === 'message') buttons.push(...buttonsOf(reply.message));
      clock.advance(60_000);
      return reply;
    };
    const say = async (who: Actor, text: string, place: Place) => seen(who, await bot.handle({ type: 'command', actor: who, place, text }));
    const press = async (who: Actor, button: Button, place: Place) => seen(who, await bot.handle({ type: 'button_pressed', actor: who, place, action: button.action, value: button.value }));
    const submit = async (who: Actor, form: Form, values: FormValues, place: Place) =>
      seen(who, await bot.handle({ type: 'form_submitted', actor: who, place, formId: form.id, state: form.state, values }));

    // The world: everyone known, Anna's group with all of them, Anna holding the HR role.
    for (const who of PEOPLE) await say(who, 'hjælp', dm(who));
    const ids = (await store.listPeople(PLAY)).filter((p) => p.externalId !== ANNA.externalId && p.externalId !== 'U-frida').map((p) => p.id);
    await bot.handle({
      type: 'form_submitted',
      actor: ANNA,
      place: dm(ANNA),
      formId: 'group.create',
      state: '',
      values: { name: 'Nord', language: 'da', time_zone: 'Europe/Copenhagen', members: ids },
    });
    const group = (await store.groupsOf((await store.listPeople(PLAY)).find((p) => p.externalId === ANNA.externalId)!.id))[0]!;
    const channel: Place = { conversationId: group.conversationId, kind: 'group', name: group.name };
    const anna = (await store.listPeople(PLAY)).find((p) => p.externalId === ANNA.externalId)!;
    await bot.handle({ type: 'form_submitted', actor: ANNA, place: dm(ANNA), formId: 'hr.pick', state: 'grant', values: { person: anna.id } });
    await bot.handle({ type: 'form_submitted', actor: BO, place: dm(BO), formId: 'agreement.make', state: 'direct', values: groupAgreement(group.id) });
    const agreement = await prisma.agreement.findFirstOrThrow();
    await bot.runJob({ kind: 'agreement.followup', subject: agreement.id, groupId: group.id, payload: { dueDate: agreement.followUpDate }, at: clock.now() });
    await say(ANNA, 'tjekind start', channel);
    await say(ANNA, 'tjekind afrunding', channel);
    await bot.handle({ type: 'form_submitted', actor: ANNA, place: dm(ANNA), formId: 'poll.create', state: '', values: pollValues(group.id) });

    for (const text of COMMANDS) for (const who of PEOPLE) for (const place of [dm(who), channel]) await say(who, text, place);
    // A channel that is no group yet offers to become one.
    await say(ANNA, 'gruppe opret', { conversationId: 'C-new', kind: 'group', name: 'Ny kanal' });
    // Every guided tool to its end, each step's form shown.
    for (const { form, language } of [...shown]) {
      if (form.id !== 'tool.step') continue;
      const who = PEOPLE.find((p) => (p.locale ?? 'da') === language)!;
      let next: Reply = { kind: 'form', form };
      for (let guard = 0; next.kind === 'form' && next.form.id === 'tool.step' && guard < 10; guard++) next = await submit(who, next.form, stepAnswer(next.form), dm(who));
    }
    const posted = [...deliverer.posts, ...deliverer.privates].flatMap((p) => buttonsOf(p.message));
    for (const button of [...buttons, ...posted].filter((b) => FORM_BUTTONS.has(b.action))) {
      for (const who of PEOPLE) for (const place of [dm(who), channel]) await press(who, button, place);
    }
    return shown;
  } finally {
    await h.close();
  }
}

function buttonsOf(message: Message): Button[] {
  return message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

function groupAgreement(groupId: string): FormValues {
  return { kind: 'group', text: 'Vi holder fem minutters luft', group: groupId, visibility: 'group', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' };
}

function pollValues(groupId: string): FormValues {
  return { title: 'Trivsel', template: 'who5', opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues: 'new', share: false, audience: [groupId], questions: '' };
}

/** A step's answer: its first choice, a day where it asks for one, else a few words. */
function stepAnswer(form: Form): FormValues {
  const field = form.fields.find((f) => f.id === 'answer');
  if (field?.type === 'choice') return { answer: field.options[0]!.value, pause: false };
  const asksForADay = /date/.test(form.state.split(':')[2] ?? '');
  return { answer: asksForADay ? 'om 2 uger' : 'Et svar', pause: false };
}
