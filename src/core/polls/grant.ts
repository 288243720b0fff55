// Granting and removing the HR role, to a person rather than a name: by the platform's own
// mention (an identity the platform vouches for), by a choice from the list Lederrum shows the
// admin, or by a name that fits exactly one person. Display names repeat and their owners can
// change them, so a name that fits several people, or nobody, changes nothing and says how to
// name the person instead. The person whose role changed is told privately, in their language.
import { LederrumError, errorForLog } from '../errors.ts';
import type { Person, Platform } from '../model/domain.ts';
import type { InboundEvent, Mention } from '../model/events.ts';
import { textMessage, type Block, type Reply } from '../model/messages.ts';
import { listNames, translate, translator } from '../i18n/translate.ts';
import { personalLanguage, type Turn } from '../context.ts';
import { distinctLabels, peopleNamed } from '../people/names.ts';

export const HR_PICK_FORM = 'hr.pick';

export type RoleChange = 'grant' | 'revoke';
type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

/** `hr tildel …` / `hr fjern …` from an admin: the mentioned people, else the name typed, else the list. */
export async function changeByCommand(turn: Turn, change: RoleChange, name: string): Promise<Reply> {
  const mentions = turn.event.type === 'command' ? (turn.event.mentions ?? []) : [];
  if (mentions.length > 0) {
    const lines: string[] = [];
    for (const mention of uniqueMentions(mentions)) {
      const person = await mentionedPerson(turn, mention, change);
      lines.push(person ? await changeRole(turn, person, change) : notHolder(turn, mention.displayName));
    }
    return message(lines.join('\n'));
  }
  if (name === '') return openPicker(turn, change);
  const matches = peopleNamed(await turn.deps.store.listPeople(turn.person.workspace), name);
  if (matches.length === 1) return message(await changeRole(turn, matches[0]!, change));
  const language = personalLanguage(turn);
  const how = translate(language, mentionsExist(turn.person.platform) ? 'hr.how.mention' : 'hr.how.picker', { command: command(turn, change) });
  if (matches.length === 0) throw new LederrumError('NOT_FOUND', 'error.hr_unknown_person', { params: { name, how } });
  const labels = distinctLabels(matches);
  const candidates = listNames(
    language,
    matches.map((p) => labels.get(p.id)!).sort((a, b) => a.localeCompare(b, language)),
  );
  throw new LederrumError('AMBIGUOUS_NAME', 'error.hr_ambiguous', { params: { name, candidates, how } });
}

/** The list to choose from: everyone in the workspace who lacks the role, or those who hold it. */
export async function openPicker(turn: Turn, change: RoleChange): Promise<Reply> {
  const language = personalLanguage(turn);
  const t = translator(language);
  const people = await offered(turn, change);
  if (people.length === 0) return message(t(change === 'grant' ? 'hr.pick.everyone_holds' : 'hr.none'));
  const labels = distinctLabels(people);
  const options = people.map((p) => ({ value: p.id, label: labels.get(p.id)! })).sort((a, b) => a.label.localeCompare(b.label, language));
  const intro: Block[] = [{ type: 'context', text: t('hr.pick.intro') }];
  // Lederrum knows only those who have met it; a mention reaches anyone in the workspace.
  if (change === 'grant' && mentionsExist(turn.person.platform)) intro.push({ type: 'context', text: t('hr.pick.only_known', { command: command(turn, change) }) });
  return {
    kind: 'form',
    form: {
      id: HR_PICK_FORM,
      language,
      state: change,
      title: t(change === 'grant' ? 'hr.pick.title_grant' : 'hr.pick.title_revoke'),
      submitLabel: t(change === 'grant' ? 'hr.pick.submit_grant' : 'hr.pick.submit_revoke'),
      intro,
      fields: [{ type: 'choice', id: 'person', label: t('hr.pick.person'), options }],
    },
  };
}

