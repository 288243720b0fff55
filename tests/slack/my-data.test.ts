// "mine data" in Slack, through the real Bolt stack over HTTP against the fake Slack: Jonas asks
// in the group's channel and gets an ephemeral summary (counts, never words) with two signed links
// and a button; pressed, the WebClient's files.uploadV2 takes its three steps on the wire and two
// files land in Jonas's DM, holding his answer and not Mia's. Mia pressing Jonas's button gets a
// refusal and no file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerButtonOf, CHANNEL, JONAS, MIA, OUTSIDER, setUpGroup, startRound, startSlackWorld, type SlackWorld } from './harness.ts';
import { exportSchema } from '../../src/core/people/export-schema.ts';

let world: SlackWorld;
beforeAll(async () => {
  // Behind a proxy, as in production: links name PUBLIC_URL; the test reaches the same paths on the app.
  world = await startSlackWorld({ env: { PUBLIC_URL: 'https://lederrum.example.org/' } });
  await setUpGroup(world);
  const since = await startRound(world);
  await world.press(JONAS, answerButtonOf(world, since), { messageTs: since.ts });
  await world.submit(JONAS, await world.nextForm(JONAS), { answer: 'Quokka-travlhed i budgettet.' });
  await world.press(MIA, answerButtonOf(world, since), { messageTs: since.ts });
  await world.submit(MIA, await world.nextForm(MIA), { answer: 'Mias-egen-uge.' });
  await world.fake.waitFor(() => world.fake.thread(CHANNEL, since.ts).find((m) => m.text.includes('Mias-egen-uge')));
}, 60_000);
afterAll(async () => world?.close());

describe('my data in Slack', () => {
  it("answers privately with links and a button, and sends two files to Jonas's DM", async () => {
    const posted = world.fake.messages(CHANNEL).length;
    const { responseUrl } = await world.slash(JONAS, 'mine data');
    const reply = (await world.responseTo(responseUrl)).body as { response_type: string; blocks: unknown[] };
    expect(reply.response_type).toBe('ephemeral');
    const shown = world.textOf(reply.blocks);
    expect(shown).toContain('Dine data i Lederrum');
    expect(shown).toContain('Svar i runden');
    expect(shown).not.toContain('Quokka');
    expect(shown).toContain('i 365 dage efter et tjek-ind er lukket');
    expect(world.fake.messages(CHANNEL)).toHaveLength(posted);

    const json = /https:\/\/lederrum\.example\.org\/(me\/[^\s"|>]+\/data\.json)/.exec(shown)?.[1];
    expect(json).toBeDefined();
    expect(shown).toContain('/data.md');
    expect(shown).toContain('send det ikke videre');
    const download = await fetch(new URL(json!, world.app.url));
    expect(download.headers.get('cache-control')).toBe('no-store');
    const doc = exportSchema.parse(await download.json());
    expect(doc.person).toMatchObject({ name: 'Jonas Berg', platform: 'slack' });
    expect(JSON.stringify(doc)).toContain('Quokka');
    expect(JSON.stringify(doc)).not.toContain('Mias-egen-uge');

    const button = world.buttonsOf(reply).find((b) => b.action_id.startsWith('mydata.file'));
    expect(button).toBeDefined();

    // Mia pressing Jonas's button sends nothing to anyone.
    const stolen = await world.press(MIA, button!);
    expect(world.textOf([(await world.responseTo(stolen.responseUrl)).body])).toContain('Den knap eller formular er ikke din');
    expect(world.fake.files()).toEqual([]);

    const pressed = await world.press(JONAS, button!);
    expect(world.textOf([(await world.responseTo(pressed.responseUrl)).body])).toContain('sendt som to filer');
    const files = await world.fake.waitFor(() => (world.fake.files().filter((f) => f.completed).length === 2 ? world.fake.files() : undefined));
    const methods = world.fake.calls.filter((c) => c.method.startsWith('files.')).map((c) => c.method);
    expect(methods.filter((m) => m === 'files.getUploadURLExternal')).toHaveLength(2);
    expect(methods.filter((m) => m === 'files.completeUploadExternal')).toHaveLength(2);
    // Each file comes below its note in Jonas's DM, which the note's post named (no conversations.open).
    expect(world.fake.calls.some((c) => c.method === 'conversations.open')).toBe(false);
    expect(world.fake.messages(world.fake.imId(JONAS.id)).filter((m) => m.text.includes('Dine data fra Lederrum'))).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatchObject({ completed: true, dmUser: JONAS.id, channel: world.fake.imId(JONAS.id) });
      expect(file.content).toContain('Quokka-travlhed i budgettet.');
      expect(file.content).not.toContain('Mias-egen-uge');
    }
    const [jsonFile, mdFile] = files as [(typeof files)[0], (typeof files)[0]];
    expect(jsonFile.filename).toMatch(/^lederrum-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exportSchema.parse(JSON.parse(jsonFile.content!)).checkins.answers).toHaveLength(1);
    expect(mdFile.filename).toMatch(/\.md$/);
    expect(mdFile.content).toContain('# Dine data i Lederrum');
    // Nothing went into the channel.
    expect(world.fake.messages(CHANNEL)).toHaveLength(posted);
  });

  it('says to reinstall when the workspace installed Lederrum before files:write, and sends nothing', async () => {
    const { responseUrl } = await world.slash(JONAS, 'mine data');
    const button = world.buttonsOf((await world.responseTo(responseUrl)).body).find((b) => b.action_id.startsWith('mydata.file'))!;
    const before = world.fake.files().length;
    world.fake.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    const pressed = await world.press(JONAS, button);
    const told = world.textOf([(await world.responseTo(pressed.responseUrl)).body]);
    expect(told).toContain('installere Lederrum igen');
    expect(told).not.toContain('missing_scope');
    expect(world.fake.files()).toHaveLength(before);
  });

  it('tells someone with nothing stored so, privately, with no links and no button', async () => {
    const { responseUrl } = await world.slash(OUTSIDER, 'mine data', world.fake.imId(OUTSIDER.id));
    const reply = (await world.responseTo(responseUrl)).body as { response_type: string; blocks: unknown[] };
    expect(reply.response_type).toBe('ephemeral');
    expect(world.textOf(reply.blocks)).toContain('Lederrum gemmer intet om dig');
    expect(world.textOf(reply.blocks)).not.toContain('/me/');
    expect(world.buttonsOf(reply)).toEqual([]);
  });
});
