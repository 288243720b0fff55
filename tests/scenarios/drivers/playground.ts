// The scenario driver for the playground: its JSON API over real HTTP (tests/playground/client.ts),
// as its page uses it. The playground is one workspace. What a person saw is what its API shows
// them in their own chat and in each group they are in (only-you replies included), plus the
// forms it answered them with. Messages the playground edits in place are remembered as first
// seen, so an earlier version still counts.
import { workspaceOf } from '../../../src/core/model/domain.ts';
import { createStore } from '../../../src/store/index.ts';
import { ManualClock } from '../../support/fakes.ts';
import { startTestApp } from '../../support/app.ts';
import { runUntil } from '../../support/run-until.ts';
import { decode, Playground, type Person as PlaygroundPerson, type ReplyView, type ShownMessage } from '../../playground/client.ts';
import type { Button, Driver, DriverFactory, FormField, Group, Person, Shown, ShownForm } from '../driver.ts';
import { castMembers, checkValues, findMember, groupOf, memberOf, pickButton, type CastMember } from './common.ts';

type Member = CastMember & { externalId: string };
type At = { conversationId: string };

const text = (html: string) => decode(html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ' ')).replace(/[ \t]+/g, ' ');

function buttonsOf(html: string): Button[] {
  return [...html.matchAll(/data-action="([^"]*)" data-value="([^"]*)">([^<]*)<\/button>/g)].map((m) => ({ action: decode(m[1]!), value: decode(m[2]!), label: decode(m[3]!) }));
}

/** The fields of a form's HTML (adapters/playground/render.ts), with what they show initially. */
function formOf(html: string, conversationId: string): ShownForm & { initial: Record<string, string | boolean | string[]> } {
  const fields: FormField[] = [];
  const initial: Record<string, string | boolean | string[]> = {};
  const field = (id: string, label: string, options: FormField['options'], value: string | boolean | string[]) => {
    fields.push({ id: decode(id), label: text(label), options });
    initial[decode(id)] = value;
  };
  for (const m of html.matchAll(/<label for="f-([^"]+)">((?:(?!<\/label>)[\s\S])*)<\/label><textarea [^>]*>([^<]*)<\/textarea>/g)) field(m[1]!, m[2]!, [], decode(m[3]!));
  for (const m of html.matchAll(/<label for="f-([^"]+)">((?:(?!<\/label>)[\s\S])*)<\/label><input type="text" [^>]*value="([^"]*)">/g)) field(m[1]!, m[2]!, [], decode(m[3]!));
  for (const m of html.matchAll(/<label for="f-([^"]+)">((?:(?!<\/label>)[\s\S])*)<\/label><select [^>]*>([\s\S]*?)<\/select>/g)) {
    const options = [...m[3]!.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)];
    field(
      m[1]!,
      m[2]!,
      options.map((o) => ({ value: decode(o[1]!), label: decode(o[3]!) })),
      decode((options.find((o) => o[2]) ?? options[0])?.[1] ?? ''),
    );
  }
  for (const m of html.matchAll(/<fieldset class="field" data-multi="([^"]+)"><legend>([\s\S]*?)<\/legend>((?:(?!<\/fieldset>)[\s\S])*)<\/fieldset>/g)) {
    const boxes = [...m[3]!.matchAll(/value="([^"]*)"( checked)?> ([^<]*)<\/label>/g)];
    field(
      m[1]!,
      m[2]!,
      boxes.map((b) => ({ value: decode(b[1]!), label: decode(b[3]!) })),
      boxes.filter((b) => b[2]).map((b) => decode(b[1]!)),
    );
  }
  for (const m of html.matchAll(/<input type="checkbox" name="([^"]+)" value="true" data-flag( checked)?> ((?:(?!<\/label>)[\s\S])*)<\/label>/g)) field(m[1]!, m[3]!, [], Boolean(m[2]));
  const formId = decode(/data-form-id="([^"]*)"/.exec(html)?.[1] ?? '');
  const state = decode(/data-state="([^"]*)"/.exec(html)?.[1] ?? '');
  return { formId, state, text: text(html), fields, initial, at: { conversationId } satisfies At };
}

