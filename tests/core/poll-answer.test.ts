// Answering a poll at the core, on PGlite: nothing is chosen for the respondent, an untouched or
// half-filled form is refused with every missing item on its own field (Danish and English) and
// nothing is stored; own questions say what is required; the reply with the own score is marked
// to be kept nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { createLederrum, type Lederrum } from '../../src/core/lederrum.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import type { Form, FormValues, Reply } from '../../src/core/model/messages.ts';
import { createStore } from '../../src/store/index.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { schedulePlanner } from '../../src/scheduler/planner.ts';
import { pglite } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

const actor = (id: string, displayName: string, locale: 'da' | 'en' = 'da'): Actor => ({ platform: 'slack', workspace: workspaceOf('slack', 'TA'), externalId: `TA:${id}`, displayName, locale });
const [ADMIN, HR, BO, EMMA, CARL] = [actor('UADMIN', 'Alma'), actor('UHR', 'Hanne'), actor('UBO', 'Bo'), actor('UEMMA', 'Emma', 'en'), actor('UCARL', 'Carl')];
const dm = (who: Actor): Place => ({ conversationId: who.externalId.replace(':U', ':D'), kind: 'direct' });
const CHANNEL: Place = { conversationId: 'TA:CLEDER', kind: 'group', name: 'ledere' };

let db: Awaited<ReturnType<typeof pglite.open>>;
let bot: Lederrum;
const clock = new ManualClock();
const submit = (who: Actor, formId: string, values: FormValues, state = '', place = dm(who)) => bot.handle({ type: 'form_submitted', actor: who, place, formId, state, values });
const formOf = (reply: Reply): Form => {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
};
const errorsOf = (reply: Reply) => (reply.kind === 'form_errors' ? reply.errors : {});
// Answers mixed in and answers still waiting for their batch (src/store/poll-mixing.ts).
const responses = async () => (await db.prisma.pollResponse.count()) + (await db.prisma.pollPendingResponse.count());
const answered = () => db.prisma.pollParticipant.count({ where: { answered: true } });

