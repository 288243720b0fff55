// A pulse poll end to end in the playground, over its HTTP API, with the scheduler ticked against
// an injected clock: the admin grants HR, HR sends WHO-5 to a group of six, five answer (each
// sees their own index once, and the playground keeps no copy), one reminder reaches only the one who has not, the poll
// closes and HR sees suppressed results, as charts and as CSV. Then the storage and the log of the
// run are inspected: nothing ties a person to an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { ManualClock } from '../support/fakes.ts';
import { runUntil as runSchedulerUntil } from '../support/run-until.ts';
import { buttonValue, decode, Playground, type Person, type ShownMessage } from '../playground/client.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let clock: ManualClock;
let pg: Playground;
const people: Record<string, Person> = {};
let groupId = '';
let pollId = '';
const dm = (person: Person) => `D-${person.externalId}`;
const textOf = (m: ShownMessage) => decode(m.html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** Hand-computed WHO-5: raw sums 20, 13, 8, 20, 5 → indexes 80, 52, 32, 80, 20; mean 52.8; two below 50. */
const ANSWERS: Record<string, number[]> = {
  'Anna Holm': [5, 4, 4, 3, 4],
  'Bo Nielsen': [3, 3, 2, 2, 3],
  'Carl Jensen': [2, 2, 1, 1, 2],
  'Dorte Madsen': [4, 4, 4, 4, 4],
  'Frida Berg': [1, 1, 1, 1, 1],
};

async function lastReply(person: Person): Promise<ShownMessage> {
  const shown = (await pg.messages(dm(person), person.externalId)).filter((m) => m.bot);
  if (shown.length === 0) throw new Error(`nothing to ${person.displayName}`);
  return shown.at(-1)!;
}
/** The latest bot message to the person that contains the text. */
async function latestWith(person: Person, text: string): Promise<ShownMessage> {
  const found = (await pg.messages(dm(person), person.externalId)).filter((m) => m.bot && textOf(m).includes(text)).at(-1);
  if (!found) throw new Error(`no message with "${text}" to ${person.displayName}`);
  return found;
}
const runUntil = (until: string) => runSchedulerUntil(app, clock, until);
const pollValues = (overrides: Record<string, string | string[] | boolean> = {}) => ({
  title: 'Trivsel december',
  template: 'who5',
  questions: '',
  audience: [groupId],
  opens: 'nu',
  closes: 'om 1 uge',
  reminders: '1',
  threshold: '5',
  continues: 'new',
  share: false,
  ...overrides,
});

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-23T08:00:00Z'));
  app = await startTestApp({ clock });
  pg = await Playground.connect(app.url);
  await pg.call('POST', '/people', { body: { displayName: 'Frida Berg', locale: 'da', timeZone: 'Europe/Copenhagen' } });
  for (const person of (await pg.workspace()).people) people[person.displayName] = person;
  await pg.createGroup(people['Anna Holm']!, 'Ledergruppen Syd', ['Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke', 'Frida Berg']);
  groupId = (await app.database.prisma.group.findFirstOrThrow()).id;
}, 60_000);
afterAll(async () => app?.close());

describe('roles', () => {
  it('lets only the admin grant HR, and only HR open the poll form', async () => {
    const [anna, bo, dorte] = [people['Anna Holm']!, people['Bo Nielsen']!, people['Dorte Madsen']!];
    await pg.command(bo.externalId, dm(bo), 'hr tildel Bo Nielsen');
    expect(textOf(await lastReply(bo))).toContain('Kun en administrator');
    await pg.command(bo.externalId, dm(bo), 'måling');
    expect(textOf(await lastReply(bo))).toContain('Kun HR kan sende målinger');
    await pg.command(anna.externalId, dm(anna), 'hr tildel Dorte Madsen');
    expect(textOf(await lastReply(anna))).toContain('Dorte Madsen har nu HR-rollen');
    await pg.command(anna.externalId, dm(anna), 'hr');
    expect(textOf(await lastReply(anna))).toContain('HR-rollen har: Dorte Madsen.');
    expect((await pg.command(dorte.externalId, dm(dorte), 'måling')).kind).toBe('form');
  });
});

