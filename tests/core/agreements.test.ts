// Agreements through the whole app (in-memory PGlite, the scheduler ticked by hand): bad input is
// refused in the person's language with nothing saved lost, nobody acts on another's agreement,
// two answers at once have one effect, and quiet agreements are named only to the facilitator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil as runSchedulerUntil } from '../support/run-until.ts';
import type { Actor, Reply } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const ANNA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'anna', displayName: 'Anna', locale: 'da', timeZone: 'Europe/Copenhagen' };
const BO: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'bo', displayName: 'Bo', locale: 'da', timeZone: 'Europe/Copenhagen' };
const EMMA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'emma', displayName: 'Emma', locale: 'en', timeZone: 'Europe/London' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };

let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;
let groupId = '';

const press = (actor: Actor, action: string, value: string) => app.core.handle({ type: 'button_pressed', actor, place: DM, action, value });
const submit = (actor: Actor, formId: string, state: string, values: Record<string, string>) => app.core.handle({ type: 'form_submitted', actor, place: DM, formId, state, values });
const text = (reply: Reply) => (reply.kind === 'message' ? reply.message.text : JSON.stringify(reply));
const values = (overrides: Record<string, string> = {}) => ({
  kind: 'personal',
  text: 'Gå en tur ved frokost',
  group: groupId,
  visibility: 'private',
  follow_up: 'om 1 uge',
  repeat: '0',
  effort: '2',
  benefit: '4',
  ...overrides,
});

const runUntil = (until: string) => runSchedulerUntil(app, clock, until);
async function privateTo(externalId: string): Promise<string[]> {
  const rows = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: `D-${externalId}` }, orderBy: { seq: 'asc' } });
  return rows.map((r) => JSON.stringify(r.payload));
}
async function make(actor: Actor, overrides: Record<string, string> = {}): Promise<string> {
  clock.advance(1000); // so "the newest agreement" is this one
  const reply = await submit(actor, 'agreement.make', 'direct', values(overrides));
  if (reply.kind !== 'message') throw new Error(`not saved: ${JSON.stringify(reply)}`);
  return (await app.database.prisma.agreement.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).id;
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-24T08:00:00Z'));
  app = await startTestApp({ clock });
  for (const actor of [BO, EMMA]) await app.core.handle({ type: 'command', actor, place: DM, text: 'hjælp' });
  const members = await app.database.prisma.user.findMany({ where: { externalId: { in: ['bo', 'emma'] } } });
  await app.core.handle({
    type: 'form_submitted',
    actor: ANNA,
    place: DM,
    formId: 'group.create',
    state: '',
    values: { name: 'Nord', language: 'da', time_zone: 'Europe/Copenhagen', members: members.map((m) => m.id) },
  });
  groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
}, 60_000);
afterAll(async () => app?.close());

describe('bad input', () => {
  it.each([
    ['a follow-up day in the past', { follow_up: '2026-11-20' }, 'follow_up', '2026-11-20 er allerede passeret (i dag er 2026-11-24)'],
    ['an empty agreement', { text: '  ' }, 'text', 'må ikke være tom'],
    ['an effort outside 1-5', { effort: '9' }, 'effort', '"9" er ikke på skalaen. Vælg et tal fra 1 til 5.'],
    ['a benefit outside 1-5', { benefit: '-1' }, 'benefit', '"-1" er ikke på skalaen'],
  ])('refuses %s on its field, in Danish, and stores nothing', async (_name, change, field, message) => {
    const before = await app.database.prisma.agreement.count();
    const reply = await submit(BO, 'agreement.make', 'direct', values(change));
    expect(reply.kind).toBe('form_errors');
    expect(reply.kind === 'form_errors' && reply.errors[field]).toContain(message);
    expect(await app.database.prisma.agreement.count()).toBe(before);
  });

  it('refuses in English for an English-speaking member', async () => {
    const reply = await submit(EMMA, 'agreement.make', 'direct', values({ follow_up: 'someday' }));
    expect(reply.kind === 'form_errors' && reply.errors['follow_up']).toContain('I cannot read "someday" as a day');
  });

  it("refuses acting on someone else's agreement, and changes nothing", async () => {
    const id = await make(BO);
    for (const action of ['agreement.kept', 'agreement.stop', 'agreement.postpone', 'agreement.adjust']) {
      expect(text(await press(EMMA, action, id)), action).toContain('That agreement is not yours');
    }
    expect(text(await press(EMMA, 'agreement.benefit', `${id}/more/2026-12-01`))).toContain('not yours');
    expect(text(await submit(EMMA, 'agreement.adjust', id, { text: 'Overtaget', follow_up: 'om 1 uge' }))).toContain('not yours');
    const after = await app.database.prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: 'active', text: 'Gå en tur ved frokost' });
    expect(await app.database.prisma.agreementEvent.count({ where: { agreementId: id } })).toBe(1);
  });

  it('keeps the agreement as it was when an adjustment is empty or dated in the past', async () => {
    const id = await make(BO);
    const empty = await submit(BO, 'agreement.adjust', id, { text: '', follow_up: 'om 1 uge' });
    expect(empty.kind === 'form_errors' && empty.errors['text']).toContain('må ikke være tom');
    const past = await submit(BO, 'agreement.adjust', id, { text: 'Ny tekst', follow_up: '2026-01-01' });
    expect(past.kind === 'form_errors' && past.errors['follow_up']).toContain('allerede passeret');
    expect(await app.database.prisma.agreement.findUniqueOrThrow({ where: { id } })).toMatchObject({ text: 'Gå en tur ved frokost', status: 'active' });
  });

  it('has one effect when a follow-up is answered twice at once, and names the first answer', async () => {
    const id = await make(BO, { follow_up: 'i morgen' });
    await runUntil('2026-11-25T12:00:00Z');
    const followUp = await app.database.prisma.agreementFollowUp.findFirstOrThrow({ where: { agreementId: id } });
    const value = `${id}/${followUp.id}`;
    const replies = await Promise.all([press(BO, 'agreement.kept', value), press(BO, 'agreement.stop', value)]);
    const saved = replies.filter((r) => !text(r).includes('allerede besvaret'));
    expect(saved).toHaveLength(1);
    const events = await app.database.prisma.agreementEvent.findMany({ where: { agreementId: id, kind: { in: ['kept', 'stopped'] } } });
    expect(events).toHaveLength(1);
    expect(text(await press(BO, 'agreement.postpone', value))).toMatch(/allerede besvaret: (Holdt|Stoppet)/);
    // The benefit question is answered once too.
    expect(text(await press(BO, 'agreement.benefit', `${id}/less/${followUp.dueDate}`))).toContain('Tak');
    expect(text(await press(BO, 'agreement.benefit', `${id}/more/${followUp.dueDate}`))).toContain('allerede svaret');
    // A finished agreement takes no more answers from its list either.
    expect(text(await press(BO, 'agreement.kept', id))).toContain('allerede afsluttet');
  });
});

