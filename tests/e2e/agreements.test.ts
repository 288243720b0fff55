// Agreements end to end in the playground, over its real HTTP API, with the scheduler ticked
// against an injected clock: Bo makes a private agreement from his takeaway, Anna (facilitator)
// makes a group agreement; at the follow-up Bo adjusts, a week later he keeps it; the group's
// follow-up is answered once for the group. What each person sees is checked, and Bo's private
// agreement must never reach anyone but him.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil as runSchedulerUntil } from '../support/run-until.ts';
import { buttonValue, decode, Playground, type Person, type ShownMessage } from '../playground/client.ts';

const PRIVATE = 'Fem minutters luft mellem mine møder';
const ADJUSTED = 'Ti minutters luft efter frokost';
const SHARED = 'Vi holder fri fra mails efter kl. 18';
const ZONE = 'Europe/Copenhagen';

let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;
let pg: Playground;
let anna: Person, bo: Person, carl: Person;
let channel = '';
let groupId = '';
const dm = (person: Person) => `D-${person.externalId}`;

const runUntil = (until: string) => runSchedulerUntil(app, clock, until);

const textOf = (m: ShownMessage) => decode(m.html.replace(/<[^>]+>/g, ' '));
async function lastReply(person: Person, conversationId: string): Promise<ShownMessage> {
  const shown = await pg.messages(conversationId, person.externalId);
  // In a channel the replies meant for one person are marked; in their own chat everything is theirs.
  const mine = shown.filter((m) => m.bot && (m.onlyYou || conversationId === dm(person)));
  if (mine.length === 0) throw new Error(`no reply to ${person.displayName} in ${conversationId}`);
  return mine.at(-1)!;
}
/** Everything a person can see: the group's channel and their own chat with the bot. */
async function everythingSeenBy(person: Person): Promise<string> {
  const seen = [...(await pg.messages(channel, person.externalId)), ...(await pg.messages(dm(person), person.externalId))];
  return seen.map(textOf).join('\n');
}
async function formHtml(reply: Awaited<ReturnType<Playground['button']>>): Promise<string> {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return decode(reply.html);
}
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(ZONE).toFormat('ccc yyyy-MM-dd HH:mm');

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-23T08:00:00Z'));
  app = await startTestApp({ clock });
  pg = await Playground.connect(app.url);
  [anna, bo, carl] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Carl Jensen'].map((n) => pg.person(n)))) as [Person, Person, Person];
  ({ channelId: channel } = await pg.createGroup(anna, 'Ledergruppen Nord', ['Bo Nielsen', 'Carl Jensen']));
  groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
}, 60_000);
afterAll(async () => app?.close());

