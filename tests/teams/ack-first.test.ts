// Teams is answered before any reply is sent (ARCHITECTURE rule 5): a reply the Bot Connector
// throttles for 20 s no longer holds the inbound request (Teams waits 15 s, then retries or gives
// up); the reply still goes out afterwards, one conversation's turns keep their order, other
// conversations are not held up, and a turn whose reply fails for good is logged, nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postActivity } from '../support/fake-teams/index.ts';
import { executeInvoke, JONAS, MIA, OLE, SARA, personalChatId, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

const HELP = 'Lederrum – tjek-ind for ledergrupper';
let world: TeamsWorld;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Closing waits for running turns at most 300 ms: the one throttled for 20 s is left behind.
  world = await startTeamsWorld({ teamsTuning: { drainMs: 300 } });
  for (const member of [MIA, JONAS, SARA]) await world.openPersonalChat(member);
}, 60_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  if (!world) return;
  await world.app.close();
  expect(world.app.logger.lines.some((l) => l.message.includes('left behind'))).toBe(true);
  // The fake stays until the throttled turn has sent its reply, so that reply lands nowhere else.
  void world.app.settled().finally(() => world.fake.close());
});

/** Posts as the Bot Connector does, timing the answer; the turn is not waited for. */
async function timedPost(activity: any) {
  const started = Date.now();
  const answer = await postActivity(world.endpoint, activity);
  return { ...answer, ms: Date.now() - started, started };
}

const repliesTo = (conversationId: string, activityId: string) => world.fake.recorded.filter((r) => r.op === 'reply' && r.conversationId === conversationId && r.replyToId === activityId);

describe('acknowledging first', () => {
  it('answers at once while the reply waits out a 20 s Retry-After, and other conversations go on meanwhile', async () => {
    world.fake.failNext('post', { status: 429, retryAfterSeconds: 20 });
    const throttled = world.message(MIA, 'hjælp');
    const answer = await timedPost(throttled);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(3_000);
    // The reply was tried, refused with Retry-After: 20, and waits.
    await world.fake.waitFor(() => repliesTo(personalChatId(MIA), throttled.id).some((r) => r.status === 429));
    expect(repliesTo(personalChatId(MIA), throttled.id).filter((r) => r.status < 300)).toEqual([]);

    // Jonas is answered in his own chat while Mia's reply still waits.
    const other = world.message(JONAS, 'hjælp');
    expect((await timedPost(other)).ms).toBeLessThan(3_000);
    const reply = await world.fake.waitFor(() => repliesTo(personalChatId(JONAS), other.id).find((r) => r.status === 201));
    expect(textOf(reply.activity)).toContain(HELP);
    expect(repliesTo(personalChatId(MIA), throttled.id).filter((r) => r.status < 300)).toEqual([]);
  }, 15_000);

  it("sends a throttled reply once Teams allows, and keeps one conversation's turns in arrival order", async () => {
    // What Sara's chat held before (her welcome when it was opened) is not part of this.
    const before = world.fake.sent(personalChatId(SARA)).length;
    const saraSent = () => world.fake.sent(personalChatId(SARA)).slice(before);
    world.fake.failNext('post', { status: 429, retryAfterSeconds: 1 });
    const first = world.message(SARA, 'hjælp');
    const second = world.message(SARA, 'help');
    const answers = [await timedPost(first), await timedPost(second)];
    for (const answer of answers) expect([answer.status, answer.ms < 3_000]).toEqual([200, true]);
    expect(saraSent()).toEqual([]);

    // (Not world.settled(): Mia's reply still waits out its 20 s.)
    const replies = await world.fake.waitFor(() => saraSent().length >= 2 && saraSent());
    // The second message's reply waited for the first's, though only the first was throttled.
    expect(replies.map((r) => r.replyToId)).toEqual([first.id, second.id]);
    const refused = repliesTo(personalChatId(SARA), first.id).find((r) => r.status === 429)!;
    expect(replies[0]!.at - refused.at).toBeGreaterThanOrEqual(900);
    expect(replies[0]!.at).toBeGreaterThan(answers[1]!.started);
  }, 15_000);

  it('logs a turn whose reply fails for good, and keeps serving', async () => {
    // Ole's personal chat does not exist in Teams: the reply gets 404 ConversationNotFound.
    const lost = world.message(OLE, 'hjælp');
    expect((await timedPost(lost)).status).toBe(200);
    const failed = await world.fake.waitFor(() => world.app.logger.lines.find((l) => l.level === 'error' && l.message === 'teams turn failed'));
    expect(failed.fields?.['error']).toMatch(/not found/i);
    expect(repliesTo(personalChatId(OLE), lost.id).map((r) => r.status)).toEqual([404]);

    expect((await fetch(`${world.app.url}healthz`)).status).toBe(200);
    const next = world.message(JONAS, 'hjælp');
    await timedPost(next);
    await world.fake.waitFor(() => repliesTo(personalChatId(JONAS), next.id).find((r) => r.status === 201));
    expect(unhandled).toEqual([]);
  }, 15_000);

  it('still answers an invoke from its turn: Teams reads the invoke response in the HTTP answer', async () => {
    // Lederrum's cards use Action.Submit (a message); an Action.Execute invoke has no handler.
    const invoke = executeInvoke(world.fake, MIA);

    const answer = await timedPost(invoke);
    expect(answer.status).toBe(501);
  });
});
