// Acks that never wait (issue 18 point 3), in Teams: turns run in the bounded work queue and keep
// one conversation's order; below the limit nothing is lost, beyond it a message gets "busy, try
// again" in the sender's language through the Bot Connector and an invoke a busy invoke response.
// The queue is held full by the test, not by timing. (A full queue and a request without a valid
// token: tests/teams/security.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postActivity } from '../support/fake-teams/index.ts';
import { holdWork } from '../support/work-gate.ts';
import { executeInvoke, JONAS, MIA, SARA, personalChatId, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

const BUSY_DA = 'Lederrum har travlt lige nu – prøv igen om et øjeblik.';
const BUSY_EN = 'Lederrum is busy right now – try again in a moment.';
const HELP_DA = 'Lederrum – tjek-ind for ledergrupper';
const HELP_EN = 'Lederrum – check-ins for leadership groups';
const LIMIT = 4;

let world: TeamsWorld;

beforeAll(async () => {
  world = await startTeamsWorld({ env: { WORK_CONCURRENCY: '1', WORK_QUEUE_LIMIT: String(LIMIT) } });
  for (const member of [MIA, JONAS, SARA]) await world.openPersonalChat(member);
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const repliesIn = (member: typeof MIA) => world.fake.sent(personalChatId(member));
const post = (activity: unknown) => postActivity(world.endpoint, activity);

describe('a full work queue in Teams', () => {
  it("keeps every message below the limit, in each conversation's order, and answers the one beyond it with 'busy'", async () => {
    const gate = holdWork(world.app.work, 1);
    const first = world.message(MIA, 'hjælp');
    const second = world.message(MIA, 'help');
    const other = world.message(JONAS, 'hjælp');
    for (const activity of [first, second, other]) expect((await post(activity)).status).toBe(200);
    expect(world.app.work.depth).toBe(LIMIT);

    const beyond = world.message(SARA, 'hjælp');
    expect((await post(beyond)).status).toBe(200);
    const busy = await world.fake.waitFor(() => repliesIn(SARA).find((r) => r.replyToId === beyond.id));
    expect(textOf(busy.activity)).toContain(BUSY_DA);
    expect([repliesIn(MIA), repliesIn(JONAS)].flat().filter((r) => [first.id, second.id, other.id].includes(r.replyToId ?? ''))).toEqual([]);

    gate.release();
    await world.settled();
    const mias = repliesIn(MIA).filter((r) => r.replyToId === first.id || r.replyToId === second.id);
    expect(mias.map((r) => r.replyToId)).toEqual([first.id, second.id]);
    expect(mias.map((r) => textOf(r.activity).includes(HELP_DA))).toEqual([true, true]);
    expect(textOf(repliesIn(JONAS).find((r) => r.replyToId === other.id)!.activity)).toContain(HELP_DA);
    expect(world.app.work.depth).toBe(0);
  });

  it('says it in English to a person whose Teams is in English, and answers an invoke with a busy response', async () => {
    const gate = holdWork(world.app.work, LIMIT);
    const english = { ...world.message(JONAS, 'help'), locale: 'en-US' };
    expect((await post(english)).status).toBe(200);
    const busy = await world.fake.waitFor(() => repliesIn(JONAS).find((r) => r.replyToId === english.id));
    expect(textOf(busy.activity)).toContain(BUSY_EN);

    const invoke = executeInvoke(world.fake, MIA);

    const answer = await post({ ...invoke, locale: 'da-DK' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: BUSY_DA });

    const refused = world.app.logger.lines.filter((l) => l.message === 'teams request refused: the work queue is full');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const line of refused) expect(Object.keys(line.fields ?? {}).sort()).toEqual(['depth', 'limit', 'type']);

    gate.release();
    await world.settled();
    const after = world.message(JONAS, 'help');
    await post({ ...after, locale: 'en-US' });
    await world.settled();
    expect(textOf(repliesIn(JONAS).find((r) => r.replyToId === after.id)!.activity)).toContain(HELP_EN);
  });
});
