// Group use cases: create a group, add and remove members, follow the platform's membership
// events, and show the facilitator participation (counts, never content).
import { LederrumError } from '../errors.ts';
import type { Group, Person } from '../model/domain.ts';
import type { Actor, InboundEvent } from '../model/events.ts';
import type { Block, Form, Reply } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { listNames, translator } from '../i18n/translate.ts';
import { whoSees } from '../i18n/who-sees.ts';
import { destinationOf, groupHere, languageOf, requireFacilitator, type Turn } from '../context.ts';
import { PARTICIPATION_WINDOW, participationBlocks } from './participation.ts';
import * as check from './validate.ts';
import { memberGroup, notYours } from '../ownership.ts';
import { recordPost } from '../people/forget-posts.ts';
import { planButton } from '../planning/commands.ts';

export const FORMS = { create: 'group.create', add: 'group.add', remove: 'group.remove' } as const;

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

export async function openCreateForm(turn: Turn, suggestedName: string): Promise<Reply> {
  const { store, defaultTimeZone } = turn.deps;
  const { place, actor } = turn.event;
  // handle() has already looked up the group of a channel, if there is one.
  if (turn.group) throw new LederrumError('GROUP_EXISTS', 'error.group_exists', { params: { name: turn.group.name } });
  const language = languageOf(turn);
  const t = translator(language);
  const followed = place.kind === 'group' ? await conversationMembers(turn, place.conversationId) : null;
  const form: Form = {
    id: FORMS.create,
    language,
    state: '',
    title: t('group.form.title'),
    submitLabel: t('group.form.create'),
    intro: [whoSees(t, 'group')],
    fields: [
      { type: 'text', id: 'name', label: t('group.form.name'), maxLength: check.MAX_GROUP_NAME, initial: suggestedName || place.name || '' },
      {
        type: 'choice',
        id: 'language',
        label: t('group.form.language'),
        options: [
          { value: 'da', label: t('language.da') },
          { value: 'en', label: t('language.en') },
        ],
        initial: language,
      },
      {
        type: 'text',
        id: 'time_zone',
        label: t('group.form.time_zone'),
        initial: turn.person.timeZone ?? defaultTimeZone,
        hint: t('group.form.time_zone_hint'),
      },
    ],
  };
  if (followed) {
    // Membership will follow the conversation: show who that is instead of a picker.
    const names = followed.filter((a) => a.externalId !== actor.externalId).map((a) => a.displayName);
    form.intro.push({ type: 'context', text: t('group.form.members_follow', { names: names.length > 0 ? listNames(language, names) : '–' }) });
  } else {
    const others = (await store.listPeople(actor.workspace)).filter((p) => p.id !== turn.person.id);
    if (others.length > 0) form.fields.push(peoplePicker('members', t('group.form.members'), others, true));
  }
  return { kind: 'form', form };
}

