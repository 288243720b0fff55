// Issue 13, item 5: the HR role goes to a person, never to whoever carries a name. A mention
// names an account; the list names ids the admin was shown (a forged one changes nothing); a
// typed name must fit exactly one person. The person is told privately, in their own language.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { understand } from '../../src/core/lederrum.ts';
import type { Actor, Mention } from '../../src/core/model/events.ts';
import type { FormValues, Reply } from '../../src/core/model/messages.ts';
import { workspaceOf, type Person } from '../../src/core/model/domain.ts';

const PLAY = workspaceOf('playground');
const SLACK_T1 = workspaceOf('slack', 'T1');
import { distinctLabels, peopleNamed } from '../../src/core/people/names.ts';
import { direct, openHarness, people, shown, type Harness } from './flow-harness.ts';

// Anna administers the workspace. Two people are called Carl; the second has a full name and reads English.
const anna: Actor = { ...people.anna, admin: true };
const carlNielsen: Actor = { platform: 'playground', workspace: PLAY, externalId: 'U-carl2', displayName: 'Carl', fullName: 'Carl Nielsen', locale: 'en' };
const here = direct('anna');

let h: Harness;
const say = (actor: Actor, text: string, mentions: Mention[] = []) => h.bot.handle({ type: 'command', actor, place: here, text, ...(mentions.length > 0 ? { mentions } : {}) });
const submit = (actor: Actor, state: string, values: FormValues) => h.bot.handle({ type: 'form_submitted', actor, place: here, formId: 'hr.pick', state, values });
const holders = async () => (await h.store.holders(PLAY, 'hr')).map((p) => p.externalId).sort();
const byExternal = async (externalId: string) => (await h.store.listPeople(PLAY)).find((p) => p.externalId === externalId)!;
const privatesTo = (externalId: string) => h.deliverer.privates.filter((p) => p.person.externalId === externalId).map((p) => p.message.text);

beforeAll(async () => {
  h = await openHarness();
  for (const actor of [anna, people.bo, people.carl, people.dorte, carlNielsen]) await h.bot.handle({ type: 'command', actor, place: here, text: 'hjælp' });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  for (const p of await h.store.holders(PLAY, 'hr')) await h.store.setRole(p.id, 'hr', false);
  h.deliverer.privates.length = 0;
});

describe('a name that fits more than one person', () => {
  it('is refused with the candidates told apart, and nothing changes', async () => {
    const reply = await say(anna, 'hr tildel carl');
    expect(shown(reply)).toContain('Flere hedder "carl": Carl og Carl (Carl Nielsen)');
    expect(shown(reply)).toContain('Skriv `hr tildel` alene og vælg personen på listen');
    expect(await holders()).toEqual([]);
    expect(h.deliverer.privates).toEqual([]);
  });

  it('on Slack says to @mention the person, in English for an English command', async () => {
    const slack = (id: string, displayName: string, fullName: string): Actor => ({ platform: 'slack', workspace: SLACK_T1, externalId: `T1:${id}`, displayName, fullName });
    for (const actor of [slack('U1', 'Mo', 'Mo Berg'), slack('U2', 'Mo', 'Mo Dahl')]) await h.bot.handle({ type: 'command', actor, place: here, text: 'help' });
    const reply = await say({ ...slack('U0', 'Admin', 'Ada Admin'), admin: true, locale: 'en' }, 'hr grant mo');
    expect(shown(reply)).toContain('More than one person is called "mo": Mo (Mo Berg) and Mo (Mo Dahl)');
    expect(shown(reply)).toContain('Type @ and pick the person');
    expect(shown(reply)).toContain('`hr grant @Name`');
  });
});

describe('a name that fits no one', () => {
  it('says how to name the person instead', async () => {
    const reply = await say(anna, 'hr tildel Eva Hansen');
    expect(shown(reply)).toContain('Jeg kender ingen, der hedder "Eva Hansen". Skriv `hr tildel` alene');
    expect(await holders()).toEqual([]);
  });
});

describe('a name that fits exactly one person', () => {
  it('grants by the full name too, and the person is told in their own language', async () => {
    const reply = await say(anna, 'hr tildel carl nielsen');
    expect(shown(reply)).toContain('Carl (Carl Nielsen) har nu HR-rollen');
    expect(await holders()).toEqual(['U-carl2']);
    expect(privatesTo('U-carl2')).toEqual([expect.stringContaining('Anna has given you the HR role in Lederrum. You can now send anonymous pulse polls')]);
  });
});