/** The list submitted: the id must be one this admin could have been offered, read again now. */
export async function submitPicker(turn: Submitted): Promise<Reply> {
  const { state, values } = turn.event;
  if (state !== 'grant' && state !== 'revoke') throw new LederrumError('NOT_FOUND', 'error.not_found');
  const picked = values['person'];
  if (typeof picked !== 'string' || picked === '') throw new LederrumError('INVALID_INPUT', 'error.hr_pick_none', { field: 'person' });
  // Grant: anyone in the workspace (one who got the role meanwhile is told so); revoke: the holders.
  const { store } = turn.deps;
  const pool = state === 'grant' ? await store.listPeople(turn.person.workspace) : await store.holders(turn.person.workspace, 'hr');
  const person = pool.find((p) => p.id === picked);
  if (!person) throw new LederrumError('NOT_FOUND', 'error.hr_not_offered', { field: 'person', params: { command: command(turn, state) } });
  return message(await changeRole(turn, person, state));
}

/** Changes the role if it is not already so, tells the person, and says what happened. */
async function changeRole(turn: Turn, person: Person, change: RoleChange): Promise<string> {
  const { store, deliverer, logger, defaultLanguage } = turn.deps;
  const t = translator(personalLanguage(turn));
  const name = distinctLabels([person]).get(person.id)!;
  const grant = change === 'grant';
  if ((await store.hasRole(person.id, 'hr')) === grant) return t(grant ? 'hr.already' : 'hr.not_holder', { name });
  await store.setRole(person.id, 'hr', grant);
  const done = t(grant ? 'hr.granted' : 'hr.revoked', { name });
  if (person.id === turn.person.id) return done;
  const told = translate(person.locale ?? defaultLanguage, grant ? 'hr.you_granted' : 'hr.you_revoked', { admin: turn.person.displayName });
  try {
    await deliverer.sendPrivate(person, textMessage(told));
    return done;
  } catch (error) {
    // The role has changed either way; the admin hears that the person has not been told.
    logger.warn('hr role change not delivered to the person', errorForLog(error));
    return `${done}\n${t('hr.not_told', { name })}`;
  }
}

/**
 * The mentioned person as the store knows them. Granting makes a person of someone who has not
 * used Lederrum yet (the platform vouches for the id); revoking never does, they hold nothing.
 */
async function mentionedPerson(turn: Turn, mention: Mention, change: RoleChange): Promise<Person | null> {
  const { store } = turn.deps;
  const { platform, workspace } = turn.person;
  // Roles are per workspace: someone mentioned from another one (a guest in a shared channel) is
  // not anyone this admin can give a role to.
  if (mention.workspace !== workspace) return null;
  if (change === 'grant') {
    const person = await store.upsertPerson({ platform, workspace, externalId: mention.externalId, displayName: mention.displayName, ...(mention.fullName ? { fullName: mention.fullName } : {}) });
    return person.workspace === workspace ? person : null;
  }
  return (await store.listPeople(workspace)).find((p) => p.externalId === mention.externalId) ?? null;
}

async function offered(turn: Turn, change: RoleChange): Promise<Person[]> {
  const { store } = turn.deps;
  const holders = await store.holders(turn.person.workspace, 'hr');
  if (change === 'revoke') return holders;
  const held = new Set(holders.map((p) => p.id));
  return (await store.listPeople(turn.person.workspace)).filter((p) => !held.has(p.id));
}

function notHolder(turn: Turn, name: string): string {
  return translate(personalLanguage(turn), 'hr.not_holder', { name });
}

function uniqueMentions(mentions: readonly Mention[]): Mention[] {
  return [...new Map(mentions.map((m) => [m.externalId, m])).values()];
}

/** Slack and Teams let a person @mention anyone; the playground's command line has no mentions. */
function mentionsExist(platform: Platform): boolean {
  return platform !== 'playground';
}

function command(turn: Turn, change: RoleChange): string {
  return translate(personalLanguage(turn), change === 'grant' ? 'hr.command.grant' : 'hr.command.revoke');
}

function message(text: string): Reply {
  return { kind: 'message', message: textMessage(text) };
}
