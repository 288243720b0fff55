// Payloads Lederrum has no listener for, sent through Bolt's HTTP receiver as Slack sends them
// (issue 20 point 6b): each is acknowledged at once with 200, not after Bolt's 3 s wait with a
// 404, and logged at debug, never as an error. What Lederrum handles still reaches it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSuggestion, globalShortcut, messageShortcut, otherViewSubmission, postSigned, slashCommand, viewClosed } from '../support/fake-slack/index.ts';
import { CHANNEL, MIA, SECRET, TEAM, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
}, 60_000);
afterAll(async () => world?.close());

const who = { teamId: TEAM, userId: MIA.id, userName: 'mia' };
const interaction = (payload: Record<string, unknown>) => ({ form: { payload: JSON.stringify(payload) } });

describe('payloads Lederrum does not handle', () => {
  it.each<[string, () => { json?: unknown; form?: Record<string, string> }]>([
    ['a global shortcut', () => interaction(globalShortcut(who, world.fake.newTrigger(MIA.id)))],
    ['a message shortcut', () => interaction(messageShortcut(who, CHANNEL, world.fake.newTrigger(MIA.id), world.fake.newResponseUrl({ userId: MIA.id, channel: CHANNEL })))],
    ['a modal closed', () => interaction(viewClosed(who, 'lederrum_form'))],
    ['an options request', () => interaction(blockSuggestion(who))],
    ['another app’s modal submitted', () => interaction(otherViewSubmission(who, world.fake.newTrigger(MIA.id)))],
    [
      'another slash command',
      () => ({
        form: slashCommand({
          teamId: TEAM,
          channelId: CHANNEL,
          channelName: 'privategroup',
          userId: MIA.id,
          userName: 'mia',
          text: '',
          triggerId: world.fake.newTrigger(MIA.id),
          responseUrl: world.fake.newResponseUrl({ userId: MIA.id, channel: CHANNEL }),
          command: '/andet',
        }),
      }),
    ],
  ])('acknowledges %s at once and logs it at debug', async (_label, body) => {
    const before = world.app.logger.lines.length;
    const started = performance.now();
    const response = await postSigned(world.eventsUrl, SECRET, body());
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1500);
    const lines = world.app.logger.lines.slice(before);
    expect(lines.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
    expect(lines.some((l) => l.level === 'debug' && l.message.includes('not handled by Lederrum'))).toBe(true);
  });

  it('logs an event it has no listener for at debug, and still answers the ones it has', async () => {
    const before = world.app.logger.lines.length;
    expect(
      (await world.event({ type: 'reaction_added', user: MIA.id, reaction: 'thumbsup', item: { type: 'message', channel: CHANNEL, ts: '1700000000.000100' }, event_ts: '1700000300.000001' })).status,
    ).toBe(200);
    await world.fake.waitFor(() => world.app.logger.lines.slice(before).find((l) => l.level === 'debug' && l.fields?.['kind'] === 'event reaction_added'));
    await world.event({ type: 'app_mention', user: MIA.id, text: `<@${world.fake.team().botUserId}> hjælp`, channel: CHANNEL, ts: '1700000301.000001' });
    await world.fake.waitFor(() => world.fake.ephemerals.find((e) => e.user === MIA.id && e.text.includes('hjælp')));
    expect(world.app.logger.lines.slice(before).filter((l) => l.level === 'error')).toEqual([]);
  });
});