async function start(cast: Parameters<DriverFactory['start']>[0], options: { now?: string } = {}): Promise<Driver> {
  if (cast.workspaces.length > 1) throw new Error('the playground is one workspace');
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T08:00:00Z'));
  const app = await startTestApp({ clock, env: { PLAYGROUND_DEMO_MEMBERS: 'off' } });
  const pg = await Playground.connect(app.url);
  const store = createStore(app.database.prisma);
  const people: Member[] = [];
  for (const m of castMembers(cast)) {
    const { body } = await pg.call<PlaygroundPerson>('POST', '/people', { body: { displayName: m.name, locale: 'da', timeZone: 'Europe/Copenhagen' } });
    people.push({ ...m, externalId: body.externalId });
    // The playground's admin is a role it keeps itself (the demo's first member holds it).
    if (m.admin) await store.setRole((await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: body.externalId, displayName: m.name })).id, 'admin', true);
  }
  const groups: Group[] = [];
  const channels = new Map<Group, string>();
  const forms = new Map<Member, ShownForm[]>();
  const privately = new Map<Member, Shown[]>();
  const remembered = new Map<string, Map<string, Shown>>();
  /** Conversations a person acted in: a reply only to them may be shown where they are not a member. */
  const acted = new Map<Member, Set<string>>();
  const member = (person: Person) => memberOf(people, person);
  const direct = (person: Person) => `D-${member(person).externalId}`;
  const conversationOf = (person: Person, where: 'group' | 'private' | Group) => (where === 'private' ? direct(person) : channels.get(groupOf(groups, person, where))!);

  const handle = (person: Person, conversationId: string, reply: ReplyView) => {
    const m = member(person);
    acted.set(m, new Set([...(acted.get(m) ?? []), conversationId]));
    if (reply.kind === 'form') {
      const form = formOf(reply.html, conversationId);
      forms.set(m, [...(forms.get(m) ?? []), form]);
      privately.set(m, [...(privately.get(m) ?? []), { where: 'private', text: form.text, buttons: [], at: { conversationId } }]);
    }
    if (reply.kind === 'form_errors') privately.set(m, [...(privately.get(m) ?? []), { where: 'private', text: Object.values(reply.errors).join('\n'), buttons: [], at: { conversationId } }]);
  };

  /**
   * One action through the page's API. The API refuses someone outside the conversation with 403
   * before the core sees it; the page shows that refusal to the person alone.
   */
  const act = async (person: Person, conversationId: string, path: '/command' | '/button' | '/form', body: Record<string, unknown>) => {
    const m = member(person);
    const { status, body: answer } = await pg.call<ReplyView & { error?: string }>('POST', path, { body: { as: m.externalId, conversationId, ...body } });
    if (status === 200) return handle(person, conversationId, answer);
    if (status !== 403 || typeof answer.error !== 'string') throw new Error(`POST ${path} answered ${status}: ${JSON.stringify(answer)}`);
    privately.set(m, [...(privately.get(m) ?? []), { where: 'only-you', text: answer.error, buttons: [], at: { conversationId } }]);
  };

  /** What `viewer` sees in a conversation now, after every version of it seen before (by message id and content). */
  const shownIn = async (conversationId: string, viewer: Member, only: 'all' | 'public' | 'mine'): Promise<Shown[]> => {
    const key = `${conversationId}|${only}|${viewer.externalId}`;
    const seen = remembered.get(key) ?? new Map<string, Shown>();
    const { status, body } = await pg.call<ShownMessage[]>('GET', `/conversations/${encodeURIComponent(conversationId)}/messages?as=${encodeURIComponent(viewer.externalId)}`);
    for (const m of status === 200 ? body : []) {
      if ((only === 'public' && m.onlyYou) || (only === 'mine' && !m.onlyYou)) continue;
      const shown: Shown = {
        where: conversationId.startsWith('D-') ? 'private' : m.onlyYou ? 'only-you' : 'group',
        text: `${m.author}: ${text(m.html)}`,
        buttons: buttonsOf(m.html),
        at: { conversationId } satisfies At,
      };
      if (!seen.has(`${m.id}|${shown.text}`)) seen.set(`${m.id}|${shown.text}`, shown);
    }
    remembered.set(key, seen);
    return [...seen.values()];
  };

  const driver: Driver = {
    platform: 'playground',
    people,
    person: (name, workspace) => findMember(people, name, workspace),
    mention: (person) => person.name,

    async createGroup(facilitator, name, members) {
      const f = member(facilitator);
      await driver.say(facilitator, 'gruppe opret', 'private');
      // Picked by who they are, not by name: two people may share one.
      const ids = await Promise.all(
        members.map(async (m) => (await store.upsertPerson({ platform: 'playground', workspace: workspaceOf('playground'), externalId: member(m).externalId, displayName: m.name })).id),
      );
      await driver.submit(facilitator, await driver.nextForm(facilitator), { name, language: 'da', time_zone: 'Europe/Copenhagen', members: ids });
      const channelId = (await pg.workspace(f.externalId)).channels.find((c) => c.name === name)?.id;
      if (!channelId) throw new Error(`${name} was not created`);
      const group: Group = { name, facilitator: f, members: [f, ...members.map(member)] };
      groups.push(group);
      channels.set(group, channelId);
      return group;
    },

    async say(person, said, where) {
      const conversationId = conversationOf(person, where);
      // In a channel only "/lederrum …" reaches Lederrum, as the page's composer sends it.
      await act(person, conversationId, '/command', { text: where === 'private' ? said : `/lederrum ${said}` });
    },

    async press(person, wanted, inMessage) {
      const shown = typeof inMessage === 'object' && 'at' in inMessage ? inMessage : null;
      const button = typeof wanted === 'string' ? pickButton(shown?.buttons ?? [], wanted) : wanted;
      const conversationId = shown ? (shown.at as At).conversationId : conversationOf(person, inMessage as 'group' | 'private' | Group);
      await act(person, conversationId, '/button', { action: button.action, value: button.value });
    },

    async nextForm(person) {
      const queue = forms.get(member(person)) ?? [];
      const next = queue.shift();
      if (!next) throw new Error(`no form was shown to ${person.name}`);
      return next;
    },

    async submit(person, form, values) {
      checkValues(form, values);
      const initial = (form as ReturnType<typeof formOf>).initial ?? {};
      const conversationId = (form.at as At).conversationId;
      await act(person, conversationId, '/form', { formId: form.formId, state: form.state, values: { ...initial, ...values } });
    },

    async seenBy(person) {
      const m = member(person);
      const conversations = [direct(person), ...(await pg.workspace(m.externalId)).channels.map((c) => c.id)];
      const elsewhere = [...(acted.get(m) ?? [])].filter((c) => !conversations.includes(c));
      const seen = (await Promise.all([...conversations.map((c) => shownIn(c, m, 'all')), ...elsewhere.map((c) => shownIn(c, m, 'mine'))])).flat();
      return [...seen, ...(privately.get(m) ?? [])];
    },

    async seenInGroup(group) {
      return shownIn(channels.get(group)!, member(group.facilitator), 'public');
    },

    async losePrivateRoute() {
      // Everyone in the playground has their own chat with Lederrum and "only visible to you".
      return false;
    },

    runUntil: (iso) => runUntil(app, clock, iso),
    close: () => app.close(),
  };
  return driver;
}

export const playgroundDriver: DriverFactory = { platform: 'playground', workspaces: 1, start };