describe('a mention', () => {
  it('grants the account mentioned, whatever its name shares with others', async () => {
    const reply = await say(anna, 'hr tildel @Carl', [{ workspace: PLAY, externalId: 'U-carl', displayName: 'Carl' }]);
    expect(shown(reply)).toContain('Carl har nu HR-rollen');
    expect(await holders()).toEqual(['U-carl']);
    expect(privatesTo('U-carl')).toEqual([expect.stringContaining('Anna har givet dig HR-rollen i Lederrum')]);
    expect(privatesTo('U-carl2')).toEqual([]);
  });

  it('reaches someone Lederrum has not met yet', async () => {
    await say(anna, 'hr tildel @Eva', [{ workspace: PLAY, externalId: 'U-eva', displayName: 'Eva', fullName: 'Eva Hansen' }]);
    expect(await holders()).toEqual(['U-eva']);
    expect((await byExternal('U-eva')).fullName).toBe('Eva Hansen');
    expect(privatesTo('U-eva')).toHaveLength(1);
  });

  it('revokes, tells the person, and never makes a person of someone only to say they hold nothing', async () => {
    await say(anna, 'hr tildel @Bo', [{ workspace: PLAY, externalId: 'U-bo', displayName: 'Bo' }]);
    h.deliverer.privates.length = 0;
    const reply = await say(anna, 'hr fjern @Bo @Ghost', [
      { workspace: PLAY, externalId: 'U-bo', displayName: 'Bo' },
      { workspace: PLAY, externalId: 'U-ghost', displayName: 'Ghost' },
    ]);
    expect(shown(reply)).toContain('Bo har ikke længere HR-rollen.');
    expect(shown(reply)).toContain('Ghost har ikke HR-rollen.');
    expect(privatesTo('U-bo')).toEqual([expect.stringContaining('Anna har fjernet din HR-rolle')]);
    expect(await holders()).toEqual([]);
    expect((await h.store.listPeople(PLAY)).some((p) => p.externalId === 'U-ghost')).toBe(false);
  });

  it('tells no one twice: a second grant says the role is already held', async () => {
    const mention = [{ workspace: PLAY, externalId: 'U-dorte', displayName: 'Dorte' }];
    await say(anna, 'hr tildel @Dorte', mention);
    expect(shown(await say(anna, 'hr tildel @Dorte', mention))).toContain('Dorte har allerede HR-rollen');
    expect(privatesTo('U-dorte')).toHaveLength(1);
  });

  it('changes nothing for someone who is not an admin', async () => {
    const reply = await say(people.bo, 'hr tildel @Bo', [{ workspace: PLAY, externalId: 'U-bo', displayName: 'Bo' }]);
    expect(shown(reply)).toContain('Kun en administrator');
    expect(await holders()).toEqual([]);
  });

  it('still changes the role when the person cannot be told, and says so to the admin', async () => {
    const original = h.deliverer.sendPrivate;
    h.deliverer.sendPrivate = async () => {
      throw new Error('no private route');
    };
    try {
      const reply = await say(anna, 'hr tildel @Bo', [{ workspace: PLAY, externalId: 'U-bo', displayName: 'Bo' }]);
      expect(shown(reply)).toContain('Bo har nu HR-rollen');
      expect(shown(reply)).toContain('Jeg kunne ikke give Bo besked privat');
      expect(await holders()).toEqual(['U-bo']);
    } finally {
      h.deliverer.sendPrivate = original;
    }
  });
});

