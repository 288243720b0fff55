// How many SQL statements the common commands cost, pinned (issue 18 point 3: CPU per request
// for the common commands; `overblik` repeated its queries per group). A count, not a time, on
// PGlite: the same on every machine. Relations load by database joins (Prisma's relationJoins):
// one statement per read, not one per table it includes. A workspace of 3 groups × 5 members, two with a check-in open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import { countedPglite, type CountedDatabase } from '../support/counted-database.ts';
import { latestRound, openHarness, shown, type Harness } from './flow-harness.ts';

const actor = (id: string, name: string): Actor => ({ platform: 'playground', workspace: workspaceOf('playground'), externalId: id, displayName: name });
const ANNA = actor('U-anna', 'Anna');
const dm = (a: Actor): Place => ({ conversationId: `D-${a.externalId}`, kind: 'direct' });

let db: CountedDatabase;
let h: Harness;
const groups: Place[] = [];
let roundId = '';

beforeAll(async () => {
  db = await countedPglite();
  h = await openHarness({ database: db, planner: true, content: true });
  const say = (who: Actor, text: string, place: Place) => h.bot.handle({ type: 'command', actor: who, place, text });
  await say(ANNA, 'help', dm(ANNA));
  for (const n of [1, 2, 3]) groups.push(await createGroup(n));
  for (const place of groups.slice(0, 2)) await say(ANNA, 'tjekind start', place);
  roundId = latestRound(h, groups[1]!).roundId;
}, 60_000);

afterAll(async () => {
  await h?.close();
});

async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  db.reset();
  await run();
  return [...db.statements];
}

const overblik = () => h.bot.handle({ type: 'command', actor: ANNA, place: dm(ANNA), text: 'overblik' });

/** Anna creates group `n` with four new members, as a facilitator does from her private chat. */
async function createGroup(n: number): Promise<Place> {
  const say = (who: Actor, text: string, place: Place) => h.bot.handle({ type: 'command', actor: who, place, text });
  const members = [1, 2, 3, 4].map((m) => actor(`U-g${n}m${m}`, `Member ${n}.${m}`));
  for (const member of members) await say(member, 'help', dm(member));
  const people = await h.store.listPeople(workspaceOf('playground'));
  const ids = members.map((m) => people.find((p) => p.externalId === m.externalId)!.id);
  const name = `Gruppe ${n}`;
  await h.bot.handle({ type: 'form_submitted', actor: ANNA, place: dm(ANNA), formId: 'group.create', state: '', values: { name, language: 'da', time_zone: 'Europe/Copenhagen', members: ids } });
  const anna = people.find((p) => p.externalId === ANNA.externalId)!;
  const group = (await h.store.groupsOf(anna.id)).find((g) => g.name === name)!;
  return { conversationId: group.conversationId, kind: 'group' };
}

describe('SQL statements per command', () => {
  // The person; then one read: their groups with members, open rounds, whether they answered them,
  // the next planned openings and, where they facilitate, participation; their takeaways; their agreements.
  it('overblik reads its groups with their members, open rounds, planned openings and participation, takeaways and agreements at once: 2 statements for 3 groups × 5 members, and as many for 4', async () => {
    const statements = await statementsOf(async () => {
      const text = shown(await overblik());
      for (const n of [1, 2, 3]) expect(text).toContain(`Gruppe ${n}`);
    });
    expect(statements).toHaveLength(2);
    // Another group (a facilitated one without an open check-in) costs no statement more: no query per group or member.
    groups.push(await createGroup(4));
    const withFour = await statementsOf(async () => expect(shown(await overblik())).toContain('Gruppe 4'));
    expect(withFour).toHaveLength(2);
  });

  it('hjælp reads only the person', async () => {
    expect(await statementsOf(() => h.bot.handle({ type: 'command', actor: ANNA, place: dm(ANNA), text: 'hjælp' }))).toHaveLength(1);
  });

  it('hjælp in a group reads the person, the group and their membership of it in one statement, member or not', async () => {
    const member = await statementsOf(async () => expect(shown(await h.bot.handle({ type: 'command', actor: ANNA, place: groups[0]!, text: 'hjælp' }))).toContain('overblik'));
    expect(member).toHaveLength(1);
    const outsider = actor('U-outsider', 'Olga');
    await h.bot.handle({ type: 'command', actor: outsider, place: dm(outsider), text: 'hjælp' });
    expect(await statementsOf(() => h.bot.handle({ type: 'command', actor: outsider, place: groups[0]!, text: 'hjælp' }))).toHaveLength(1);
  });

  // Pressed in the group's channel, the first read already says the person is a member: no member
  // list is read; the person's own answer comes with the round.
  it("the round's answer button", async () => {
    const statements = await statementsOf(async () =>
      expect((await h.bot.handle({ type: 'button_pressed', actor: ANNA, place: groups[1]!, action: 'round.answer', value: roundId })).kind).toBe('form'),
    );
    expect(statements).toHaveLength(5);
  });

  it('pass pressed again reads the person and the round with their answer, and writes nothing', async () => {
    const pass = () => h.bot.handle({ type: 'button_pressed', actor: ANNA, place: groups[1]!, action: 'round.pass', value: roundId });
    expect(shown(await pass())).toContain('meldt pas');
    const again = await statementsOf(async () => expect(shown(await pass())).toContain('meldt pas'));
    expect(again).toHaveLength(2);
    expect(again.every((sql) => sql.trimStart().startsWith('SELECT'))).toBe(true);
  });

  it("a member who has left is refused a round's button in the group's channel, and nothing is written", async () => {
    const leaver = actor('U-g2m1', 'Member 2.1');
    const people = await h.store.listPeople(workspaceOf('playground'));
    const person = people.find((p) => p.externalId === leaver.externalId)!;
    const group = (await h.store.groupsOf(person.id)).find((g) => g.name === 'Gruppe 2')!;
    await h.store.removeMembers(group.id, [person.id], h.clock.now());
    const press = await statementsOf(async () =>
      expect(shown(await h.bot.handle({ type: 'button_pressed', actor: leaver, place: groups[1]!, action: 'round.pass', value: roundId }))).toContain('Gruppe 2'),
    );
    expect(press.every((sql) => sql.trimStart().startsWith('SELECT'))).toBe(true);
    expect((await h.store.roundContext(roundId, person.id))?.answer).toBeNull();
  });
});
