// A workspace with reports to look at, built the way people build it, over the playground's API:
// a group of eleven, Dorte holding HR, two waves of WHO-5 (the second a meaningful rise) and a poll
// of own questions, each answered in the answer form and closed with HR's "close now" button.
// Every answer is known here, so a test can check each figure the report shows against them.
import type { DatabaseTarget } from '../../src/store/index.ts';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { decode, Playground, type Person, type ShownMessage } from '../playground/client.ts';

export type ReportWorld = Awaited<ReturnType<typeof reportWorld>>;

/** Five WHO-5 items adding up to `sum` (0-25), filled from the first item on. */
const items = (sum: number) => Array.from({ length: 5 }, (_, i) => Math.max(0, Math.min(5, sum - i * 5)));
export const MEMBERS = ['Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke', 'Frida Berg', 'Gustav Lund', 'Hanne Krog', 'Ib Holt', 'Jonna Vig', 'Karl Dahl'];
const EVERYONE = ['Anna Holm', ...MEMBERS];
/** WHO-5 raw sums: wave 1 → indexes 80 52 32 80 20 40 48 64 60 72 36 (mean 53.1, five below 50); wave 2 → mean 68.0, one below 50: a rise of 14.9, meaningful. */
export const WAVE_1_SUMS = [20, 13, 8, 20, 5, 10, 12, 16, 15, 18, 9];
export const WAVE_2_SUMS = [20, 18, 15, 21, 17, 10, 16, 19, 17, 18, 16];
const who5Answers = (sums: number[]) => Object.fromEntries(EVERYONE.map((name, i) => [name, items(sums[i]!).map(String)]));
/** Words in the free-text answers: chat shows them (eleven answers, over the text threshold of 10), a report page never. */
export const FREE_TEXT = 'Fritekst til HR';
/** Own questions: "Jeg har overskud" (agree 1-5: six 4s, five 5s), "Hvor travlt har du?" (0-10: five 7s, six 8s) and free text. */
export const OWN = Object.fromEntries(EVERYONE.map((name, i) => [name, [i < 6 ? '4' : '5', i < 5 ? '7' : '8', `${FREE_TEXT} nr. ${i + 1}`]]));

/** Words members wrote that no report may show: round answers and a private agreement. */
export const SECRETS = { answer: 'Mit hemmelige svar om budgettet', takeaway: 'Min private pointe om Karl', privateAgreement: 'Min private aftale om at sige nej' };
/** Per check-in, who answers with words and who passes; the rest are absent. */
export const TURNOUT = [
  { words: ['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke', 'Frida Berg', 'Gustav Lund'], passes: ['Hanne Krog', 'Ib Holt'] },
  { words: ['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke'], passes: ['Frida Berg'] },
  { words: ['Anna Holm', 'Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke', 'Frida Berg', 'Gustav Lund', 'Hanne Krog', 'Ib Holt', 'Jonna Vig'], passes: [] },
];

