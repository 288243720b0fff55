// Nothing is too big to send, in Teams, through the real botbuilder stack against the fake Bot
// Connector (which answers 413 MessageSizeTooBig past 28 KB as Teams does): ten members each share
// a 3,000-character takeaway, the summary arrives as several activities in order holding all ten,
// one member deletes their data and every part is updated; and the deliverer updates a split post
// into a shorter and a longer message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage, type Block } from '../../src/core/index.ts';
import type { FakeTeamsMember, RecordedActivity } from '../support/fake-teams/index.ts';
import { JONAS, MIA, SARA, TEAM, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

const ROOM = '19:store-gruppe@thread.tacv2';
const OTHERS: FakeTeamsMember[] = ['Anna', 'Bo', 'Carl', 'Dea', 'Emil', 'Frida', 'Gorm'].map((name) => ({
  id: `29:${name.toLowerCase()}`,
  aadObjectId: `aad-${name.toLowerCase()}`,
  name: `${name} Hansen`,
}));
const TEN = [MIA, JONAS, SARA, ...OTHERS];
const TEAMS_LIMIT = 28 * 1024;

const takeawayOf = (i: number) => {
  let text = `MARK${i}START `;
  for (let n = 0; text.length < 3000; n++) text += `læring${i}x${n} `;
  return text.slice(0, 3000);
};

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
  for (const member of OTHERS) world.fake.addConversation({ id: personalChatId(member), type: 'personal', members: [member] });
  world.addChannel({ id: ROOM, teamId: TEAM, name: 'Store Gruppe', channelType: 'private' }, TEN);
  await setUpGroup(world, TEN, ROOM, 'Store Gruppe');
}, 60_000);
afterAll(async () => world?.close());

/** Every text a recorded activity shows, in order: its text, or its card's TextBlocks. */
function textsOf(activity: any): string[] {
  if (typeof activity?.text === 'string') return [activity.text];
  return (activity?.attachments?.[0]?.content?.body ?? []).filter((e: any) => e.type === 'TextBlock').map((e: any) => String(e.text));
}
/** Top-level posts to the room recorded from position `from` on. */
const topLevel = (from: number) => world.fake.recorded.slice(from).filter((r) => r.conversationId === ROOM && (r.op === 'send' || r.op === 'reply'));

async function answer(member: FakeTeamsMember, round: RecordedActivity, text: string) {
  const started = Date.now();
  const button = actionsOf(round.activity).find((a) => a.data.action === 'round.answer')!;
  await world.submit(member, { conversationId: ROOM, replyToId: round.activityId }, button.data);
  const form = await world.fake.waitFor(() =>
    world.fake
      .sent(personalChatId(member))
      .filter((r) => r.op !== 'update' && r.at >= started && textOf(r.activity).includes('Dit svar'))
      .at(-1),
  );
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  await world.submit(member, { conversationId: personalChatId(member), replyToId: form.activityId }, submit.data, { answer: text, pass: 'false', share: 'true' });
  await world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === form.activityId && r.at >= started));
}

let summary: RecordedActivity[] = [];

describe('a summary too big for one Teams activity', () => {
  it('arrives as several activities in order, all ten takeaways present, none refused', async () => {
    await world.say(MIA, 'tjekind start', ROOM);
    await world.fake.waitFor(() => world.fake.sent(ROOM).find((r) => textOf(r.activity).includes('Tjek-ind #1 · Siden sidst')));
    await world.say(MIA, 'tjekind afrunding', ROOM);
    const takeAway = await world.fake.waitFor(() => world.fake.sent(ROOM).find((r) => r.op !== 'update' && textOf(r.activity).includes('Tjek-ind #1 · Hvad tager jeg med mig?')));
    for (const [i, member] of TEN.entries()) await answer(member, takeAway, takeawayOf(i));
    const closed = world.fake.recorded.length;
    await world.say(MIA, 'tjekind afslut', ROOM);

    summary = await world.fake.waitFor(() => {
      // The summary's parts are cards whose notification names it (the command may get its own answer too).
      const posted = topLevel(closed).filter((r) => String(r.activity?.summary ?? '').startsWith('Tjek-ind #1 er afsluttet'));
      return posted.some((r) => textsOf(r.activity).includes('Tak for i dag.')) ? posted : undefined;
    }, 20_000);
    expect(summary.map((r) => r.status)).toEqual(summary.map(() => 201));
    expect(world.fake.recorded.filter((r) => r.status === 413)).toEqual([]);
    expect(summary.length).toBeGreaterThan(1);
    for (const part of summary) expect(Buffer.byteLength(JSON.stringify(part.activity))).toBeLessThan(TEAMS_LIMIT);
    expect(summary[0]!.activity.summary).toContain('Tjek-ind #1 er afsluttet');
    expect(summary.at(-1)!.activity.summary).toBe(`Tjek-ind #1 er afsluttet (${summary.length}/${summary.length})`);
    const all = summary.flatMap((r) => textsOf(r.activity));
    expect(all[0]).toBe('Tjek-ind #1 er afsluttet');
    const takeaways = all.filter((t) => t.startsWith('MARK'));
    expect(takeaways).toEqual(TEN.map((_, i) => takeawayOf(i)));
    expect(all.filter((t) => TEN.some((m) => m.name === t))).toEqual(TEN.map((m) => m.name));
  }, 90_000);

  it('updates every part when a member deletes their data, so their words are gone from all of them', async () => {
    const asked = Date.now();
    await world.say(JONAS, 'slet mine data');
    const ask = await world.fake.waitFor(() =>
      world.fake
        .sent(personalChatId(JONAS))
        .filter((r) => r.op !== 'update' && r.at >= asked && textOf(r.activity).includes('Slet dine data'))
        .at(-1),
    );
    const confirm = actionsOf(ask.activity).find((a) => a.data.action === 'forget.confirm')!;
    const pressed = Date.now();
    await world.submit(JONAS, { conversationId: personalChatId(JONAS), replyToId: ask.activityId }, confirm.data);
    const lastUpdate = (id: string) => world.fake.recorded.filter((r) => r.op === 'update' && r.activityId === id && r.at >= pressed && r.status === 200).at(-1);
    const edits = await world.fake.waitFor(() => {
      const found = summary.map((r) => lastUpdate(r.activityId));
      return found.every(Boolean) ? (found as RecordedActivity[]) : undefined;
    }, 20_000);
    for (const edit of edits) {
      expect(textOf(edit.activity)).not.toContain('MARK1START');
      expect(textOf(edit.activity)).not.toContain('Jonas');
    }
    const left = edits.flatMap((r) => textsOf(r.activity)).filter((t) => t.startsWith('MARK'));
    expect(left).toEqual(TEN.map((_, i) => takeawayOf(i)).filter((_, i) => i !== 1));
  }, 60_000);
});

