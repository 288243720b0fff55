// A group agreement proposed in Slack, through Bolt and the Web API fake (issue 20 point 6c): the
// channel post carries "Vi er med" and "Ikke for os"; the proposer is told the others answer; the
// first other member's answer edits the post to say how the group answered, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, setUpGroup, startSlackWorld, type SlackWorld } from './harness.ts';

const TEXT = 'Vi holder fem minutters luft mellem møderne';
let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

describe('a group agreement proposed in Slack', () => {
  it('is answered for the group by the first other member, in the channel post', async () => {
    await world.slash(JONAS, 'aftale gruppe');
    const form = await world.nextForm(JONAS);
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    const ack = await world.submit(JONAS, form, { kind: 'group', text: TEXT, group: group.id, visibility: 'group', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' });
    expect(world.textOf(ack.json.view.blocks)).toContain('som forslag');

    const post = await world.fake.waitFor(() => world.channelPosts().find((m) => m.text.includes(TEXT)));
    expect(post.text).toContain('foreslået af Jonas Berg');
    const buttons = world.buttonsOf(post);
    expect(buttons.map((b) => b.text.text)).toEqual(['Vi er med', 'Ikke for os']);
    const [accept, decline] = buttons as [(typeof buttons)[0], (typeof buttons)[0]];

    const own = await world.press(JONAS, accept, { messageTs: post.ts });
    expect(JSON.stringify((await world.responseTo(own.responseUrl)).body)).toContain('Du har selv foreslået aftalen');

    const yes = await world.press(SARA, accept, { messageTs: post.ts });
    expect(JSON.stringify((await world.responseTo(yes.responseUrl)).body)).toContain('nu er det en aftale i Ledergruppen Nord');
    const edited = await world.fake.waitFor(() => world.fake.messages(CHANNEL).find((m) => m.ts === post.ts && m.text.includes('Aftalt')));
    expect(edited.text).toContain('Aftalt – Sara Lund sagde ja for gruppen.');
    expect(world.buttonsOf(edited)).toEqual([]);

    const late = await world.press(MIA, decline, { messageTs: post.ts });
    expect(JSON.stringify((await world.responseTo(late.responseUrl)).body)).toContain('Gruppen har allerede svaret: Aftalt – Sara Lund sagde ja');
    expect(await world.app.database.prisma.agreement.findFirstOrThrow({ where: { text: TEXT } })).toMatchObject({ decision: 'accepted', status: 'active' });
  });
});