export const textOf = (m: ShownMessage) => decode(m.html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

export async function reportWorld(options: { database?: DatabaseTarget } = {}) {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const app = await startTestApp({ clock, ...(options.database ? { database: options.database } : {}) });
  const pg = await Playground.connect(app.url);
  for (const name of MEMBERS.slice(4)) await pg.call('POST', '/people', { body: { displayName: name, locale: 'da', timeZone: 'Europe/Copenhagen' } });
  const people: Record<string, Person> = {};
  for (const person of (await pg.workspace()).people) people[person.displayName] = person;
  const dm = (person: Person) => `D-${person.externalId}`;
  const anna = people['Anna Holm']!;
  const dorte = people['Dorte Madsen']!;
  const { channelId } = await pg.createGroup(anna, 'Ledergruppen Nord', MEMBERS);
  await pg.command(anna.externalId, dm(anna), 'hr tildel Dorte Madsen');
  const groupId = (await app.database.prisma.group.findFirstOrThrow()).id;

  async function runPoll(fields: Record<string, string | string[] | boolean>, answers: Record<string, string[]>): Promise<string> {
    const before = new Set((await app.database.prisma.poll.findMany({ select: { id: true } })).map((p) => p.id));
    const values = { questions: '', audience: [groupId], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '5', continues: '', share: false, ...fields };
    const created = await pg.form(dorte.externalId, dm(dorte), 'poll.create', '', values);
    if (created.kind === 'form_errors') throw new Error(`poll not created: ${JSON.stringify(created.errors)}`);
    const poll = (await app.database.prisma.poll.findMany()).find((p) => !before.has(p.id))!;
    for (const [name, row] of Object.entries(answers)) {
      const person = people[name]!;
      const reply = await pg.form(person.externalId, dm(person), 'poll.answer', poll.id, Object.fromEntries(row.map((v, i) => [`q${i}`, v])));
      if (reply.kind === 'form_errors') throw new Error(`${name}'s answer refused: ${JSON.stringify(reply.errors)}`);
    }
    await pg.button(dorte.externalId, dm(dorte), 'poll.close_now', poll.id);
    clock.advance(60 * 60_000);
    return poll.id;
  }
  // Three weekly check-ins with known turnout, each answer a secret.
  for (const { words, passes } of TURNOUT) {
    await pg.command(anna.externalId, channelId, '/lederrum tjekind start');
    const round = await app.database.prisma.round.findFirstOrThrow({ where: { kind: 'since_last', status: 'open' } });
    for (const name of words) await pg.form(people[name]!.externalId, channelId, 'round.answer', round.id, { answer: `${SECRETS.answer} (${name})` });
    for (const name of passes) await pg.button(people[name]!.externalId, channelId, 'round.pass', round.id);
    await pg.command(anna.externalId, channelId, '/lederrum tjekind afslut');
    clock.advance(7 * 86_400_000);
  }
  // Two shared agreements (one kept and weighed, one stopped) and a private one that must count nowhere.
  const make = (as: Person, where: string, values: Record<string, string>) =>
    pg.form(as.externalId, where, 'agreement.make', 'direct', { group: groupId, follow_up: 'om 1 uge', repeat: '', ...values });
  await make(anna, channelId, { kind: 'group', text: 'Fem minutters luft mellem møderne', visibility: 'group', effort: '2', benefit: '5' });
  await make(anna, channelId, { kind: 'group', text: 'Ingen mails efter kl. 18', visibility: 'group', effort: '4', benefit: '4' });
  await make(people['Bo Nielsen']!, dm(people['Bo Nielsen']!), { kind: 'personal', text: SECRETS.privateAgreement, visibility: 'private', effort: '1', benefit: '1' });
  const shared = await app.database.prisma.agreement.findMany({ where: { visibility: 'group' }, orderBy: { text: 'asc' } });
  if (shared.length !== 2) throw new Error(`expected two shared agreements, found ${shared.length}`);
  clock.advance(7 * 86_400_000);
  // Their follow-ups as the follow-up flow records them (tested in tests/e2e/agreements.test.ts): kept and weighed, stopped.
  const [kept, stopped] = [shared.find((a) => a.text.startsWith('Fem'))!, shared.find((a) => a.text.startsWith('Ingen'))!];
  const at = clock.now();
  await app.database.prisma.agreement.update({ where: { id: kept.id }, data: { status: 'kept', followUpDate: null } });
  await app.database.prisma.agreement.update({ where: { id: stopped.id }, data: { status: 'stopped', followUpDate: null } });
  await app.database.prisma.agreementEvent.createMany({
    data: [
      { agreementId: kept.id, kind: 'kept', at, actorId: null },
      { agreementId: kept.id, kind: 'benefit', benefit: 'more', at, actorId: null },
      { agreementId: stopped.id, kind: 'stopped', at, actorId: null },
      { agreementId: stopped.id, kind: 'benefit', benefit: 'less', at, actorId: null },
    ],
  });
  clock.advance(60 * 60_000);

  const wave1 = await runPoll({ title: 'Trivsel <forår> & "ro"', template: 'who5' }, who5Answers(WAVE_1_SUMS));
  const wave2 = await runPoll({ title: 'Trivsel <forår> & "ro"', template: 'who5', continues: wave1 }, who5Answers(WAVE_2_SUMS));
  const own = await runPoll({ title: 'Arbejdspres', template: 'own', questions: 'enig: Jeg har overskud\n0-10: Hvor travlt har du?\ntekst: Hvad vil du sige til HR?' }, OWN);

  /** What HR is told on pressing "Rapport" for a poll: the reply's text and the link in it. */
  async function reportLink(pollId: string, as: Person = dorte): Promise<{ text: string; url: string }> {
    await pg.button(as.externalId, dm(as), 'poll.report', pollId);
    const reply = (await pg.messages(dm(as), as.externalId)).filter((m) => m.bot).at(-1)!;
    const text = textOf(reply);
    const url = /https?:\/\/\S+\/reports\/\S+/.exec(text)?.[0] ?? '';
    return { text, url };
  }
  /** What a person is told on `gruppe rapport`: the reply's text and the link in it. */
  async function groupLink(as: Person = anna, where = channelId): Promise<{ text: string; url: string }> {
    await pg.command(as.externalId, where, '/lederrum gruppe rapport');
    const reply = (await pg.messages(where, as.externalId)).filter((m) => m.bot).at(-1)!;
    const text = textOf(reply);
    return { text, url: /https?:\/\/\S+\/reports\/\S+/.exec(text)?.[0] ?? '' };
  }
  return { app, clock, pg, people, dm, anna, dorte, groupId, channelId, polls: { wave1, wave2, own }, reportLink, groupLink };
}
