// A group is a channel: its members follow the channel's, and each member's language and time
// zone come from their Slack profile until they choose their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, TEAM, setUpGroup, startSlackWorld, type SlackWorld } from './harness.ts';

const EMMA = { id: 'UEMMA', name: 'Emma Wood' };
let world: SlackWorld;

beforeAll(async () => {
  world = await startSlackWorld();
  world.fake.addUser({ id: EMMA.id, teamId: TEAM, name: 'emma', realName: EMMA.name, tz: 'America/New_York', locale: 'en-US' });
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

async function memberNames(): Promise<string[]> {
  const rows = await world.app.database.prisma.membership.findMany({ where: { leftAt: null }, include: { user: true } });
  return rows.map((r) => r.user.displayName).sort();
}

describe('members follow the channel', () => {
  it('adds a person who joins the channel and removes one who leaves, once each even when Slack retries', async () => {
    const joined = { type: 'member_joined_channel', user: EMMA.id, channel: CHANNEL, channel_type: 'G', team: TEAM };
    await world.event(joined, { eventId: 'EvJOIN1' });
    await expect.poll(memberNames).toContain(EMMA.name);
    await world.event(joined, { eventId: 'EvJOIN1', retryNum: 1 });
    expect(await world.app.database.prisma.membership.count({ where: { user: { displayName: EMMA.name } } })).toBe(1);

    // Slack lists the channel without Jonas once he has left (the add form offers the channel's members not in the group).
    world.fake.removeFromChannel(CHANNEL, JONAS.id);
    await world.event({ type: 'member_left_channel', user: JONAS.id, channel: CHANNEL, channel_type: 'G', team: TEAM }, { eventId: 'EvLEFT1' });
    await expect.poll(memberNames).toEqual(['Emma Wood', 'Mia Holm', 'Sara Lund']);
  });

  it('ignores other bots joining the channel', async () => {
    await world.event({ type: 'member_joined_channel', user: 'UOTHERBOT', channel: CHANNEL, channel_type: 'G', team: TEAM }, { eventId: 'EvBOT1' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await memberNames()).not.toContain('Other Bot');
  });

  it('tells the facilitator that membership follows the channel when they try to add people by hand', async () => {
    await world.slash(MIA, 'gruppe tilføj');
    const shown = await world.fake.waitFor(() => [...world.fake.views.values()].find((v) => v.userId === MIA.id && JSON.stringify(v.view.blocks).includes('følger gruppen samtalens medlemmer')));
    expect(shown.view.type).toBe('modal');
    expect(shown.view.callback_id).not.toBe('lederrum_form');
  });
});

describe('language and time zone from the Slack profile', () => {
  it("takes a member's tz and locale from Slack, and keeps their own choice over the profile", async () => {
    const person = () => world.app.database.prisma.user.findFirstOrThrow({ where: { externalId: `${TEAM}:${EMMA.id}` } });
    expect(await person()).toMatchObject({ timeZone: 'America/New_York', locale: 'en' });

    const chose = await world.slash(EMMA, 'sprog da');
    expect((await world.responseTo(chose.responseUrl)).body.text).toBe('Jeg skriver på dansk til dig fra nu af.');
    const zone = await world.slash(EMMA, 'timezone Europe/London');
    expect((await world.responseTo(zone.responseUrl)).body.text).toContain('Europe/London');
    // Her next event carries her Slack profile (still en-US, New York): her choices stand.
    await world.slash(EMMA, 'hjælp');
    expect(await person()).toMatchObject({ timeZone: 'Europe/London', locale: 'da', localeChosen: true, timeZoneChosen: true });

    const auto = await world.slash(EMMA, 'language auto');
    expect((await world.responseTo(auto.responseUrl)).body.text).toBe('I follow your profile again.');
    await world.responseTo((await world.slash(EMMA, 'tidszone auto')).responseUrl);
    await world.responseTo((await world.slash(EMMA, 'help')).responseUrl);
    expect(await person()).toMatchObject({ timeZone: 'America/New_York', locale: 'en', localeChosen: false, timeZoneChosen: false });
  });
});