describe('an agreement from a takeaway, and a group agreement', () => {
  it("turns Bo's takeaway into a private agreement, through a form filled with his words", async () => {
    await pg.command(anna.externalId, channel, '/lederrum tjekind start');
    await pg.command(anna.externalId, channel, '/lederrum afrunding');
    const round = await app.database.prisma.round.findFirstOrThrow({ where: { kind: 'take_away' } });
    await pg.form(bo.externalId, channel, 'round.answer', round.id, { answer: PRIVATE, pass: false, share: false });
    const reply = await lastReply(bo, channel);
    const make = buttonValue(reply.html, 'agreement.make');
    expect(make).toBe(`takeaway:${round.id}`);

    const html = await formHtml(await pg.button(bo.externalId, channel, 'agreement.make', make!));
    expect(html).toContain(PRIVATE);
    await pg.form(bo.externalId, channel, 'agreement.make', make!, {
      kind: 'personal',
      text: PRIVATE,
      group: groupId,
      visibility: 'private',
      follow_up: 'om 1 uge',
      repeat: '0',
      effort: '2',
      benefit: '4',
    });
    expect(textOf(await lastReply(bo, channel))).toContain('kun du kan se den');
    const saved = await app.database.prisma.agreement.findFirstOrThrow();
    expect(saved).toMatchObject({ kind: 'personal', visibility: 'private', followUpDate: '2026-11-30', expectedEffort: 2, expectedBenefit: 4, source: 'takeaway' });
    await pg.command(anna.externalId, channel, '/lederrum afslut');
  });

  it('lets Anna make a group agreement that the group sees', async () => {
    const html = await formHtml(await pg.command(anna.externalId, channel, '/lederrum aftale gruppe'));
    expect(html).toContain('Gruppeaftale');
    await pg.form(anna.externalId, channel, 'agreement.make', 'direct', {
      kind: 'group',
      text: SHARED,
      group: groupId,
      visibility: 'group',
      follow_up: 'om 1 uge',
      repeat: '2',
      effort: '3',
      benefit: '5',
    });
    const posted = (await pg.messages(channel, carl.externalId)).filter((m) => !m.onlyYou).map(textOf);
    expect(posted.some((t) => t.includes(SHARED) && t.includes('Ny gruppeaftale'))).toBe(true);
  });

  it('shows each person only what is theirs to see, before any follow-up', async () => {
    await pg.command(bo.externalId, dm(bo), 'aftaler');
    const bos = textOf(await lastReply(bo, dm(bo)));
    expect(bos).toContain(PRIVATE);
    expect(bos).toContain(SHARED);
    await pg.command(carl.externalId, dm(carl), 'aftaler');
    const carls = textOf(await lastReply(carl, dm(carl)));
    expect(carls).toContain(SHARED);
    expect(carls).not.toContain(PRIVATE);
    await pg.command(anna.externalId, channel, '/lederrum aftaler gruppe');
    const facilitator = textOf(await lastReply(anna, channel));
    expect(facilitator).toContain(SHARED);
    expect(facilitator).not.toContain(PRIVATE);
  });
});

