// The HR role in Slack goes to an account, over real HTTP through Bolt and the Web API fake:
// `<@U…>` in a slash command (the manifest escapes mentions) or in an @mention of the app, the
// real name typed in full, or the list in a modal. Two people whose display name is "Carl" are
// never confused, and the person whose role changed hears it in a DM, in their language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, MIA, SARA, TEAM, startSlackWorld, type SlackPerson, type SlackWorld } from './harness.ts';

const CARL_J: SlackPerson = { id: 'UCARLJ', name: 'Carl Jensen' };
const CARL_N: SlackPerson = { id: 'UCARLN', name: 'Carl Nielsen' };
const DM = `D${MIA.id}`;

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld({ env: { ADMINS: `slack:${TEAM}:${MIA.id}` } });
  world.fake.addUser({ id: CARL_J.id, teamId: TEAM, name: 'carl.j', realName: CARL_J.name, displayName: 'Carl', locale: 'da-DK' });
  world.fake.addUser({ id: CARL_N.id, teamId: TEAM, name: 'carl.n', realName: CARL_N.name, displayName: 'Carl', locale: 'en-GB' });
  // Both Carls and Sara have used Lederrum once, so a typed name can find them.
  for (const person of [CARL_J, CARL_N, SARA]) await world.responseTo((await world.slash(person, 'hjælp', `D${person.id}`)).responseUrl);
}, 60_000);
afterAll(async () => world?.close());

async function answerTo(text: string): Promise<string> {
  const { responseUrl } = await world.slash(MIA, text, DM);
  return JSON.stringify((await world.responseTo(responseUrl)).body);
}
const hrHolders = async () => (await world.app.database.prisma.user.findMany({ where: { workspaceRoles: { some: { role: 'hr' } } } })).map((u) => u.externalId).sort();
const dmsTo = (person: SlackPerson) => world.fake.messages(world.fake.imId(person.id)).map((m) => m.text);

describe('granting HR in Slack', () => {
  it('refuses a display name two people share, telling them apart by their real names', async () => {
    const answer = await answerTo('hr tildel Carl');
    expect(answer).toContain('Flere hedder \\"Carl\\": Carl (Carl Jensen) og Carl (Carl Nielsen)');
    expect(answer).toContain('Skriv @ og vælg personen');
    expect(await hrHolders()).toEqual([]);
  });

  it('grants the account a slash command mentions, and that person alone hears it, in English', async () => {
    const answer = await answerTo(`hr tildel <@${CARL_N.id}|carl.n>`);
    expect(answer).toContain('Carl (Carl Nielsen) har nu HR-rollen');
    expect(await hrHolders()).toEqual([`${TEAM}:${CARL_N.id}`]);
    const told = await world.fake.waitFor(() => dmsTo(CARL_N).find((text) => text.includes('has given you the HR role')));
    expect(told).toContain('Mia Holm has given you the HR role in Lederrum');
    expect(dmsTo(CARL_J).some((text) => text.includes('givet dig HR-rollen'))).toBe(false);
  });

  it('finds a person by the real name Slack keeps apart from the display name', async () => {
    expect(await answerTo('hr tildel carl jensen')).toContain('Carl (Carl Jensen) har nu HR-rollen');
    expect(await hrHolders()).toEqual([`${TEAM}:${CARL_J.id}`, `${TEAM}:${CARL_N.id}`]);
    await world.fake.waitFor(() => dmsTo(CARL_J).find((text) => text.includes('Mia Holm har givet dig HR-rollen')));
  });

  it("revokes by a mention in an @mention of the app, the app's own mention not counted as a person", async () => {
    const mention = { type: 'app_mention', user: MIA.id, text: `<@UBOT> hr fjern <@${CARL_N.id}>`, channel: CHANNEL, ts: '1700000100.000100', event_ts: '1700000100.000100' };
    expect((await world.event(mention)).status).toBe(200);
    const ephemeral = await world.fake.waitFor(() => world.fake.ephemerals.find((e) => e.user === MIA.id && e.text.includes('HR-rollen')));
    expect(ephemeral.text).toBe('Carl (Carl Nielsen) har ikke længere HR-rollen.');
    await world.fake.waitFor(() => dmsTo(CARL_N).find((text) => text.includes('has removed your HR role')));
    expect(await hrHolders()).toEqual([`${TEAM}:${CARL_J.id}`]);
  });

  it('offers the list in a modal when no one is named, and grants the one chosen there', async () => {
    await world.slash(MIA, 'hr tildel', DM);
    const form = await world.nextForm(MIA);
    expect(JSON.stringify(form.view.title)).toContain('Giv HR-rollen');
    expect(world.textOf(form.view.blocks)).toContain('Sara Lund');
    const sara = await world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: `${TEAM}:${SARA.id}` } });
    const ack = await world.submit(MIA, form, { person: sara.id });
    expect(world.textOf(ack.json.view.blocks)).toContain('Sara Lund har nu HR-rollen');
    expect(await hrHolders()).toEqual([`${TEAM}:${CARL_J.id}`, `${TEAM}:${SARA.id}`]);
  });
});