describe('the list to choose from', () => {
  it('opens with no one named, offers those without the role by id, and grants the one chosen', async () => {
    await say(anna, 'hr tildel @Dorte', [{ workspace: PLAY, externalId: 'U-dorte', displayName: 'Dorte' }]);
    const reply = await say(anna, 'hr tildel');
    expect(reply.kind).toBe('form');
    const form = (reply as Extract<Reply, { kind: 'form' }>).form;
    expect(form).toMatchObject({ id: 'hr.pick', state: 'grant', title: 'Giv HR-rollen' });
    const field = form.fields[0]!;
    expect(field.type).toBe('choice');
    const options = field.type === 'choice' ? field.options : [];
    const bo = await byExternal('U-bo');
    expect(options).toContainEqual({ value: bo.id, label: 'Bo' });
    expect(options.map((o) => o.label)).toEqual(expect.arrayContaining(['Carl', 'Carl (Carl Nielsen)']));
    expect(options.map((o) => o.value)).not.toContain((await byExternal('U-dorte')).id);

    expect(shown(await submit(anna, 'grant', { person: bo.id }))).toContain('Bo har nu HR-rollen');
    expect(await holders()).toEqual(['U-bo', 'U-dorte']);
    expect(privatesTo('U-bo')).toHaveLength(1);
  });

  it('refuses a forged or stale choice and changes nothing', async () => {
    const slackPerson = await h.store.upsertPerson({ platform: 'slack', workspace: SLACK_T1, externalId: 'T1:UX', displayName: 'Bo' });
    const carl = await byExternal('U-carl');
    const forged = await submit(anna, 'grant', { person: slackPerson.id });
    expect(forged).toEqual({ kind: 'form_errors', errors: { person: expect.stringContaining('Den person var ikke på listen, jeg viste dig. Intet er ændret') } });
    expect(shown(await submit(anna, 'grant', { person: 'not-an-id' }))).toContain('var ikke på listen');
    // Revoking offers only the holders: a non-holder's id is not among them.
    expect(shown(await submit(anna, 'revoke', { person: carl.id }))).toContain('var ikke på listen');
    expect(shown(await submit(anna, 'promote', { person: carl.id }))).not.toContain('HR-rollen');
    expect(shown(await submit(anna, 'grant', {}))).toContain('Vælg en person');
    expect(shown(await submit(people.bo, 'grant', { person: carl.id }))).toContain('Kun en administrator');
    expect(await holders()).toEqual([]);
    expect(await h.store.holders(SLACK_T1, 'hr')).toEqual([]);
    expect(h.deliverer.privates).toEqual([]);
  });

  it('for revoking, lists the holders; with none, says no one holds the role', async () => {
    expect(shown(await say(anna, 'hr fjern'))).toContain('Ingen har HR-rollen endnu');
    await say(anna, 'hr tildel @Carl', [{ workspace: PLAY, externalId: 'U-carl', displayName: 'Carl' }]);
    const reply = await say(anna, 'hr fjern');
    const form = (reply as Extract<Reply, { kind: 'form' }>).form;
    expect(form.state).toBe('revoke');
    const carl = await byExternal('U-carl');
    expect(form.fields[0]).toMatchObject({ options: [{ value: carl.id, label: 'Carl' }] });
    expect(shown(await submit(anna, 'revoke', { person: carl.id }))).toContain('Carl har ikke længere HR-rollen');
    expect(await holders()).toEqual([]);
  });

  it('is what Slack opens a modal for: `hr tildel` alone, not with a name, not `hr`', () => {
    const place = here;
    expect(understand({ type: 'command', text: 'hr tildel', place }).opensForm).toBe(true);
    expect(understand({ type: 'command', text: 'hr revoke', place }).opensForm).toBe(true);
    expect(understand({ type: 'command', text: 'hr tildel @Bo', place }).opensForm).toBe(false);
    expect(understand({ type: 'command', text: 'hr', place }).opensForm).toBe(false);
  });
});

describe('names and labels', () => {
  const person = (id: string, displayName: string, fullName: string | null = null): Person => ({
    id,
    platform: 'slack',
    workspace: SLACK_T1,
    externalId: `T1:${id}`,
    displayName,
    fullName,
    locale: null,
    timeZone: null,
  });

  it('matches display or full name, any case and spacing, with or without @', () => {
    const all = [person('U1', 'Bo', 'Bo Nielsen'), person('U2', 'bo.n'), person('U3', 'Carl')];
    expect(peopleNamed(all, '  bo   NIELSEN ').map((p) => p.id)).toEqual(['U1']);
    expect(peopleNamed(all, '@bo').map((p) => p.id)).toEqual(['U1']);
    expect(peopleNamed(all, 'b')).toEqual([]);
    expect(peopleNamed(all, '')).toEqual([]);
  });

  it('tells apart people whose names are the same by their handle', () => {
    const labels = distinctLabels([person('U1', 'Carl'), person('U2', 'Carl'), person('U3', 'Carl', 'Carl Nielsen'), person('U4', 'Dorte')]);
    expect([...labels.values()]).toEqual(['Carl (U1)', 'Carl (U2)', 'Carl (Carl Nielsen)', 'Dorte']);
    const teams = { ...person('x', 'Sam'), externalId: '29:1AbCdEfGhIjKlMnOpQrStUvWxYz' };
    expect(distinctLabels([teams, { ...teams, id: 'y', externalId: '29:1ZyXwVuTsRqPoNmLkJiHgFeDcBa' }]).get('x')).toBe('Sam (…UvWxYz)');
  });
});
