// Agreements through the core (issue 20 point 6c): "make this an agreement" makes one agreement
// however often it is pressed or its form saved, and a group agreement proposed by one member is
// accepted or declined by one of the others, in the group's language, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../../src/core/model/events.ts';
import type { Reply } from '../../src/core/model/messages.ts';
import { buttonsOf, createGroup, direct, openHarness, shown, type Harness, type Name } from './flow-harness.ts';

let h: Harness;
let nord: Place;
let syd: Place;
beforeAll(async () => {
  h = await openHarness({ content: true, planner: true });
  nord = (await createGroup(h, 'Nord', 'da', ['bo', 'carl'])).place;
  syd = (await createGroup(h, 'Syd', 'en', ['bo', 'dorte'])).place;
}, 60_000);
afterAll(async () => h?.close());

const FORM = { visibility: 'group', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' };

/** Who proposes what in which group: the post the group sees, and the agreement's id. */
async function propose(who: Name, place: Place, text: string) {
  const group = await h.prisma.group.findFirstOrThrow({ where: { conversationId: place.conversationId } });
  const saved = await h.submit(who, 'agreement.make', 'direct', { ...FORM, kind: 'group', text, group: group.id }, direct(who));
  const agreement = await h.prisma.agreement.findFirstOrThrow({ where: { text } });
  const post = h.deliverer.posts.findLast((p) => p.conversationId === place.conversationId && p.message.text.includes(text))!;
  return { saved, agreement, post };
}
const answer = (who: Name, action: 'accept' | 'decline', id: string, place: Place) => h.press(who, `agreement.${action}`, id, place);
const eventsOf = (agreementId: string) => h.prisma.agreementEvent.findMany({ where: { agreementId, kind: { in: ['accepted', 'declined'] } } });

describe('"make this an agreement"', () => {
  let value = '';
  let form: Reply;
  beforeAll(async () => {
    const session = await h.store.saveToolSession({
      personId: (await h.person('bo')).id,
      toolId: 'own-wellbeing',
      stepId: null,
      answers: { agreement: 'Jeg går en tur kl. 12' },
      status: 'done',
      at: h.clock.now(),
    });
    value = `tool:${session.id}`;
    form = await h.press('bo', 'agreement.make', value, direct('bo'));
  });

  it('saved twice at once makes one agreement, and the second save says it is one already', async () => {
    if (form.kind !== 'form') throw new Error(shown(form));
    const values = { ...FORM, kind: 'personal', visibility: 'private', text: 'Jeg går en tur kl. 12', group: 'none' };
    const replies = await Promise.all([1, 2].map(() => h.submit('bo', form.kind === 'form' ? form.form.id : '', value, values, direct('bo'))));
    expect(await h.prisma.agreement.count({ where: { sourceRef: value.slice('tool:'.length) } })).toBe(1);
    expect(replies.map((r) => r.kind).sort()).toEqual(['message', 'message']);
    expect(replies.map(shown).filter((text) => text.includes('allerede gjort til en aftale'))).toHaveLength(1);
  });

  it('pressed again says where to find it instead of opening the form', async () => {
    expect(shown(await h.press('bo', 'agreement.make', value, direct('bo')))).toContain('Skriv `aftaler` for at se den');
  });
});

describe('a group agreement proposed by one member', () => {
  it('is posted with two answers for the others, and the proposer cannot answer it', async () => {
    const { saved, agreement, post } = await propose('bo', nord, 'Vi slutter møderne til tiden');
    expect(shown(saved)).toContain('delt med Nord som forslag');
    expect(post.message.text).toContain('foreslået af Bo');
    expect(buttonsOf(post.message).map((b) => b.label)).toEqual(['Vi er med', 'Ikke for os']);
    expect(shown(await answer('bo', 'accept', agreement.id, nord))).toContain('Du har selv foreslået aftalen');
    expect(await eventsOf(agreement.id)).toEqual([]);
  });

  it('is accepted by the first other member who answers; a later answer is told who answered', async () => {
    const { agreement, post } = await propose('bo', nord, 'Vi holder fem minutters luft');
    const replies = await Promise.all([answer('carl', 'accept', agreement.id, nord), answer('anna', 'decline', agreement.id, nord)]);
    const events = await eventsOf(agreement.id);
    expect(events).toHaveLength(1);
    const [winner, loser] = events[0]!.kind === 'accepted' ? replies : [replies[1]!, replies[0]!];
    expect(shown(winner!)).toMatch(/Tak – nu er det en aftale i Nord|forslaget bliver ikke en aftale i Nord/);
    expect(shown(loser!)).toContain('Gruppen har allerede svaret');
    // The group's post says how the group answered and who did, without the buttons.
    expect(post.message.text).toMatch(/(Aftalt – Carl sagde ja|Ikke aftalt – Anna sagde nej) for gruppen/);
    expect(buttonsOf(post.message)).toEqual([]);
    expect(shown(await answer('carl', 'decline', agreement.id, nord))).toContain('Gruppen har allerede svaret');
  });

  it('declined, is stopped and no longer followed up', async () => {
    const { agreement, post } = await propose('anna', nord, 'Ingen mails efter kl. 18');
    const planned = () => h.prisma.schedule.findFirst({ where: { kind: 'agreement.followup', subject: agreement.id } }).then((s) => s?.nextAt ?? null);
    expect(await planned()).not.toBeNull();
    expect(shown(await answer('bo', 'decline', agreement.id, nord))).toContain('jeg følger ikke op på det');
    const after = await h.prisma.agreement.findUniqueOrThrow({ where: { id: agreement.id } });
    expect(after).toMatchObject({ status: 'stopped', followUpDate: null, decision: 'declined' });
    expect(await planned()).toBeNull();
    expect(post.message.text).toContain('Ikke aftalt – Bo sagde nej for gruppen');
  });

  it('speaks the group language in the group, and refuses someone outside the group', async () => {
    const { agreement, post } = await propose('dorte', syd, 'We walk and talk on Fridays');
    expect(post.message.text).toContain('proposed by Dorte');
    expect(buttonsOf(post.message).map((b) => b.label)).toEqual(['We are in', 'Not for us']);
    expect(shown(await answer('carl', 'accept', agreement.id, syd))).not.toContain('Tak');
    await answer('bo', 'accept', agreement.id, syd);
    expect(post.message.text).toContain('Agreed – Bo said yes for the group.');
  });
});