export async function createGroup(turn: Submitted): Promise<Reply> {
  const { store, deliverer } = turn.deps;
  const { values, place, actor } = turn.event;
  const name = check.groupName(values['name']);
  const language = check.language(values['language']);
  const timeZone = check.timeZone(values['time_zone']);
  const followed = place.kind === 'group' ? await conversationMembers(turn, place.conversationId) : null;
  const members = followed
    ? await upsertAll(
        turn,
        followed.filter((a) => a.externalId !== actor.externalId),
      )
    : await pickedPeople(turn, values['members']);

  let conversationId = place.kind === 'group' ? place.conversationId : null;
  if (conversationId === null) {
    if (!deliverer.createConversation) throw new LederrumError('NO_GROUP_HERE', 'error.no_group_here');
    conversationId = await deliverer.createConversation(actor.platform, name, [actor.externalId, ...members.map((m) => m.externalId)]);
  }
  const group = await store.createGroup({
    platform: actor.platform,
    workspace: actor.workspace,
    conversationId,
    name,
    language,
    timeZone,
    facilitatorId: turn.person.id,
    memberIds: members.map((m) => m.id),
  });
  const t = translator(language);
  const welcome = await deliverer.post(
    destinationOf(group),
    textMessage(
      t('group.welcome', {
        name,
        facilitators: turn.person.displayName,
        members:
          members.length > 0
            ? listNames(
                language,
                members.map((m) => m.displayName),
              )
            : '–',
      }),
    ),
  );
  // The welcome names everyone: each of them can have it shown again without them.
  for (const person of [turn.person, ...members]) {
    await recordPost(turn.deps, person, { conversationId: group.conversationId, messageRef: welcome, kind: 'notice', subjectId: `welcome:${group.id}` });
  }
  // The facilitator is led straight on to planning when the check-ins open.
  const blocks: Block[] = [
    { type: 'text', text: t('group.created', { name }) },
    { type: 'text', text: t('group.created.next') },
    { type: 'buttons', buttons: [planButton(group)] },
  ];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

export async function openAddForm(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  const { memberships } = await requireFacilitator(turn, group);
  const t = translator(group.language);
  const inGroup = new Set(memberships.map((m) => m.person.id));
  const followed = await conversationMembers(turn, group.conversationId, group);
  const candidates = (await candidatesToAdd(turn, group, followed)).filter((p) => !inGroup.has(p.id));
  // Where membership follows the conversation, only someone whose joining was missed can be added.
  if (candidates.length === 0) return { kind: 'message', message: textMessage(t(followed ? 'group.members_follow_conversation' : 'group.add.nobody')) };
  return { kind: 'form', form: pickForm(FORMS.add, group, t('group.add.title'), t('group.add.submit'), candidates) };
}

export async function openRemoveForm(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  const { memberships } = await requireFacilitator(turn, group);
  const t = translator(group.language);
  if (await followsConversation(turn, group)) return { kind: 'message', message: textMessage(t('group.members_follow_conversation')) };
  const others = memberships.filter((m) => m.person.id !== turn.person.id).map((m) => m.person);
  if (others.length === 0) return { kind: 'message', message: textMessage(t('group.remove.nobody')) };
  return { kind: 'form', form: pickForm(FORMS.remove, group, t('group.remove.title'), t('group.remove.submit'), others) };
}

export async function changeMembers(turn: Submitted, change: 'add' | 'remove'): Promise<Reply> {
  const group = await memberGroup(turn, turn.event.state);
  const { memberships } = await requireFacilitator(turn, group);
  const { store, clock, deliverer } = turn.deps;
  const t = translator(group.language);
  const followed = await conversationMembers(turn, group.conversationId, group);
  // Where membership follows the conversation it is never removed by hand (the form is not offered).
  if (change === 'remove' && followed) throw notYours('members of a group that follows its conversation');
  // Exactly the people the form offered: for adding, those not in the group yet (from the
  // conversation's roster where the platform keeps one); for removing, the other members.
  const inGroup = new Set(memberships.map((m) => m.person.id));
  const offered = change === 'add' ? (await candidatesToAdd(turn, group, followed)).filter((p) => !inGroup.has(p.id)) : memberships.map((m) => m.person).filter((p) => p.id !== turn.person.id);
  const chosen = offeredPicks(offered, turn.event.values['people']);
  if (chosen.length === 0) throw new LederrumError('INVALID_INPUT', 'group.pick_none', { field: 'people' });
  if (change === 'add')
    await store.addMembers(
      group.id,
      chosen.map((p) => p.id),
      'member',
      clock.now(),
    );
  else
    await store.removeMembers(
      group.id,
      chosen.map((p) => p.id),
      clock.now(),
    );
  const names = listNames(
    group.language,
    chosen.map((p) => p.displayName),
  );
  const message = textMessage(t(change === 'add' ? 'group.added' : 'group.removed', { names, group: group.name }));
  const ref = await deliverer.post(destinationOf(group), message);
  for (const person of chosen) await recordPost(turn.deps, person, { conversationId: group.conversationId, messageRef: ref, kind: 'notice', subjectId: `members:${group.id}` });
  return { kind: 'message', message };
}

/** The platform says someone joined or left the group's conversation: membership follows it. */
export async function followMembership(turn: Turn, change: 'joined' | 'left'): Promise<Reply> {
  const { store, clock } = turn.deps;
  const group = turn.group;
  if (!group) return { kind: 'none' };
  if (change === 'joined') await store.addMembers(group.id, [turn.person.id], 'member', clock.now());
  else await store.removeMembers(group.id, [turn.person.id], clock.now());
  return { kind: 'none' };
}

export async function participation(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  const { memberships } = await requireFacilitator(turn, group);
  const history = await turn.deps.store.attendanceHistory(group.id, PARTICIPATION_WINDOW);
  const blocks = participationBlocks(group, memberships, history);
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

/** Whether the group's membership follows its conversation: then no one adds or removes members by hand. */
async function followsConversation(turn: Turn, group: Group): Promise<boolean> {
  return (await conversationMembers(turn, group.conversationId, group)) !== null;
}

/** The conversation's members where the platform keeps them (then the group follows them), else null. */
async function conversationMembers(turn: Turn, conversationId: string, group?: Group) {
  const { deliverer } = turn.deps;
  if (!deliverer.membersOf) return null;
  return deliverer.membersOf({ platform: group?.platform ?? turn.event.actor.platform, conversationId });
}

/**
 * Who may be added: the conversation's members where the platform keeps that list (a Teams
 * channel whose membership event never arrived, say), else everyone Lederrum knows there.
 */
async function candidatesToAdd(turn: Turn, group: Group, followed: Actor[] | null): Promise<Person[]> {
  return followed ? upsertAll(turn, followed) : turn.deps.store.listPeople(group.workspace);
}

async function upsertAll(turn: Turn, actors: Actor[]): Promise<Person[]> {
  const people: Person[] = [];
  for (const actor of actors) people.push(await turn.deps.store.upsertPerson(actor));
  return people;
}

async function pickedPeople(turn: Turn, raw: unknown): Promise<Person[]> {
  const people = await turn.deps.store.listPeople(turn.event.actor.workspace);
  return offeredPicks(
    people.filter((p) => p.id !== turn.person.id),
    raw,
  );
}

/** The people picked, each one the form offered: an id it did not offer is refused, not dropped. */
function offeredPicks(offered: Person[], raw: unknown): Person[] {
  const picked = new Set(check.pickedIds(raw));
  const chosen = offered.filter((p) => picked.has(p.id));
  if (chosen.length !== picked.size) throw notYours('person not offered in the picker');
  return chosen;
}

function peoplePicker(id: string, label: string, people: Person[], optional: boolean) {
  return {
    type: 'multi_choice' as const,
    id,
    label,
    optional,
    options: people.map((p) => ({ value: p.id, label: p.displayName })),
  };
}

function pickForm(id: string, group: Group, title: string, submitLabel: string, people: Person[]): Form {
  return { id, language: group.language, state: group.id, title, submitLabel, intro: [], fields: [peoplePicker('people', title, people, false)] };
}