describe('sending', () => {
  it('refuses a poll with no questions and one to fewer people than the threshold, sending nothing', async () => {
    const dorte = people['Dorte Madsen']!;
    const empty = await pg.form(dorte.externalId, dm(dorte), 'poll.create', '', pollValues({ template: 'own', questions: '  ' }));
    expect(empty.kind === 'form_errors' && empty.errors['questions']).toContain('Målingen har ingen spørgsmål');
    const small = await pg.form(dorte.externalId, dm(dorte), 'poll.create', '', pollValues({ threshold: '7' }));
    expect(small.kind === 'form_errors' && small.errors['audience']).toContain('ville gå til 6 personer, men tærsklen er 7');
    expect(await app.database.prisma.poll.count()).toBe(0);
  });

  it('sends WHO-5 to the six members, each invitation saying what is anonymous and what is not', async () => {
    const dorte = people['Dorte Madsen']!;
    await pg.form(dorte.externalId, dm(dorte), 'poll.create', '', pollValues());
    expect(textOf(await lastReply(dorte))).toContain('går til 6 personer');
    pollId = (await app.database.prisma.poll.findFirstOrThrow()).id;
    for (const person of Object.values(people)) {
      const invitation = textOf(await latestWith(person, person.displayName === 'Emma Clarke' ? 'Short poll' : 'Kort måling'));
      if (person.displayName === 'Emma Clarke') {
        expect(invitation).toContain('What is anonymous');
        expect(invitation).toContain('What is not anonymous');
      } else {
        expect(invitation).toContain('Det her er anonymt');
        expect(invitation).toContain('Det her er ikke anonymt');
      }
    }
  });
});