describe('the follow-ups, through the scheduler', () => {
  it('asks Bo privately and the group in its channel, at 09:00 Copenhagen time on the day', async () => {
    await runUntil('2026-11-30T12:00:00Z');
    const followUps = await app.database.prisma.agreementFollowUp.findMany({ orderBy: { sentAt: 'asc' } });
    expect(followUps.map((f) => [f.dueDate, at(f.sentAt.toISOString())])).toEqual([
      ['2026-11-30', 'Mon 2026-11-30 09:00'],
      ['2026-11-30', 'Mon 2026-11-30 09:00'],
    ]);
    const toBo = textOf(await lastReply(bo, dm(bo)));
    expect(toBo).toContain('Opfølgning på din aftale');
    expect(toBo).toContain(PRIVATE);
    const inChannel = (await pg.messages(channel, carl.externalId)).map(textOf);
    expect(inChannel.some((t) => t.includes('Noget vi minder hinanden om') && t.includes(SHARED))).toBe(true);
  });

  it('shows the due agreement in Bo\'s next "Siden sidst" form, and in nobody else\'s', async () => {
    await pg.command(anna.externalId, channel, '/lederrum tjekind start');
    const round = await app.database.prisma.round.findFirstOrThrow({ where: { kind: 'since_last', status: 'open' } });
    const bos = await formHtml(await pg.button(bo.externalId, channel, 'round.answer', round.id));
    expect(bos).toContain('Dine aftaler til opfølgning');
    expect(bos).toContain(PRIVATE);
    const carls = await formHtml(await pg.button(carl.externalId, channel, 'round.answer', round.id));
    expect(carls).toContain(SHARED);
    expect(carls).not.toContain(PRIVATE);
    await pg.command(anna.externalId, channel, '/lederrum afslut');
  });

  it('lets Bo adjust at the follow-up, once: the same follow-up cannot be answered again', async () => {
    const followUp = await lastReply(bo, dm(bo));
    const value = buttonValue(followUp.html, 'agreement.adjust')!;
    const html = await formHtml(await pg.button(bo.externalId, dm(bo), 'agreement.adjust', value));
    expect(html).toContain(PRIVATE);
    const [agreementId] = value.split('/');
    await pg.form(bo.externalId, dm(bo), 'agreement.adjust', value, { text: ADJUSTED, follow_up: 'om 1 uge' });
    expect(textOf(await lastReply(bo, dm(bo)))).toContain('Aftalen er justeret. Næste opfølgning man. 7. dec.');
    expect(await app.database.prisma.agreement.findUniqueOrThrow({ where: { id: agreementId! } })).toMatchObject({ status: 'adjusted', text: ADJUSTED, followUpDate: '2026-12-07' });

    await pg.button(bo.externalId, dm(bo), 'agreement.kept', value);
    expect(textOf(await lastReply(bo, dm(bo)))).toContain('allerede besvaret: Justeret');
    expect((await app.database.prisma.agreement.findUniqueOrThrow({ where: { id: agreementId! } })).status).toBe('adjusted');
  });

  it("answers the group's follow-up once for the group, and names who answered", async () => {
    const message = (await pg.messages(channel, carl.externalId)).filter((m) => textOf(m).includes('Noget vi minder hinanden om')).at(-1)!;
    const value = buttonValue(message.html, 'agreement.kept')!;
    await pg.button(carl.externalId, channel, 'agreement.kept', value);
    expect(textOf(await lastReply(carl, channel))).toContain('Stod gavnen mål med indsatsen?');
    const updated = (await pg.messages(channel, bo.externalId)).find((m) => m.id === message.id)!;
    expect(textOf(updated)).toContain('Holdt – svaret af Carl Jensen');
    expect(buttonValue(updated.html, 'agreement.kept')).toBeUndefined();
    await pg.button(bo.externalId, channel, 'agreement.kept', value);
    expect(textOf(await lastReply(bo, channel))).toContain('allerede besvaret: Holdt');
    // A repeating agreement goes on: kept this time, followed up again in two weeks.
    expect(await app.database.prisma.agreement.findFirstOrThrow({ where: { kind: 'group' } })).toMatchObject({ status: 'active', followUpDate: '2026-12-14' });
  });

  it('asks Bo again a week later about the adjusted words; kept ends it and asks about benefit', async () => {
    await runUntil('2026-12-07T12:00:00Z');
    const followUp = await lastReply(bo, dm(bo));
    expect(textOf(followUp)).toContain(ADJUSTED);
    const value = buttonValue(followUp.html, 'agreement.kept')!;
    await pg.button(bo.externalId, dm(bo), 'agreement.kept', value);
    const reply = await lastReply(bo, dm(bo));
    expect(textOf(reply)).toContain('noteret som holdt');
    await pg.button(bo.externalId, dm(bo), 'agreement.benefit', buttonValue(reply.html, 'agreement.benefit')!);
    expect(textOf(await lastReply(bo, dm(bo)))).toContain('Tak – det er noteret');
    const [agreementId] = value.split('/');
    const events = await app.database.prisma.agreementEvent.findMany({ where: { agreementId: agreementId! }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['made', 'adjusted', 'kept', 'benefit']);
    expect(events[1]!.previousText).toBe(PRIVATE);
    expect(events[3]!.benefit).toBe('more');
  });

  it("shows Bo his history, the facilitator the group's statuses, and Bo's agreement to no one else", async () => {
    await pg.command(bo.externalId, dm(bo), 'aftaler');
    const bos = textOf(await lastReply(bo, dm(bo)));
    expect(bos).toMatch(/Afsluttede\s+• Ti minutters luft efter frokost – Holdt/);
    expect(bos).toContain('justeret (Bo Nielsen)');
    await pg.command(anna.externalId, channel, '/lederrum aftaler gruppe');
    const facilitator = textOf(await lastReply(anna, channel));
    expect(facilitator).toContain(SHARED);
    expect(facilitator).toMatch(/Aktiv · Opfølgning man\. 14\. dec\. · hver 2\. uge/);
    await pg.command(anna.externalId, dm(anna), 'aftaler eksport markdown');
    const exported = textOf(await lastReply(anna, dm(anna)));
    expect(exported).toContain(`- [ ] ${SHARED}`);

    for (const person of [anna, carl]) {
      const seen = await everythingSeenBy(person);
      expect(seen, person.displayName).not.toContain(PRIVATE);
      expect(seen, person.displayName).not.toContain(ADJUSTED);
    }
  });
});
