// Where a command comes from in Slack, through Bolt and the Web API fake (issue 20 point 6b): a
// private channel's group is named by the channel's own name (conversations.info), not the
// "privategroup" a slash command carries; a group DM is told to use a private channel; a mention
// in a thread is answered in that thread; HR with no group yet is told to create one first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, TEAM, startSlackWorld, type SlackWorld } from './harness.ts';

const PRIVATE = 'C0PRIVATE';
const GROUP_DM = 'C0GROUPDM';
/** A group DM Lederrum is not in: Slack's conversations.info does not find it, the command's "mpdm-" name tells. */
const OTHER_GROUP_DM = 'C0OTHERDM';
let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld({ env: { ADMINS: `slack:${TEAM}:${MIA.id}` } });
  const bot = world.fake.team().botUserId;
  world.fake.addChannel({ id: PRIVATE, name: 'ledelsen-syd', isPrivate: true, members: [MIA.id, JONAS.id, bot] });
  world.fake.addChannel({ id: GROUP_DM, name: 'mpdm-mia--jonas--sara-1', isMpim: true, members: [MIA.id, JONAS.id, SARA.id, bot] });
  world.fake.addChannel({ id: OTHER_GROUP_DM, name: 'mpdm-jonas--sara-1', isMpim: true, members: [JONAS.id, SARA.id] });
}, 60_000);
afterAll(async () => world?.close());

/** The text of the modal the person sees last, once it shows `contains`. */
const modalSaying = (userId: string, contains: string) =>
  world.fake.waitFor(() => [...world.fake.views.values()].find((v) => v.userId === userId && !v.closed && JSON.stringify(v.view.blocks).includes(contains)));

describe('where a Slack command comes from', () => {
  it('tells HR with no group yet to create one first, instead of a form Slack refuses', async () => {
    await world.slash(MIA, 'hr tildel Mia Holm', `D${MIA.id}`);
    await world.slash(MIA, 'måling', `D${MIA.id}`);
    const view = await modalSaying(MIA.id, 'Opret en gruppe først');
    expect(JSON.stringify(view.view.blocks)).toContain('`gruppe opret`');
    expect(world.fake.calls.filter((c) => c.method === 'views.update' && c.error)).toEqual([]);
  });

  it('suggests a private channel’s own name for its group, not "privategroup"', async () => {
    await world.slash(MIA, '', PRIVATE, 'privategroup');
    const form = await world.nextForm(MIA);
    const name = (form.view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>).find((b) => b.block_id === 'name');
    expect(name?.element?.initial_value).toBe('ledelsen-syd');
    expect(world.fake.calls.some((c) => c.method === 'conversations.info' && c.args['channel'] === PRIVATE)).toBe(true);
  });

  it('tells a group DM to use a private channel, by slash command and by mention', async () => {
    await world.slash(JONAS, '', OTHER_GROUP_DM, 'mpdm-jonas--sara-1');
    await modalSaying(JONAS.id, 'Opret en privat kanal til gruppen');
    await world.event({ type: 'app_mention', user: SARA.id, text: `<@${world.fake.team().botUserId}> tjekind start`, channel: GROUP_DM, ts: '1700000100.000100' });
    const told = await world.fake.waitFor(() => world.fake.ephemerals.find((e) => e.user === SARA.id && e.text.includes('gruppebesked')));
    expect(told.text).toContain('/invite @lederrum');
    expect(await world.app.database.prisma.group.count()).toBe(0);
    expect(world.fake.messages(GROUP_DM)).toEqual([]);
  });

  it('answers a mention inside a thread in that thread', async () => {
    const parent = '1700000200.000200';
    await world.event({ type: 'app_mention', user: JONAS.id, text: `<@${world.fake.team().botUserId}> hjælp`, channel: CHANNEL, ts: '1700000201.000300', thread_ts: parent });
    const answer = await world.fake.waitFor(() => world.fake.ephemerals.find((e) => e.user === JONAS.id && e.channel === CHANNEL));
    expect(answer.threadTs).toBe(parent);
  });
});
