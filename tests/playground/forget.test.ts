// "slet mine data" in the playground, over its real HTTP API: Bo's answer in the round's thread
// and the summary are edited to keep neither his words nor his name, and his direct chat with
// Lederrum and what he wrote are gone from the playground's own history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { buttonValue, Playground, type Person } from './client.ts';

const WORDS = 'Quokka-travlhed i budgettet';
const DM_WORDS = 'Quokka-hemmelighed i min chat';

let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person, bo: Person;
const dm = (person: Person) => `D-${person.externalId}`;

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  [anna, bo] = (await Promise.all(['Anna Holm', 'Bo Nielsen'].map((n) => pg.person(n)))) as [Person, Person];
}, 60_000);
afterAll(async () => app?.close());

describe('deleting my data in the playground', () => {
  it("edits the posts, empties the direct chat and leaves the others' messages", async () => {
    const { channelId } = await pg.createGroup(anna, 'Ledergruppen Syd', ['Bo Nielsen']);
    await pg.command(bo.externalId, dm(bo), `hjælp ${DM_WORDS}`);
    await pg.command(anna.externalId, channelId, '/lederrum tjekind start');
    const round = (await pg.messages(channelId, anna.externalId)).find((m) => buttonValue(m.html, 'round.answer'))!;
    const roundId = buttonValue(round.html, 'round.answer')!;
    await pg.form(bo.externalId, channelId, 'round.answer', roundId, { answer: WORDS });
    await pg.form(anna.externalId, channelId, 'round.answer', roundId, { answer: 'Annas uge' });
    await pg.command(anna.externalId, channelId, '/lederrum tjekind afslut');
    const before = (await pg.messages(channelId, anna.externalId)).map((m) => m.html).join('\n');
    expect(before).toContain('Quokka');
    expect(before).toContain('Bo Nielsen');

    await pg.command(bo.externalId, dm(bo), 'slet mine data');
    const ask = (await pg.messages(dm(bo), bo.externalId)).findLast((m) => buttonValue(m.html, 'forget.confirm'))!;
    const done = await pg.button(bo.externalId, dm(bo), 'forget.confirm', buttonValue(ask.html, 'forget.confirm')!);
    expect(done).toMatchObject({ kind: 'message', keepNoCopy: true, html: expect.stringContaining('Dine data er slettet') });

    const after = (await pg.messages(channelId, anna.externalId)).map((m) => m.html).join('\n');
    expect(after).not.toContain('Quokka');
    expect(after).not.toContain('Bo Nielsen');
    expect(after).toContain('Indholdet er slettet');
    expect(after).toContain('Annas uge');

    // Nothing Bo wrote, nothing shown only to him, nothing of his direct chat; the receipt was shown once.
    const rows = await app.database.prisma.playgroundMessage.findMany();
    expect(rows.filter((r) => r.author === bo.externalId || r.visibleTo === bo.externalId || r.conversationId === dm(bo))).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain('Quokka');
    expect(JSON.stringify(rows)).not.toContain(bo.externalId);
    expect(await app.database.prisma.user.count({ where: { externalId: bo.externalId } })).toBe(0);
    const conversations = await app.database.prisma.playgroundConversation.findMany();
    expect(conversations.some((c) => c.members.includes(bo.externalId))).toBe(false);
  });
});
