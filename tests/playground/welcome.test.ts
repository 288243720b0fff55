// The playground's first private chat with Lederrum (issue 20, point 1), over real HTTP against
// the whole app: shown for the first time, the chat gets the welcome instead of staying empty,
// once per person however often or from however many tabs it is shown; reading it changes
// nothing; a group conversation gets no welcome; and the page's refusals carry codes, so the page
// says them in its own language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { Playground, type Person } from './client.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person, bo: Person, emma: Person;

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  [anna, bo, emma] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Emma Clarke'].map((n) => pg.person(n)))) as [Person, Person, Person];
}, 60_000);
afterAll(async () => app?.close());

const dm = (person: Person) => `D-${person.externalId}`;
const opened = (person: Person, conversationId = dm(person)) => pg.call<{ kind: string }>('POST', '/opened', { body: { as: person.externalId, conversationId } });

describe('the first private chat on the playground', () => {
  it('is empty until it is shown, then holds the welcome, once', async () => {
    expect(await pg.messages(dm(anna), anna.externalId)).toEqual([]);
    expect(await pg.messages(dm(anna), anna.externalId)).toEqual([]);
    const answers = await Promise.all([opened(anna), opened(anna), opened(anna)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.kind).sort()).toEqual(['message', 'none', 'none']);
    const shown = await pg.messages(dm(anna), anna.externalId);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ author: 'Lederrum', bot: true });
    expect(shown[0]!.html).toContain('Velkommen til Lederrum');
    expect(shown[0]!.html).toContain('Dit svar i en runde ser gruppen – under dit navn.');
    // The playground makes the group's channel itself, from here.
    expect(shown[0]!.html).toContain('skriv <code>gruppe opret</code> her');
    expect((await opened(anna)).body.kind).toBe('none');
    expect(await pg.messages(dm(anna), anna.externalId)).toHaveLength(1);
  });

  it('welcomes in the person’s language, and only in their own chat', async () => {
    await opened(emma);
    expect((await pg.messages(dm(emma), emma.externalId))[0]!.html).toContain('Welcome to Lederrum');
    // Bo cannot open Emma's chat, nor have a welcome put into a group's conversation.
    expect((await opened(bo, dm(emma))).status).toBe(403);
    expect(await pg.messages(dm(bo), bo.externalId)).toEqual([]);
    const { channelId } = await pg.createGroup(anna, 'Ledergruppen Vest', ['Bo Nielsen']);
    expect((await opened(bo, channelId)).body.kind).toBe('none');
    expect((await pg.messages(channelId, bo.externalId)).some((m) => m.html.includes('Velkommen til Lederrum'))).toBe(false);
  });
});

describe('refusals the page says in its own words', () => {
  it('carries a code with every refusal', async () => {
    expect((await pg.call<{ code: string }>('GET', '/workspace', { token: 'stale' })).body.code).toBe('stale_page');
    expect((await pg.call<{ code: string }>('POST', '/opened', { body: { as: 'nobody', conversationId: 'D-nobody' } })).body.code).toBe('unknown_person');
    expect((await opened(bo, dm(anna))).body).toMatchObject({ code: 'not_in_conversation' });
    expect((await pg.call<{ code: string }>('POST', '/opened', { body: {} })).body.code).toBe('bad_request');
    expect((await pg.call<{ code: string }>('GET', '/nothing')).body.code).toBe('not_found');
  });

  it('puts every word of the page, in both languages, into the page itself', async () => {
    const page = await (await fetch(app.url)).text();
    const content = /<meta name="playground-words" content="([^"]*)">/.exec(page)?.[1] ?? '{}';
    const words = JSON.parse(content.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
    expect(words.offline).toEqual({ da: 'Forbindelsen til Lederrum er væk – prøver igen …', en: 'Lost the connection to Lederrum – retrying …' });
    expect(words.menu.da).toBe('Grupper og personer');
  });
});
