// The scenario driver for Slack: Lederrum's real Bolt stack over HTTP (tests/slack/harness.ts)
// against the fake Slack Web API. A second workspace is a second team that installs the app
// through OAuth beside the first. What a person saw is what the fake showed them: posts in their
// DM and channels, ephemeral and response_url replies, modals and App Home.
import { translate } from '../../../src/core/index.ts';
import { ManualClock } from '../../support/fakes.ts';
import { runUntil } from '../../support/run-until.ts';
import type { FakeSlackShown, FakeSlackTeam, FakeSlackView } from '../../support/fake-slack/index.ts';
import { TEAM, startSlackWorld, type SlackPerson, type SlackWorld } from '../../slack/harness.ts';
import type { Button, Driver, DriverFactory, Group, Person, Shown, ShownForm, Values, Where } from '../driver.ts';
import { allStrings, castMembers, checkValues, findMember, groupOf, memberOf, pickButton, quiet, waitFor, type CastMember } from './common.ts';

const SECOND: FakeSlackTeam = { id: 'T0002', name: 'Nordby Kommune', botToken: 'xoxb-test-T0002', botUserId: 'UBOT2', botId: 'B0002' };
const LOADING = [translate('da', 'platform.loading'), translate('en', 'platform.loading')];

type SlackMember = CastMember & SlackPerson & { teamId: string };
type At = { kind: 'message'; channel: string; ts: string } | { kind: 'only-you'; channel: string } | { kind: 'view'; viewId: string };

function buttonsOf(blocks: unknown[] | undefined): Button[] {
  const actions = (blocks ?? []).filter((b): b is { type: string; elements: Array<{ action_id: string; value?: string; text: { text: string } }> } => (b as { type?: string }).type === 'actions');
  return actions.flatMap((a) => a.elements.map((e) => ({ label: e.text.text, action: e.action_id.split('|')[0]!, value: e.value ?? '' })));
}

function formOf(view: FakeSlackView): ShownForm {
  const metadata = JSON.parse(view.view.private_metadata as string) as { formId: string; state: string };
  const inputs = (view.view.blocks as Array<Record<string, any>>).filter((b) => b['type'] === 'input');
  return {
    formId: metadata.formId,
    state: metadata.state,
    text: allStrings(view.view.blocks),
    fields: inputs.map((b) => ({
      id: b['block_id'] as string,
      label: b['label']?.text ?? '',
      options: ((b['element']?.options ?? []) as Array<{ value: string; text: { text: string } }>).map((o) => ({ value: o.value, label: o.text.text })),
    })),
    at: view,
  };
}

/** The view as a forger would have it: any value sent for a select becomes one of its options. */
function withForgedOptions(view: Record<string, any>, values: Values): Record<string, any> {
  const blocks = (view['blocks'] as Array<Record<string, any>>).map((block) => {
    const given = values[block['block_id'] as string];
    const options = block['element']?.options as Array<{ value: string }> | undefined;
    if (block['type'] !== 'input' || !options || given === undefined || typeof given === 'boolean') return block;
    const missing = (Array.isArray(given) ? given : [given]).filter((v) => !options.some((o) => o.value === v));
    if (missing.length === 0) return block;
    return { ...block, element: { ...block['element'], options: [...options, ...missing.map((v) => ({ text: { type: 'plain_text', text: v }, value: v }))] } };
  });
  return { ...view, blocks };
}

