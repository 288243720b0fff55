// Workspaces are walls (ARCHITECTURE rule 10), at the core: two Slack workspaces in one database,
// with people of the same names, a group each, HR in each. Nothing one workspace has reaches a
// person of the other: pickers, the poll audience, `målinger`, waves, results, roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLederrum, type Lederrum } from '../../src/core/lederrum.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import type { Form, FormValues, Reply } from '../../src/core/model/messages.ts';
import { createStore } from '../../src/store/index.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { schedulePlanner } from '../../src/scheduler/planner.ts';
import { pglite } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';

const actor = (team: string, id: string, displayName: string): Actor => ({ platform: 'slack', workspace: workspaceOf('slack', team), externalId: `${team}:${id}`, displayName, locale: 'da' });
const A = { admin: actor('TA', 'UADMIN', 'Alma Admin'), hr: actor('TA', 'UHR', 'Hanne'), bo: actor('TA', 'UBO', 'Bo'), carl: actor('TA', 'UCARL', 'Carl'), dan: actor('TA', 'UDAN', 'Dan') };
const B = { admin: actor('TB', 'UADMIN', 'Bent Admin'), hr: actor('TB', 'UHR', 'Hanne'), bo: actor('TB', 'UBO', 'Bo'), carl: actor('TB', 'UCARL', 'Carl'), erik: actor('TB', 'UERIK', 'Erik') };
const channel = (team: string): Place => ({ conversationId: `${team}:CLEDER`, kind: 'group', name: 'ledere' });
const dm = (who: Actor): Place => ({ conversationId: who.externalId.replace(':U', ':D'), kind: 'direct' });

let db: Awaited<ReturnType<typeof pglite.open>>;
let bot: Lederrum;
const clock = new ManualClock();
const deliverer = new RecordingDeliverer();

const say = (who: Actor, text: string, place = dm(who)) => bot.handle({ type: 'command', actor: who, place, text });
const press = (who: Actor, action: string, value: string, place = dm(who)) => bot.handle({ type: 'button_pressed', actor: who, place, action, value });
const submit = (who: Actor, formId: string, values: FormValues, place = dm(who), state = '') => bot.handle({ type: 'form_submitted', actor: who, place, formId, state, values });
const formOf = (reply: Reply): Form => {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
};
const optionsOf = (form: Form, field: string) => {
  const found = form.fields.find((f) => f.id === field);
  return found && 'options' in found ? found.options : [];
};
const textOf = (reply: Reply) => JSON.stringify(reply);

async function makeGroup(team: string, facilitator: Actor, name: string, members: Actor[]) {
  const store = createStore(db.prisma);
  for (const m of members) await store.upsertPerson(m);
  const create = formOf(await say(facilitator, '', channel(team)));
  const ids = (await store.listPeople(workspaceOf('slack', team))).filter((p) => members.some((m) => m.externalId === p.externalId)).map((p) => p.id);
  const reply = await submit(facilitator, create.id, { name, language: 'da', time_zone: 'Europe/Copenhagen', members: ids }, channel(team));
  expect(reply.kind).toBe('message');
  return (await store.findGroupByConversation('slack', channel(team).conversationId))!;
}

const pollValues = (audience: string[], extra: FormValues = {}): FormValues => ({
  title: 'Puls',
  template: 'own',
  questions: 'enig: Jeg har overskud',
  audience,
  opens: 'nu',
  closes: 'om 1 uge',
  reminders: '0',
  threshold: '3',
  continues: '',
  share: false,
  ...extra,
});

