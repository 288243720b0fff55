// The scenario driver for Teams: the unmodified botbuilder + teams-ai stack over HTTP
// (tests/teams/harness.ts) against the fake Bot Connector. A group is a team channel; forms are
// cards in the person's personal chat; a second workspace is a second tenant. What a person saw
// is every activity the bot posted or updated in a conversation whose roster has them.
import type { CardData } from '../../../adapters/teams/render.ts';
import { ManualClock } from '../../support/fakes.ts';
import { runUntil } from '../../support/run-until.ts';
import { shownActivity, type FakeTeamsMember, type RecordedActivity } from '../../support/fake-teams/index.ts';
import { actionsOf, personalChatId, startTeamsWorld, type TeamsWorld } from '../../teams/harness.ts';
import type { Driver, DriverFactory, Group, Person, Shown, ShownForm } from '../driver.ts';
import { allStrings, castMembers, checkValues, findMember, groupOf, memberOf, pickButton, waitFor, type CastMember } from './common.ts';

const TENANTS = ['tenant-0001', 'tenant-0002'];

type TeamsMember = CastMember & FakeTeamsMember;
type FormData = Extract<CardData, { kind: 'form' }>;
type At = { conversationId: string; activityId: string };
type FormAt = At & { data: FormData };

async function start(cast: Parameters<DriverFactory['start']>[0], options: { now?: string } = {}): Promise<Driver> {
  if (cast.workspaces.length > 2) throw new Error('the Teams driver hosts at most two tenants');
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T08:00:00Z'));
  const people: TeamsMember[] = castMembers(cast).map((m) => ({ ...m, id: `29:${m.key.toLowerCase()}`, aadObjectId: `aad-${m.key.toLowerCase()}`, tenantId: TENANTS[m.workspace]! }));
  // Teams does not say who administers a tenant: ADMINS names them.
  const admins = people
    .filter((p) => p.admin)
    .map((p) => `teams:${p.id}`)
    .join(',');
  const world: TeamsWorld = await startTeamsWorld({ clock, env: admins ? { ADMINS: admins } : {} });
  const { fake } = world;
  for (const p of people) {
    fake.addConversation({ id: personalChatId(p), type: 'personal', tenantId: p.tenantId!, members: [p] });
    await world.openPersonalChat(p);
  }
  const groups: Group[] = [];
  const channels = new Map<Group, string>();
  const handed = new Set<RecordedActivity>();
  const member = (person: Person) => memberOf(people, person);
  const conversationOf = (person: Person, where: 'group' | 'private' | Group) => (where === 'private' ? personalChatId(member(person)) : channels.get(groupOf(groups, person, where))!);

  const toShown = (r: RecordedActivity): Shown => {
    const activity = shownActivity(r);
    const personal = r.conversationId.startsWith('a:');
    const buttons = actionsOf(activity)
      .filter((a) => a.data.kind === 'button')
      .map((a) => ({ label: a.title, action: a.data.action as string, value: a.data.value as string }));
    return { where: personal ? 'private' : 'group', text: allStrings(activity), buttons, at: { conversationId: r.conversationId, activityId: r.activityId } satisfies At };
  };

  // Typing indicators and other non-messages show nothing.
  const isMessage = (r: RecordedActivity) => (shownActivity(r)?.type ?? 'message') === 'message';

  /** A card in the person's personal chat whose submit is a form addressed to them. */
  const formIn = (r: RecordedActivity, m: TeamsMember): FormData | undefined => {
    if (r.conversationId !== personalChatId(m) || handed.has(r)) return undefined;
    const submit = actionsOf(shownActivity(r)).find((a) => a.data.kind === 'form');
    return submit && submit.data.to.id === m.id ? (submit.data as FormData) : undefined;
  };

  const driver: Driver = {
    platform: 'teams',
    people,
    person: (name, workspace) => findMember(people, name, workspace),
    // As Teams writes an @mention in the text; say() adds the mention entity Teams sends with it.
    mention: (person) => `<at>${person.name}</at>`,

    async createGroup(facilitator, name, members) {
      const f = member(facilitator);
      const key = name
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase();
      const channel = `19:${key}@thread.tacv2`;
      world.addChannel({ id: channel, teamId: `19:team-${key}@thread.tacv2`, teamName: `Team ${name}`, name, tenantId: f.tenantId! }, [f, ...members.map(member)]);
      await world.installInChannel(channel);
      await world.say(f, 'gruppe opret', channel);
      await driver.submit(facilitator, await driver.nextForm(facilitator), { name });
      await waitFor(() => fake.sent(channel).some((r) => allStrings(r.activity).includes(name)), `the welcome in ${name}`);
      const group: Group = { name, facilitator: f, members: [f, ...members.map(member)] };
      groups.push(group);
      channels.set(group, channel);
      return group;
    },

    async say(person, text, where) {
      // Each @mention of a cast member (the first of that name, in the speaker's workspace) gets its entity.
      const mentioned = [...text.matchAll(/<at>([^<]+)<\/at>/g)].map((m) => people.find((p) => p.name === m[1] && p.workspace === person.workspace)).filter((m) => m !== undefined);
      await world.say(member(person), text, where === 'private' ? 'personal' : conversationOf(person, where), undefined, mentioned);
    },

    async press(person, wanted, inMessage) {
      const shown = typeof inMessage === 'object' && 'at' in inMessage ? inMessage : null;
      const button = typeof wanted === 'string' ? pickButton(shown?.buttons ?? [], wanted) : wanted;
      const where = shown ? (shown.at as At) : { conversationId: conversationOf(person, inMessage as 'group' | 'private' | Group), activityId: 'forged-activity' };
      await world.submit(member(person), { conversationId: where.conversationId, replyToId: where.activityId }, { kind: 'button', action: button.action, value: button.value });
    },

    async nextForm(person) {
      const m = member(person);
      const [record, data] = await waitFor(() => {
        for (const r of fake.recorded) {
          const data = r.status < 300 ? formIn(r, m) : undefined;
          if (data) return [r, data] as const;
        }
        return undefined;
      }, `a form card for ${person.name}`);
      handed.add(record);
      const at: FormAt = { conversationId: record.conversationId, activityId: record.activityId, data };
      return {
        formId: data.form.id,
        state: data.form.state,
        text: allStrings(shownActivity(record)),
        fields: data.form.fields.map((f) => ({ id: f.id, label: f.label, options: 'options' in f ? f.options : [] })),
        at,
      } satisfies ShownForm;
    },

    async submit(person, form, values) {
      checkValues(form, values);
      const at = form.at as FormAt;
      const initial = Object.fromEntries(at.data.form.fields.map((f) => [f.id, f.initial ?? (f.type === 'checkbox' ? false : '')]));
      // Teams submits every input of the card as text; the card's data carries the form, forgeable like any client data.
      const inputs = Object.fromEntries(Object.entries({ ...initial, ...values }).map(([id, v]) => [id, Array.isArray(v) ? v.join(',') : String(v)]));
      const data: FormData = { ...at.data, form: { ...at.data.form, id: form.formId, state: form.state } };
      await world.submit(member(person), { conversationId: at.conversationId, replyToId: at.activityId }, data, inputs);
    },

    async seenBy(person) {
      return fake.seenBy(member(person).id).filter(isMessage).map(toShown);
    },

    async seenInGroup(group) {
      return fake.seenIn(channels.get(group)!).filter(isMessage).map(toShown);
    },

    async losePrivateRoute(person) {
      await world.removeFromPersonalScope(member(person));
      return true;
    },

    runUntil: (iso) => runUntil(world.app, clock, iso),
    close: () => world.close(),
  };
  return driver;
}

export const teamsDriver: DriverFactory = { platform: 'teams', workspaces: 2, start };