describe('updating a split post', () => {
  const to = { platform: 'teams' as const, conversationId: ROOM };
  const big = (n: number, word: string): Block[] => Array.from({ length: n }, (_, i) => ({ type: 'section', title: `${word} ${i}`, text: `${word}${i} `.repeat(1000) }));

  it("sends each part, replies in the first one's thread, and updates a shorter message into the first part, dashing the rest", async () => {
    const posted = world.fake.recorded.length;
    const ref = await world.app.deliverer.post(to, { text: 'Lang', blocks: big(6, 'gammel') });
    const refs = ref.split(' ');
    expect(refs.length).toBeGreaterThan(1);
    // Proactive posts reach the fake as POST …/activities or …/activities/{id}, depending on the reference.
    expect(world.fake.recorded.slice(posted).map((r) => [r.op === 'send' || r.op === 'reply', r.conversationId, r.activityId])).toEqual(refs.map((id) => [true, ROOM, id]));

    await world.app.deliverer.post(to, textMessage('svar i tråden'), { threadOf: ref });
    expect(world.fake.recorded.at(-1)).toMatchObject({ conversationId: `${ROOM};messageid=${refs[0]}`, status: 201 });

    const mark = world.fake.recorded.length;
    await world.app.deliverer.update(to, ref, {
      text: 'Kort',
      blocks: [
        { type: 'header', text: 'Kort' },
        { type: 'text', text: 'ny' },
      ],
    });
    const edits = refs.map(
      (id) =>
        world.fake.recorded
          .slice(mark)
          .filter((r) => r.op === 'update' && r.activityId === id)
          .at(-1)!,
    );
    expect(edits.map((r) => r.status)).toEqual(refs.map(() => 200));
    expect(textsOf(edits[0]!.activity)).toEqual(['Kort', 'ny']);
    for (const edit of edits.slice(1)) expect(edit.activity.text).toBe('—');
    expect(edits.some((r) => textOf(r.activity).includes('gammel'))).toBe(false);
  });

  it('updates a longer message into every part and sends the parts it needs more, in order', async () => {
    const ref = await world.app.deliverer.post(to, { text: 'Mellem', blocks: big(4, 'før') });
    const refs = ref.split(' ');
    // By position in the record, not by clock: a post and an update can share a millisecond.
    const mark = world.fake.recorded.length;
    await world.app.deliverer.update(to, ref, { text: 'Længere', blocks: big(12, 'efter') });
    const since = world.fake.recorded.slice(mark).filter((r) => r.conversationId === ROOM);
    const edits = refs.map((id) => since.filter((r) => r.op === 'update' && r.activityId === id).at(-1)!);
    const added = since.filter((r) => r.op === 'send' || r.op === 'reply');
    expect(since).toHaveLength(refs.length + added.length);
    expect(added.length).toBeGreaterThan(0);
    const parts = [...edits, ...added];
    expect(parts.map((r) => r.status)).toEqual(parts.map((r) => (r.op === 'update' ? 200 : 201)));
    const titles = parts.flatMap((r) => textsOf(r.activity)).filter((t) => t.startsWith('efter '));
    expect(titles).toEqual(Array.from({ length: 12 }, (_, i) => `efter ${i}`));
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part.activity))).toBeLessThan(TEAMS_LIMIT);
  });
});