describe('answering', () => {
  it('refuses an untouched form, naming every item, and stores nothing', async () => {
    const anna = people['Anna Holm']!;
    const untouched = await pg.form(anna.externalId, dm(anna), 'poll.answer', pollId, { q0: '', q1: '', q2: '', q3: '', q4: '' });
    expect(untouched.kind).toBe('form_errors');
    const errors = untouched.kind === 'form_errors' ? untouched.errors : {};
    expect(Object.keys(errors)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
    expect(errors['q2']).toContain('Spørgsmål 3 mangler et svar');
    // Values not sent at all count as missing too, and a half-filled form is told only what is left.
    const half = await pg.form(anna.externalId, dm(anna), 'poll.answer', pollId, { q0: '5', q2: '4' });
    expect(half.kind === 'form_errors' && Object.keys(half.errors)).toEqual(['q1', 'q3', 'q4']);
    expect(await app.database.prisma.pollResponse.count()).toBe(0);
    expect(await app.database.prisma.pollParticipant.count({ where: { pollId, answered: true } })).toBe(0);
  });

  it('opens the questions with nothing chosen', async () => {
    const anna = people['Anna Holm']!;
    const invitation = await latestWith(anna, 'Kort måling');
    const form = await pg.button(anna.externalId, dm(anna), 'poll.answer', buttonValue(invitation.html, 'poll.answer')!);
    const html = form.kind === 'form' ? form.html : '';
    expect(html.match(/<option value="" selected disabled>Vælg et svar<\/option>/g)).toHaveLength(5);
    expect(html).not.toMatch(/<option value="\d" selected/);
    expect(html).toContain('Alle spørgsmål skal besvares');
  });

  it('takes one answer per person and shows each their own index once, keeping no copy in the playground', async () => {
    for (const [name, values] of Object.entries(ANSWERS)) {
      const person = people[name]!;
      const invitation = await latestWith(person, 'Kort måling');
      const form = await pg.button(person.externalId, dm(person), 'poll.answer', buttonValue(invitation.html, 'poll.answer')!);
      expect(form.kind).toBe('form');
      const before = await app.database.prisma.playgroundMessage.count();
      const reply = await pg.form(person.externalId, dm(person), 'poll.answer', pollId, Object.fromEntries(values.map((v, i) => [`q${i}`, String(v)])));
      const index = values.reduce((a, b) => a + b, 0) * 4;
      expect(reply.kind === 'message' && 'keepNoCopy' in reply && decode(reply.html), name).toContain(`Dit trivselsindeks (WHO-5) er ${index} af 100`);
      expect(await app.database.prisma.playgroundMessage.count(), name).toBe(before);
    }
    expect(await app.database.prisma.pollResponse.count()).toBe(5);
    // No row of the playground's message history holds a score, its meaning or the thanks.
    const rows = (await app.database.prisma.playgroundMessage.findMany()).map((r) => JSON.stringify(r.payload));
    expect(rows.filter((r) => /trivselsindeks \(WHO-5\) er|Dit eget resultat|dine svar er gemt uden dit navn/.test(r))).toEqual([]);
  });

  it('refuses an answer outside the scale and a second answer, keeping what was saved', async () => {
    const [emma, bo] = [people['Emma Clarke']!, people['Bo Nielsen']!];
    const outside = await pg.form(emma.externalId, dm(emma), 'poll.answer', pollId, { q0: '9', q1: '3', q2: '3', q3: '3', q4: '3' });
    expect(outside.kind === 'form_errors' && outside.errors['q0']).toContain('"9" is not one of the answers');
    await pg.form(bo.externalId, dm(bo), 'poll.answer', pollId, { q0: '5', q1: '5', q2: '5', q3: '5', q4: '5' });
    expect(textOf(await lastReply(bo))).toContain('allerede svaret');
    expect(await app.database.prisma.pollResponse.count()).toBe(5);
  });

  it('shows no results before the poll closes', async () => {
    const dorte = people['Dorte Madsen']!;
    await pg.button(dorte.externalId, dm(dorte), 'poll.results', pollId);
    expect(textOf(await lastReply(dorte))).toContain('Resultaterne vises først, når målingen er lukket');
  });
});

describe('reminding and closing', () => {
  it('reminds only the one who has not answered, at the first working moment after halfway', async () => {
    const before = Object.fromEntries(await Promise.all(Object.values(people).map(async (p) => [p.displayName, (await pg.messages(dm(p), p.externalId)).length] as const)));
    // Halfway is Thursday 23:30 UTC, night everywhere here: Emma (London) is reminded at 08:00 on Friday.
    await runUntil('2026-11-27T07:59:00Z');
    expect((await pg.messages(dm(people['Emma Clarke']!), people['Emma Clarke']!.externalId)).length).toBe(before['Emma Clarke']);
    await runUntil('2026-11-27T12:00:00Z');
    for (const person of Object.values(people)) {
      const after = await pg.messages(dm(person), person.externalId);
      const reminded = after.slice(before[person.displayName]).some((m) => textOf(m).includes('Reminder – short poll') || textOf(m).includes('Påmindelse – kort måling'));
      expect(reminded, person.displayName).toBe(person.displayName === 'Emma Clarke');
    }
  });

  it('closes after a week: HR hears of it, and a late answer is refused', async () => {
    await runUntil('2026-12-01T00:00:00Z');
    const dorte = people['Dorte Madsen']!;
    expect(textOf(await lastReply(dorte))).toContain('Målingen «Trivsel december» er lukket');
    const emma = people['Emma Clarke']!;
    await pg.form(emma.externalId, dm(emma), 'poll.answer', pollId, { q0: '3', q1: '3', q2: '3', q3: '3', q4: '3' });
    expect(textOf(await lastReply(emma))).toContain('The poll has closed');
    expect(await app.database.prisma.pollResponse.count()).toBe(5);
  });
});

describe('results', () => {
  it('shows HR the response rate and the mean index, with small cells hidden and why', async () => {
    const errorsBefore = app.logger.lines.filter((l) => l.level === 'error').length;
    const dorte = people['Dorte Madsen']!;
    await pg.button(dorte.externalId, dm(dorte), 'poll.results', pollId);
    const results = textOf(await lastReply(dorte));
    expect(results).toContain('5 af 6 har svaret (83 %)');
    expect(results).toContain('Gennemsnitligt trivselsindeks: 52,8 af 100');
    // Two of five below 50: a cell under the threshold, so it is hidden, and says so.
    expect(results).toContain('Andel under 50: – (skjult for at beskytte enkeltes svar)');
    expect(results).not.toMatch(/Andel under 50: \d/);
    expect(app.logger.lines.filter((l) => l.level === 'error').length).toBe(errorsBefore);
  });

  it('refuses the results to anyone but HR', async () => {
    const bo = people['Bo Nielsen']!;
    await pg.button(bo.externalId, dm(bo), 'poll.results', pollId);
    expect(textOf(await lastReply(bo))).toContain('Kun HR kan sende målinger og se resultater');
  });

  it('gives HR the aggregates as CSV in chat and as a signed download that only works untouched', async () => {
    const dorte = people['Dorte Madsen']!;
    await pg.button(dorte.externalId, dm(dorte), 'poll.csv', pollId);
    const reply = textOf(await lastReply(dorte));
    const link = /(http:\/\/\S+\/results\.csv)/.exec(reply)?.[1];
    expect(link).toBeDefined();
    const download = await fetch(link!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/text\/csv/);
    // Danish Excel: a byte order mark first (text() would drop it), ";" between fields, decimal commas.
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('Gruppe;Spørgsmål;Svarmulighed;Antal;Andel (%);Gennemsnit');
    expect(csv).toContain(';52,8');
    expect(csv).not.toContain('52.8');
    const tampered = link!.replace(/\.([A-Za-z0-9_-]{10})/, '.AAAAAAAAAA');
    expect((await fetch(tampered)).status).toBe(404);
  });
});

describe('a second wave', () => {
  it('shows the change since the first wave, marked when meaningful, and shares the total with the group when HR chose so', async () => {
    const dorte = people['Dorte Madsen']!;
    await pg.form(dorte.externalId, dm(dorte), 'poll.create', '', pollValues({ title: 'Trivsel januar', continues: pollId, share: true, reminders: '0' }));
    const second = await app.database.prisma.poll.findFirstOrThrow({ where: { title: 'Trivsel januar' } });
    expect(second).toMatchObject({ wave: 2, seriesId: pollId });
    // Five answer 4 on every item: index 80 each, mean 80 against 52.8 before.
    for (const name of Object.keys(ANSWERS)) {
      const person = people[name]!;
      await pg.form(person.externalId, dm(person), 'poll.answer', second.id, { q0: '4', q1: '4', q2: '4', q3: '4', q4: '4' });
    }
    await runUntil('2026-12-09T00:00:00Z');
    await pg.button(dorte.externalId, dm(dorte), 'poll.results', second.id);
    const results = textOf(await lastReply(dorte));
    expect(results).toContain('Gennemsnitligt trivselsindeks: 80,0 af 100');
    expect(results).toContain('Siden sidste bølge: +27,2 (var 52,8) – en betydelig ændring');
    const channel = (await pg.workspace(dorte.externalId)).channels.find((c) => c.name === 'Ledergruppen Syd')!;
    const shared = (await pg.messages(channel.id, people['Bo Nielsen']!.externalId)).map(textOf);
    expect(shared.some((t) => t.includes('Resultater: Trivsel januar') && t.includes('80,0'))).toBe(true);
    expect(shared.some((t) => t.includes('Hent som CSV'))).toBe(false);
  });
});

describe('what is stored and logged', () => {
  it('keeps answers with no person, no time and no order, apart from who answered', async () => {
    const columns = await app.database.prisma.$queryRawUnsafe<Array<{ table_name: string; column_name: string; data_type: string }>>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('PollResponse', 'PollParticipant') ORDER BY table_name, ordinal_position`,
    );
    const of = (table: string) => columns.filter((c) => c.table_name === table).map((c) => c.column_name);
    expect(of('PollResponse')).toEqual(['id', 'pollId', 'groupId', 'answers', 'texts', 'score', 'flagged']);
    expect(of('PollParticipant')).toEqual(['pollId', 'userId', 'groupId', 'answered']);
    expect(columns.filter((c) => /timestamp|date|time/.test(c.data_type))).toEqual([]);
    // No foreign key from an answer to a person, no sequence behind its id.
    const keys = await app.database.prisma.$queryRawUnsafe<Array<{ target: string }>>(
      `SELECT ccu.table_name AS target FROM information_schema.table_constraints tc JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name WHERE tc.table_name = 'PollResponse' AND tc.constraint_type = 'FOREIGN KEY'`,
    );
    expect(keys.map((k) => k.target)).toEqual(['Poll']);
    const ids = (await app.database.prisma.pollResponse.findMany({ select: { id: true } })).map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const defaults = columns.filter((c) => c.table_name === 'PollResponse');
    const serial = await app.database.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.columns WHERE table_name = 'PollResponse' AND column_default LIKE 'nextval%'`);
    expect(defaults).toHaveLength(7);
    expect(serial).toEqual([]);
    // Closing mixed every answer: none waits, and no answer shares a transaction with a participant.
    expect(await app.database.prisma.pollPendingResponse.count()).toBe(0);
    const linked = await app.database.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "PollResponse" r JOIN "PollParticipant" p ON p.xmin = r.xmin`);
    expect(linked).toEqual([]);
  });

  it('logs nothing that names a person next to the poll', async () => {
    const users = await app.database.prisma.user.findMany();
    const lines = app.logger.lines.map((e) => JSON.stringify(e));
    expect(lines.some((l) => l.includes('poll opened'))).toBe(true);
    for (const line of lines.filter((l) => l.includes(pollId) || /poll/i.test(l))) {
      for (const user of users) {
        expect(line).not.toContain(user.id);
        expect(line).not.toContain(user.externalId);
        expect(line).not.toContain(user.displayName);
      }
    }
  });
});