async function sendPoll(values: FormValues): Promise<string> {
  const group = (await createStore(db.prisma).findGroupByConversation('slack', CHANNEL.conversationId))!;
  const reply = await submit(HR, 'poll.create', { opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', continues: '', share: false, audience: [group.id], questions: '', ...values });
  expect(reply.kind).toBe('message');
  return (await db.prisma.poll.findFirstOrThrow({ where: { title: values['title'] as string } })).id;
}

beforeAll(async () => {
  db = await pglite.open();
  const store = createStore(db.prisma);
  bot = createLederrum({
    store,
    clock,
    deliverer: new RecordingDeliverer(),
    logger: new MemoryLogger(),
    defaultLanguage: 'da',
    defaultTimeZone: 'Europe/Copenhagen',
    planner: schedulePlanner(scheduleStore(db.prisma), clock),
    instruments: loadInstruments(),
    admins: new Set([`slack:${ADMIN.externalId}`]),
  });
  for (const m of [BO, EMMA, CARL]) await store.upsertPerson(m);
  const create = formOf(await bot.handle({ type: 'command', actor: HR, place: CHANNEL, text: '' }));
  const ids = (await store.listPeople(workspaceOf('slack', 'TA'))).filter((p) => p.externalId !== HR.externalId).map((p) => p.id);
  const made = await submit(HR, create.id, { name: 'Ledere', language: 'da', time_zone: 'Europe/Copenhagen', members: ids }, create.state, CHANNEL);
  expect(made.kind, JSON.stringify(made)).toBe('message');
  await bot.handle({ type: 'command', actor: ADMIN, place: dm(ADMIN), text: 'hr tildel Hanne' });
});
afterAll(async () => db.close());

describe('a scored instrument', () => {
  let pollId = '';
  beforeAll(async () => {
    pollId = await sendPoll({ title: 'Trivsel', template: 'who5' });
  });

  it('opens with nothing chosen and every item required', async () => {
    const form = formOf(await bot.handle({ type: 'button_pressed', actor: BO, place: dm(BO), action: 'poll.answer', value: pollId }));
    expect(form.fields).toHaveLength(5);
    for (const field of form.fields) {
      expect(field).toMatchObject({ type: 'choice', placeholder: 'Vælg et svar' });
      expect(field).not.toHaveProperty('initial');
      expect(field).not.toHaveProperty('optional');
    }
    expect(JSON.stringify(form.intro)).toContain('Alle spørgsmål skal besvares');
  });

  it("refuses an untouched form naming every item, in the person's language, and stores nothing", async () => {
    const untouched = await submit(BO, 'poll.answer', { q0: '', q1: '', q2: '', q3: '', q4: '' }, pollId);
    expect(untouched.kind).toBe('form_errors');
    expect(errorsOf(untouched)).toEqual(Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`q${n - 1}`, `Spørgsmål ${n} mangler et svar. Dine andre svar står der stadig.`])));
    const english = await submit(EMMA, 'poll.answer', {}, pollId);
    expect(errorsOf(english)['q4']).toBe('Question 5 needs an answer. Your other answers are still there.');
    expect([await responses(), await answered()]).toEqual([0, 0]);
  });

  it('names only what is missing in a half-filled form, with a forged value refused on its own field', async () => {
    const half = await submit(BO, 'poll.answer', { q0: '5', q1: ' ', q2: '3', q3: '9' }, pollId);
    expect(Object.keys(errorsOf(half))).toEqual(['q1', 'q3', 'q4']);
    expect(errorsOf(half)['q3']).toContain('"9" er ikke et af svarene');
    expect([await responses(), await answered()]).toEqual([0, 0]);
  });

  it('takes a complete answer and marks the reply with the own score to be kept nowhere', async () => {
    const done = await submit(BO, 'poll.answer', { q0: '5', q1: '4', q2: '3', q3: '2', q4: '1' }, pollId);
    expect(done).toMatchObject({ kind: 'message', keepNoCopy: true });
    expect(JSON.stringify(done)).toContain('Dit trivselsindeks (WHO-5) er 60 af 100');
    expect([await responses(), await answered()]).toEqual([1, 1]);
  });
});

describe('own questions', () => {
  let pollId = '';
  beforeAll(async () => {
    pollId = await sendPoll({ title: 'Egne', template: 'own', questions: 'enig: Jeg har overskud\n0-10: Hvor travlt?\nvalg: Bedste dag | man | ons\ntekst: Hvad vil du sige til HR?' });
  });

  it('require scales and choices, and say free text is optional', async () => {
    const form = formOf(await bot.handle({ type: 'button_pressed', actor: CARL, place: dm(CARL), action: 'poll.answer', value: pollId }));
    expect(form.fields.map((f) => [f.type, 'optional' in f ? f.optional : undefined, 'initial' in f ? f.initial : undefined])).toEqual([
      ['choice', undefined, undefined],
      ['choice', undefined, undefined],
      ['choice', undefined, undefined],
      ['text', true, undefined],
    ]);
    expect(form.fields[3]).toMatchObject({ hint: 'Valgfrit – du kan lade feltet stå tomt.' });
    expect(JSON.stringify(form.intro)).toContain('fritekst er valgfri');
  });

  it('refuses missing scales and choices but not empty free text', async () => {
    const before = await responses();
    const refused = await submit(CARL, 'poll.answer', { q0: '4', q1: '', q3: '' }, pollId);
    expect(Object.keys(errorsOf(refused))).toEqual(['q1', 'q2']);
    expect(await responses()).toBe(before);
    const form = formOf(await bot.handle({ type: 'button_pressed', actor: CARL, place: dm(CARL), action: 'poll.answer', value: pollId }));
    const day = form.fields[2]!.type === 'choice' ? form.fields[2]!.options.find((o) => o.label === 'ons')!.value : '';
    const done = await submit(CARL, 'poll.answer', { q0: '4', q1: '0', q2: day, q3: '' }, pollId);
    expect(done).toMatchObject({ kind: 'message', keepNoCopy: true });
    expect(await responses()).toBe(before + 1);
  });
});