describe('two Slack workspaces in one database', () => {
  let groupA: { id: string };
  let groupB: { id: string };

  beforeAll(async () => {
    db = await pglite.open();
    const store = createStore(db.prisma);
    bot = createLederrum({
      store,
      clock,
      deliverer,
      logger: new MemoryLogger(),
      defaultLanguage: 'da',
      defaultTimeZone: 'Europe/Copenhagen',
      planner: schedulePlanner(scheduleStore(db.prisma), clock),
      admins: new Set([`slack:${A.admin.externalId}`, `slack:${B.admin.externalId}`]),
    });
    groupA = await makeGroup('TA', A.hr, 'Nord', [A.bo, A.carl, A.dan]);
    groupB = await makeGroup('TB', B.hr, 'Syd', [B.bo, B.carl, B.erik]);
  });
  afterAll(async () => db.close());

  it("offers only its own workspace's people in the member picker", async () => {
    const store = createStore(db.prisma);
    const frida = await store.upsertPerson(actor('TA', 'UFRIDA', 'Frida'));
    const form = formOf(await say(A.hr, 'gruppe tilføj', channel('TA')));
    const labels = optionsOf(form, 'people').map((o) => o.value);
    expect(labels).toContain(frida.id);
    const bPeople = await store.listPeople(workspaceOf('slack', 'TB'));
    expect(bPeople.length).toBeGreaterThan(0);
    for (const person of bPeople) expect(labels).not.toContain(person.id);
    // A forged pick of a person from the other workspace adds no one.
    const before = (await store.memberships(groupA.id)).length;
    const erik = bPeople.find((p) => p.displayName === 'Erik')!;
    const reply = await submit(A.hr, 'group.add', { people: [erik.id] }, channel('TA'), groupA.id);
    expect(textOf(reply)).toContain(translate('da', 'error.not_yours'));
    expect((await store.memberships(groupA.id)).length).toBe(before);
  });

  it('lets an admin grant HR only to a person of their own workspace', async () => {
    expect(textOf(await say(A.admin, 'hr tildel Hanne'))).not.toContain('error');
    const refused = await say(A.admin, 'hr tildel Erik');
    expect(textOf(refused)).toContain('Erik');
    const store = createStore(db.prisma);
    const erik = (await store.listPeople(workspaceOf('slack', 'TB'))).find((p) => p.displayName === 'Erik')!;
    expect(await store.hasRole(erik.id, 'hr')).toBe(false);
    // Nor by mentioning them (a guest from B in a shared channel): the mention names B's person.
    const mention = { workspace: B.erik.workspace, externalId: B.erik.externalId, displayName: 'Erik' };
    await bot.handle({ type: 'command', actor: A.admin, place: dm(A.admin), text: 'hr tildel @Erik', mentions: [mention] });
    expect(await store.hasRole(erik.id, 'hr')).toBe(false);
    expect((await store.listPeople(workspaceOf('slack', 'TA'))).some((p) => p.externalId === B.erik.externalId)).toBe(false);
    await say(B.admin, 'hr tildel Hanne');
    const listA = textOf(await say(A.hr, 'hr'));
    expect(listA).toContain('Hanne');
    const bHr = (await store.holders(workspaceOf('slack', 'TB'), 'hr')).map((p) => p.externalId);
    expect(bHr).toEqual([B.hr.externalId]);
  });

  it('keeps polls, audiences, waves and results inside each workspace', async () => {
    const formA = formOf(await say(A.hr, 'måling'));
    const audienceA = optionsOf(formA, 'audience').map((o) => o.value);
    expect(audienceA).toContain(groupA.id);
    expect(audienceA).not.toContain(groupB.id);

    // HR in A names B's group by a forged value: refused on the field, nothing stored, nobody invited.
    const privatesBefore = deliverer.privates.length;
    const forged = await submit(A.hr, 'poll.create', pollValues([groupB.id]));
    expect(forged).toMatchObject({ kind: 'form_errors', errors: { audience: expect.any(String) } });
    expect(deliverer.privates.length).toBe(privatesBefore);
    // …or a channel of another workspace as the audience.
    const forgedChannel = await submit(A.hr, 'poll.create', pollValues([`channel:${channel('TB').conversationId}`]));
    expect(forgedChannel).toMatchObject({ kind: 'form_errors', errors: { audience: expect.any(String) } });
    expect(deliverer.privates.length).toBe(privatesBefore);
    // A threshold or reminder count the form never offered (below the floor of 3, or a fraction).
    for (const extra of [{ threshold: '2' }, { threshold: '3.5' }, { reminders: '1.5' }, { reminders: '9' }]) {
      const reply = await submit(A.hr, 'poll.create', pollValues([groupA.id], extra));
      expect(reply).toMatchObject({ kind: 'form_errors', errors: { [Object.keys(extra)[0]!]: translate('da', 'error.not_yours') } });
    }
    expect(await createStore(db.prisma).polls(workspaceOf('slack', 'TA'), 10)).toEqual([]);

    expect((await submit(B.hr, 'poll.create', pollValues([groupB.id]))).kind).toBe('message');
    const store = createStore(db.prisma);
    const [bPoll] = await store.polls(workspaceOf('slack', 'TB'), 1);
    expect(bPoll).toBeDefined();
    const invited = deliverer.privates.slice(privatesBefore).map((p) => p.person.workspace);
    expect(invited.length).toBeGreaterThan(0);
    expect(new Set(invited)).toEqual(new Set([workspaceOf('slack', 'TB')]));

    expect(textOf(await say(A.hr, 'målinger'))).not.toContain('Puls');
    const formAgain = formOf(await say(A.hr, 'måling'));
    expect(optionsOf(formAgain, 'continues').map((o) => o.value)).not.toContain(bPoll!.id);
    const wave = await submit(A.hr, 'poll.create', pollValues([groupA.id], { continues: bPoll!.id }));
    expect(wave).toMatchObject({ kind: 'form_errors', errors: { continues: expect.any(String) } });
    expect(await store.polls(workspaceOf('slack', 'TA'), 10)).toEqual([]);

    // B's poll, closed, is still not A's to read; nor can A's people answer it.
    await store.setPollStatus(bPoll!.id, 'open', 'closed');
    for (const action of ['poll.results', 'poll.csv']) {
      const reply = await press(A.hr, action, bPoll!.id);
      expect(textOf(reply)).toContain('kunne jeg ikke finde');
    }
    expect(textOf(await press(B.hr, 'poll.results', bPoll!.id))).toContain('Puls');
    expect(textOf(await press(A.bo, 'poll.answer', bPoll!.id))).toContain('kunne jeg ikke finde');
  });
});
