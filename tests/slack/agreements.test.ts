// Agreements in Slack, through Bolt and the Web API fake: `/lederrum aftale` opens the form in a
// modal at once, the App Home lists the member's agreements (and not to anyone else), the
// follow-up arrives as a DM at its time with buttons that work, and an export is preformatted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/fakes.ts';
import { JONAS, MIA, setUpGroup, startSlackWorld, type SlackWorld } from './harness.ts';

const PRIVATE = 'Jeg lukker computeren kl. 17 om fredagen';
let world: SlackWorld;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-11-24T08:00:00Z'));
  world = await startSlackWorld({ clock });
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

async function homeOf(person: typeof MIA): Promise<string> {
  const before = world.fake.homes.get(person.id);
  await world.event({ type: 'app_home_opened', user: person.id, channel: `D${person.id}`, tab: 'home' });
  const home = await world.fake.waitFor(() => {
    const now = world.fake.homes.get(person.id);
    return now && now !== before ? now : undefined;
  });
  return world.textOf(home.blocks as unknown[]);
}

describe('agreements in Slack', () => {
  it('makes a private agreement from a modal opened by `/lederrum aftale`', async () => {
    await world.slash(JONAS, 'aftale', `D${JONAS.id}`);
    const form = await world.nextForm(JONAS);
    expect(world.textOf(form.view.blocks)).toContain('Forventet indsats (1-5)');
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    const ack = await world.submit(JONAS, form, { kind: 'personal', text: PRIVATE, group: group.id, visibility: 'private', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' });
    expect(ack.json.response_action).toBe('update');
    expect(world.textOf(ack.json.view.blocks)).toContain('kun du kan se den');
  });

  it('refuses a day in the past inside the modal, on its field', async () => {
    await world.slash(JONAS, 'aftale', `D${JONAS.id}`);
    const form = await world.nextForm(JONAS);
    const ack = await world.submit(JONAS, form, { kind: 'personal', text: 'Noget', visibility: 'private', follow_up: '2026-01-05', repeat: '0', effort: '2', benefit: '4' });
    expect(ack.json).toMatchObject({ response_action: 'errors' });
    expect(ack.json.errors.follow_up).toContain('allerede passeret');
    expect(await world.app.database.prisma.agreement.count()).toBe(1);
  });

  it("lists it in Jonas' App Home and in no one else's", async () => {
    expect(await homeOf(JONAS)).toContain(PRIVATE);
    expect(await homeOf(MIA)).not.toContain(PRIVATE);
  });

  it('sends the follow-up as a DM at 09:00 his time, whose Kept button asks about benefit', async () => {
    const tickAt = async (at: string) => {
      clock.advance(new Date(at).getTime() - clock.now().getTime());
      await world.app.scheduler.tick();
    };
    await tickAt('2026-12-01T07:59:00Z');
    expect(world.fake.messages(world.fake.imId(JONAS.id)).some((m) => m.text.includes(PRIVATE))).toBe(false);
    await tickAt('2026-12-01T08:00:00Z');
    const dm = await world.fake.waitFor(() => world.fake.messages(world.fake.imId(JONAS.id)).find((m) => m.text.includes(PRIVATE)));
    expect(dm.text).toContain('Opfølgning på din aftale');
    const kept = world.buttonsOf(dm).find((b) => b.action_id.startsWith('agreement.kept'))!;
    const { responseUrl } = await world.press(JONAS, kept, { channel: world.fake.imId(JONAS.id), messageTs: dm.ts });
    const reply = await world.responseTo(responseUrl);
    expect(JSON.stringify(reply.body)).toContain('Stod gavnen mål med indsatsen?');
    expect((await world.app.database.prisma.agreement.findFirstOrThrow()).status).toBe('kept');
  });

  it('exports the list as Markdown in a preformatted block', async () => {
    const { responseUrl } = await world.slash(JONAS, 'aftaler eksport markdown', `D${JONAS.id}`);
    const reply = await world.responseTo(responseUrl);
    const blocks = (reply.body as { blocks: Array<{ type: string; elements?: Array<{ elements: Array<{ text: string }> }> }> }).blocks;
    const code = blocks.find((b) => b.type === 'rich_text')!;
    expect(code.elements![0]!.elements[0]!.text).toContain(`- [x] ${PRIVATE}`);
  });
});