describe('quiet agreements', () => {
  it('names a group agreement with two unanswered follow-ups to the facilitator only, once, and stops asking', async () => {
    await app.database.prisma.agreement.updateMany({ data: { status: 'stopped', followUpDate: null } });
    const id = await make(EMMA, { kind: 'group', text: 'We end meetings five minutes early', visibility: 'group', follow_up: '2026-12-01' });
    await runUntil('2027-01-31T00:00:00Z');
    const followUps = await app.database.prisma.agreementFollowUp.findMany({ where: { agreementId: id }, orderBy: { dueDate: 'asc' } });
    expect(followUps.map((f) => [f.dueDate, f.answer])).toEqual([
      ['2026-12-01', 'unanswered'],
      ['2026-12-08', 'unanswered'],
    ]);
    const flag = (messages: string[]) => messages.filter((m) => m.includes('har ikke fået svar på to opfølgninger'));
    expect(flag(await privateTo('anna'))).toHaveLength(1);
    expect(flag(await privateTo('bo'))).toHaveLength(0);
    expect(flag(await privateTo('emma'))).toHaveLength(0);
    const agreement = await app.database.prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(agreement.quietSince).not.toBeNull();
    expect(agreement.followUpDate).toBeNull();
    // A late answer brings it back to life.
    expect(text(await press(BO, 'agreement.postpone', `${id}/${followUps[1]!.id}`))).toContain('Udskudt');
    expect(await app.database.prisma.agreement.findUniqueOrThrow({ where: { id } })).toMatchObject({ quietSince: null, followUpDate: '2027-02-07' });
  });

  it('lets a personal agreement go quiet without telling anyone, and sends nothing with reminders off', async () => {
    // The group's agreement above would go quiet again in February; the group stops it.
    const shared = await app.database.prisma.agreement.findFirstOrThrow({ where: { kind: 'group' } });
    expect(text(await press(BO, 'agreement.stop', shared.id))).toContain('Stoppet');
    const quiet = await make(BO, { follow_up: '2027-02-01' });
    await app.core.handle({ type: 'command', actor: EMMA, place: DM, text: 'nudges off' });
    const off = await make(EMMA, { follow_up: '2027-02-01' });
    const before = (await privateTo('anna')).length;
    await runUntil('2027-03-01T00:00:00Z');
    expect((await app.database.prisma.agreementFollowUp.findMany({ where: { agreementId: quiet } })).map((f) => f.answer)).toEqual(['unanswered', 'unanswered']);
    expect((await app.database.prisma.agreement.findUniqueOrThrow({ where: { id: quiet } })).quietSince).not.toBeNull();
    expect(await privateTo('anna')).toHaveLength(before);
    expect(await app.database.prisma.agreementFollowUp.count({ where: { agreementId: off } })).toBe(0);
    // Emma's agreement waits for her in her list instead.
    const list = await app.core.handle({ type: 'command', actor: EMMA, place: DM, text: 'agreements' });
    expect(text(list)).toContain('Follow-up Mon 1 Feb');
  });
});
