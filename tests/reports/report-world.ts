// A workspace with reports to look at, built the way people build it, over the playground's API:
// a group of eleven, Dorte holding HR, two waves of WHO-5 (the second a meaningful rise) and a poll
// of own questions, each answered in the answer form and closed with HR's "close now" button.
// Every answer is known here, so a test can check each figure the report shows against them.
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
/** Own questions: "Jeg har overskud" (agree 1-5: six 4s, five 5s) and "Hvor travlt har du?" (0-10: five 7s, six 8s). */
export const OWN = Object.fromEntries(EVERYONE.map((name, i) => [name, [i < 6 ? '4' : '5', i < 5 ? '7' : '8']]));

export const textOf = (m: ShownMessage) => decode(m.html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

export async function reportWorld(options: { env?: Record<string, string> } = {}) {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const app = await startTestApp({ clock, ...(options.env ? { env: options.env } : {}) });
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
  const wave1 = await runPoll({ title: 'Trivsel <forår> & "ro"', template: 'who5' }, who5Answers(WAVE_1_SUMS));
  const wave2 = await runPoll({ title: 'Trivsel <forår> & "ro"', template: 'who5', continues: wave1 }, who5Answers(WAVE_2_SUMS));
  const own = await runPoll({ title: 'Arbejdspres', template: 'own', questions: 'enig: Jeg har overskud\n0-10: Hvor travlt har du?' }, OWN);

  /** What HR is told on pressing "Rapport" for a poll: the reply's text and the link in it. */
  async function reportLink(pollId: string, as: Person = dorte): Promise<{ text: string; url: string }> {
    await pg.button(as.externalId, dm(as), 'poll.report', pollId);
    const reply = (await pg.messages(dm(as), as.externalId)).filter((m) => m.bot).at(-1)!;
    const text = textOf(reply);
    const url = /https?:\/\/\S+\/reports\/\S+/.exec(text)?.[0] ?? '';
    return { text, url };
  }
  return { app, clock, pg, people, dm, anna, dorte, groupId, channelId, polls: { wave1, wave2, own }, reportLink };
}
