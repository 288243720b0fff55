// "mine data" in Teams, through the real botbuilder stack against the fake Bot Connector: Jonas
// asks in the group's channel; the summary with its two links comes in his personal chat, the
// channel gets nothing, and there is no "send as files" button (file consent cards are not built:
// Teams gets links only). Ole, who has no personal chat with Lederrum, asking in the channel gets
// only the pointer to open one, never the summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, OLE, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';
import { exportSchema } from '../../src/core/people/export-schema.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ env: { PUBLIC_URL: 'https://lederrum.example.org/' } });
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

const channelText = () =>
  world.fake
    .sent(CHANNEL)
    .map((r) => textOf(r.activity))
    .join('\n');

describe('my data in Teams', () => {
  it('answers Jonas in his personal chat with links, and puts nothing in the channel', async () => {
    const before = world.fake.sent(CHANNEL).length;
    const asked = Date.now();
    await world.say(JONAS, 'mine data', 'channel');
    const card = await world.fake.waitFor(() => world.fake.sent(personalChatId(JONAS)).find((r) => r.at >= asked && textOf(r.activity).includes('Dine data i Lederrum')));
    const text = textOf(card.activity);
    expect(text).toContain('Grupper og din rolle i dem: 1');
    expect(text).toContain('send det ikke videre');
    expect(actionsOf(card.activity).filter((a) => a.data?.action === 'mydata.file')).toEqual([]);
    expect(world.fake.sent(CHANNEL)).toHaveLength(before);

    const path = /https:\/\/lederrum\.example\.org\/(me\/[^\s")\]]+\/data\.json)/.exec(text)?.[1];
    expect(path).toBeDefined();
    const download = await fetch(new URL(path!, world.app.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('cache-control')).toBe('no-store');
    const doc = exportSchema.parse(await download.json());
    expect(doc.person).toMatchObject({ name: 'Jonas Berg', platform: 'teams', platformId: JONAS.id });
    expect(doc.groups).toEqual([expect.objectContaining({ group: 'Ledergruppen Nord', role: 'member' })]);
    const markdown = await fetch(new URL(path!.replace('/data.json', '/data.md'), world.app.url));
    expect(await markdown.text()).toContain('# Dine data i Lederrum');
  });

  it('gives the channel only a pointer when the person has no personal chat', async () => {
    await world.say(OLE, 'mine data', 'channel');
    await world.fake.waitFor(() => channelText().includes('Ole Udenfor'));
    expect(channelText()).not.toContain('Dine data');
    expect(channelText()).not.toContain('Lederrum gemmer intet');
    expect(channelText()).not.toContain('/me/');
  });
});
