// Charts as pictures in Slack (issue 19, point 2), through Bolt and the Web API fake, behind a
// public HTTPS address as in production: HR closes a poll shared with the group, and both the
// results HR gets and the total posted to the channel carry an image block per question chart,
// which Slack (the fake) accepts; the picture is served by the app at the linked path. Without a
// public address (only the playground's local one) the same results go out with the charts as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JONAS, MIA, SARA, TEAM, setUpGroup, startSlackWorld, type SlackPerson, type SlackWorld } from './harness.ts';
import { blockProblems } from './block-kit-limits.ts';
import { pngSize } from '../support/png.ts';

const PUBLIC = 'https://lederrum.example.org/';
const HIDDEN = '– (skjult for at beskytte enkeltes svar)';
type SlackImage = { type: 'image'; image_url: string; alt_text: string; title: { text: string } };

const imagesIn = (blocks: unknown[] | undefined) => (blocks ?? []).filter((b): b is SlackImage => (b as { type: string }).type === 'image');

/** Mia, HR, sends a poll of one agree-scale question to the group, shared with it; all three answer "Enig"; she closes it now. */
async function closedPoll(world: SlackWorld): Promise<{ responseUrl: string }> {
  const granted = await world.slash(MIA, 'hr tildel Mia Holm', `D${MIA.id}`);
  await world.responseTo(granted.responseUrl);
  await world.slash(MIA, 'måling', `D${MIA.id}`);
  const form = await world.nextForm(MIA);
  const group = await world.app.database.prisma.group.findFirstOrThrow();
  const values = {
    title: 'Puls',
    template: 'own',
    questions: 'enig: Jeg har overskud i hverdagen',
    audience: [group.id],
    opens: 'nu',
    closes: 'om 1 uge',
    reminders: '0',
    threshold: '3',
    continues: 'new',
    share: true,
  };
  expect((await world.submit(MIA, form, values)).json.response_action).toBe('update');
  for (const person of [MIA, JONAS, SARA] as SlackPerson[]) {
    const dm = world.fake.imId(person.id);
    const invitation = await world.fake.waitFor(() => world.fake.messages(dm).find((m) => m.text.includes('Kort måling')));
    const answer = world.buttonsOf(invitation).find((b) => b.action_id.startsWith('poll.answer'))!;
    await world.press(person, answer, { channel: dm, messageTs: invitation.ts });
    await world.submit(person, await world.nextForm(person), { q0: '4' });
  }
  const list = await world.slash(MIA, 'målinger', `D${MIA.id}`);
  const close = world.buttonsOf((await world.responseTo(list.responseUrl)).body).find((b) => b.action_id.startsWith('poll.close_now'))!;
  const pressed = await world.press(MIA, close, { channel: `D${MIA.id}` });
  return { responseUrl: pressed.responseUrl };
}

describe('chart pictures in Slack behind a public address', () => {
  let world: SlackWorld;
  beforeAll(async () => {
    world = await startSlackWorld({ env: { ADMINS: `slack:${TEAM}:${MIA.id}`, PUBLIC_URL: PUBLIC } });
    await setUpGroup(world);
  }, 60_000);
  afterAll(async () => world?.close());

  it("shows HR and the group an image block of the question's chart, served by the app", async () => {
    const { responseUrl } = await closedPoll(world);
    const reply = (await world.responseTo(responseUrl)).body as { blocks: unknown[] };
    expect(blockProblems(reply.blocks, 50)).toEqual([]);
    const [image] = imagesIn(reply.blocks);
    expect(image).toBeDefined();
    expect(image!.image_url.startsWith(`${PUBLIC}charts/`)).toBe(true);
    // All three answered alike, which would tell each one's answer: every cell and the mean are hidden, in the picture's words too.
    expect(image!.title.text).toBe(`Jeg har overskud i hverdagen · 3 svar · Gennemsnit: ${HIDDEN}`);
    expect(image!.alt_text).toContain(`Enig: ${HIDDEN}; Helt enig: ${HIDDEN}.`);
    expect(image!.alt_text).not.toMatch(/\b3, 100 %/);
    // The total, shared with the group, is posted to the channel with its picture; Slack accepted it.
    const posted = await world.fake.waitFor(() => world.channelPosts().find((m) => world.textOf(m.blocks).includes('Resultater: Puls')));
    const [shared] = imagesIn(posted.blocks);
    expect(shared!.alt_text).toBe(image!.alt_text);
    expect(world.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.error !== undefined)).toEqual([]);
    // Behind the proxy the public path reaches the app: a PNG of the chart at twice its size.
    const picture = await fetch(new URL(new URL(shared!.image_url).pathname, world.app.url));
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await picture.arrayBuffer())).width).toBe(1280);
  });
});

describe('chart pictures in Slack without a public address', () => {
  let world: SlackWorld;
  beforeAll(async () => {
    // The playground on too: its local http:// address is where links point, and Slack could not fetch a picture there.
    world = await startSlackWorld({ env: { ADMINS: `slack:${TEAM}:${MIA.id}`, PLAYGROUND: 'on' } });
    await setUpGroup(world);
  }, 60_000);
  afterAll(async () => world?.close());

  it('shows the charts as text, and the message goes out', async () => {
    const { responseUrl } = await closedPoll(world);
    const reply = (await world.responseTo(responseUrl)).body as { blocks: unknown[] };
    expect(imagesIn(reply.blocks)).toEqual([]);
    expect(world.textOf(reply.blocks)).toContain(`Enig                     ${HIDDEN}`);
    const posted = await world.fake.waitFor(() => world.channelPosts().find((m) => world.textOf(m.blocks).includes('Resultater: Puls')));
    expect(imagesIn(posted.blocks)).toEqual([]);
    expect(world.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.error !== undefined)).toEqual([]);
    expect(world.textOf(posted.blocks)).toContain(`Helt enig                ${HIDDEN}`);
  });
});