async function start(cast: Parameters<DriverFactory['start']>[0], options: { now?: string } = {}): Promise<Driver> {
  if (cast.workspaces.length > 2) throw new Error('the Slack driver hosts at most two workspaces');
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T08:00:00Z'));
  const world: SlackWorld = await startSlackWorld({ clock, ...(cast.workspaces.length > 1 ? { otherTeams: [SECOND] } : {}) });
  const { fake } = world;
  const teamIds = [TEAM, SECOND.id];
  const people: SlackMember[] = castMembers(cast).map((m) => ({ ...m, id: `U${m.key}`, teamId: teamIds[m.workspace]! }));
  for (const p of people) {
    fake.addUser({ id: p.id, teamId: p.teamId, name: p.name.split(' ')[0]!.toLowerCase(), realName: p.name, tz: 'Europe/Copenhagen', locale: 'da-DK', isAdmin: p.admin });
  }
  const groups: Group[] = [];
  const channels = new Map<Group, string>();
  const member = (person: Person) => memberOf(people, person);
  const channelOf = (person: Person, where: Where): string => (where === 'private' ? fake.imId(member(person).id) : channels.get(groupOf(groups, person, where))!);
  const activity = () => fake.calls.length + fake.responses.length;

  /** Runs an action and waits for its outcome: Slack is answered at once and the work goes on after. */
  const act = async (person: Person, action: () => Promise<unknown>) => {
    const id = member(person).id;
    const before = fake.seenBy(id).length;
    await action();
    await waitFor(() => {
      const seen = fake.seenBy(id);
      const last = seen.at(-1);
      return seen.length > before && !(last?.kind === 'view' && LOADING.some((l) => allStrings(last.blocks).includes(l)));
    }, `something shown to ${person.name}`).catch(() => undefined);
    await quiet(activity);
  };

  const toShown =
    (userId: string) =>
    (s: FakeSlackShown): Shown => {
      const privately = s.kind === 'view' || s.kind === 'home' || s.conversation === userId;
      const where = privately ? 'private' : s.user !== undefined ? 'only-you' : 'group';
      const channel = s.conversation && /^[UW]/.test(s.conversation) ? fake.imId(s.conversation) : (s.conversation ?? '');
      const at: At =
        s.kind === 'view' || s.kind === 'home' ? { kind: 'view', viewId: s.ref! } : s.user !== undefined || !s.ref ? { kind: 'only-you', channel } : { kind: 'message', channel, ts: s.ref };
      return { where, text: `${s.text}\n${allStrings(s.blocks)}`, buttons: buttonsOf(s.blocks), at };
    };

  const driver: Driver = {
    platform: 'slack',
    people,
    person: (name, workspace) => findMember(people, name, workspace),
    mention: (person) => `<@${member(person).id}>`,

    async createGroup(facilitator, name, members) {
      const f = member(facilitator);
      const channel = `C${name
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]/g, '')
        .toUpperCase()}`;
      fake.addChannel({
        id: channel,
        teamId: f.teamId,
        name: name.toLowerCase().replace(/\s+/g, '-'),
        isPrivate: true,
        members: [f.id, ...members.map((m) => member(m).id), fake.team(f.teamId).botUserId],
      });
      await world.slash(f, '', channel);
      await driver.submit(facilitator, await driver.nextForm(facilitator), { name });
      await waitFor(() => fake.messages(channel).some((m) => m.text.includes(name)), `the welcome in ${name}`);
      const group: Group = { name, facilitator: f, members: [f, ...members.map(member)] };
      groups.push(group);
      channels.set(group, channel);
      return group;
    },

    async say(person, text, where) {
      await act(person, () => world.slash(member(person), text, channelOf(person, where)));
    },

    async press(person, wanted, inMessage) {
      const shown = typeof inMessage === 'object' && 'at' in inMessage ? inMessage : null;
      const button = typeof wanted === 'string' ? pickButton(shown?.buttons ?? [], wanted) : { label: wanted.action, ...wanted };
      const slackButton = { action_id: `${button.action}|0`, value: button.value, text: { text: button.label } };
      const at = shown?.at as At | undefined;
      const where = !at
        ? { channel: channelOf(person, inMessage as Where) }
        : at.kind === 'view'
          ? { view: fake.views.get(at.viewId)!.view as Record<string, unknown> }
          : at.kind === 'message'
            ? { channel: at.channel, messageTs: at.ts }
            : { channel: at.channel };
      await act(person, () => world.press(member(person), slackButton, where));
    },

    async nextForm(person) {
      return formOf(await world.nextForm(member(person)));
    },

    async submit(person, form, values) {
      checkValues(form, values);
      const view = form.at as FakeSlackView;
      const metadata = JSON.parse(view.view.private_metadata as string) as Record<string, unknown>;
      // A changed form id or state is a forged submission: Slack carries whatever private_metadata holds.
      const sent = { ...view, view: { ...withForgedOptions(view.view, values), private_metadata: JSON.stringify({ ...metadata, formId: form.formId, state: form.state }) } };
      await act(person, async () => {
        const ack = await world.submit(member(person), sent, values);
        fake.acknowledgeSubmission(view.id, ack.json);
      });
    },

    async seenBy(person) {
      const id = member(person).id;
      return fake.seenBy(id).map(toShown(id));
    },

    async seenInGroup(group) {
      return fake.seenIn(channels.get(group)!).map(toShown(''));
    },

    async losePrivateRoute() {
      // A Slack member always has their DM with the app, ephemeral messages and modals.
      return false;
    },

    async runUntil(iso) {
      await runUntil(world.app, clock, iso);
      await quiet(activity);
    },

    close: () => world.close(),
  };
  return driver;
}

export const slackDriver: DriverFactory = { platform: 'slack', workspaces: 2, start };
