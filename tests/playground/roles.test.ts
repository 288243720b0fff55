// The HR role on the playground, over its HTTP API: the page's command line has no mentions, so
// `hr tildel` alone offers the workspace's people in a list, each told apart from a namesake,
// and the choice grants by id. A forged id or a non-admin's submission changes nothing; a typed
// name two people share is refused. The person is told in their own chat with Lederrum only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { decode, Playground, type Person, type ReplyView } from './client.ts';

let app: Awaited<ReturnType<typeof startTestApp>>;
let pg: Playground;
let anna: Person, bo: Person, carl: Person, otherCarl: Person;
const dm = (person: Person) => `D-${person.externalId}`;

beforeAll(async () => {
  app = await startTestApp();
  pg = await Playground.connect(app.url);
  [anna, bo, carl] = (await Promise.all(['Anna Holm', 'Bo Nielsen', 'Carl Jensen'].map((n) => pg.person(n)))) as [Person, Person, Person];
  const added = await pg.call<Person>('POST', '/people', { body: { displayName: 'Carl Jensen', locale: 'en' } });
  otherCarl = added.body;
}, 60_000);
afterAll(async () => app?.close());

/** The options of a form's <select name=…>: value and visible label. */
function selectOptions(html: string, name: string): Array<{ value: string; label: string }> {
  const select = new RegExp(`<select name="${name}"[^>]*>(.*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => ({ value: decode(m[1]!), label: decode(m[2]!) }));
}
async function lastBotText(person: Person): Promise<string> {
  const shown = (await pg.messages(dm(person), person.externalId)).filter((m) => m.bot);
  return decode((shown.at(-1)?.html ?? '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}
const hrHolders = async () => (await app.database.prisma.user.findMany({ where: { workspaceRoles: { some: { role: 'hr' } } } })).map((u) => u.externalId).sort();

describe('granting HR on the playground', () => {
  it('refuses a name two people share, and points to the list', async () => {
    await pg.command(anna.externalId, dm(anna), 'hr tildel carl jensen');
    const text = await lastBotText(anna);
    const labels = [`Carl Jensen (${carl.externalId})`, `Carl Jensen (${otherCarl.externalId})`].sort();
    expect(text).toContain(`Flere hedder "carl jensen": ${labels[0]} og ${labels[1]}.`);
    expect(text).toContain('Skriv hr tildel alene og vælg personen på listen');
    expect(await hrHolders()).toEqual([]);
  });

  it('offers the list with the namesakes told apart, and grants the one chosen by id', async () => {
    const opened = await pg.command(anna.externalId, dm(anna), 'hr tildel');
    expect(opened.kind).toBe('form');
    const options = selectOptions((opened as Extract<ReplyView, { kind: 'form' }>).html, 'person');
    const chosen = options.find((o) => o.label === `Carl Jensen (${otherCarl.externalId})`);
    expect(chosen).toBeDefined();
    expect(options.map((o) => o.label)).toContain(`Carl Jensen (${carl.externalId})`);

    const reply = await pg.form(anna.externalId, dm(anna), 'hr.pick', 'grant', { person: chosen!.value });
    expect(reply.kind).toBe('message');
    expect(await lastBotText(anna)).toContain('Carl Jensen har nu HR-rollen');
    expect(await hrHolders()).toEqual([otherCarl.externalId]);
    // Told in his own chat, in his language; the other Carl hears nothing.
    expect(await lastBotText(otherCarl)).toContain('Anna Holm has given you the HR role in Lederrum');
    expect((await pg.messages(dm(carl), carl.externalId)).some((m) => m.html.includes('HR'))).toBe(false);
  });

  it('changes nothing for a forged choice or a submission by someone who is not an admin', async () => {
    const forged = await pg.form(anna.externalId, dm(anna), 'hr.pick', 'grant', { person: 'no-such-person' });
    expect(forged.kind === 'form_errors' && forged.errors['person']).toContain('Den person var ikke på listen');
    const bosId = (await app.database.prisma.user.findFirstOrThrow({ where: { externalId: bo.externalId } })).id;
    await pg.form(bo.externalId, dm(bo), 'hr.pick', 'grant', { person: bosId });
    expect(await lastBotText(bo)).toContain('Kun en administrator');
    expect(await hrHolders()).toEqual([otherCarl.externalId]);
  });
});
