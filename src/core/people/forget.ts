// `slet mine data` / `delete my data`, and an admin's data request (`slet data @Person`): show
// what will go and what stays, confirm, edit the bot's posts, delete in one transaction, say
// what went. The confirmation names who asked and whom it is about: pressed by anyone else it
// is refused, and a value naming someone outside the admin's workspace is refused as forged.
import { LederrumError } from '../errors.ts';
import type { Person, Platform } from '../model/domain.ts';
import type { InboundEvent, Mention } from '../model/events.ts';
import type { Block, Reply } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { personalLanguage, type Turn } from '../context.ts';
import { notYours } from '../ownership.ts';
import { isAdmin } from '../polls/roles.ts';
import { distinctLabels } from './names.ts';
import { DELETED_KINDS, FORGET_KINDS, KEPT_WITHOUT_NAME, type ForgetCounts } from './forget-model.ts';
import { rewritePosts, type Rewritten } from './forget-posts.ts';

export const FORGET_ACTIONS = { confirm: 'forget.confirm', cancel: 'forget.cancel' } as const;
export const FORGET_PICK_FORM = 'forget.pick';

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

export async function askForget(turn: Turn): Promise<Reply> {
  return preview(turn, turn.person);
}

/** `slet data @Person` (an admin): the person by the platform's mention, never by a typed name. */
export async function askForgetFor(turn: Turn, args: string): Promise<Reply> {
  await requireAdmin(turn);
  const mentions = turn.event.type === 'command' ? uniqueMentions(turn.event.mentions ?? []) : [];
  if (mentions.length === 0 && args.trim() === '') return openPicker(turn);
  if (mentions.length === 0) throw new LederrumError('INVALID_INPUT', 'error.forget_by_identity');
  if (mentions.length > 1) throw new LederrumError('INVALID_INPUT', 'error.forget_one_at_a_time');
  const mention = mentions[0]!;
  // Only someone Lederrum already knows in the admin's own workspace; a mention never creates anyone.
  const known = mention.workspace === turn.person.workspace ? (await turn.deps.store.listPeople(turn.person.workspace)).find((p) => p.externalId === mention.externalId) : undefined;
  if (!known) throw new LederrumError('NOT_FOUND', 'error.forget_unknown_person', { params: { name: mention.displayName } });
  return preview(turn, known);
}

/** The list to choose from: the people of the admin's own workspace, and only them. */
async function openPicker(turn: Turn): Promise<Reply> {
  const language = personalLanguage(turn);
  const t = translator(language);
  const people = (await turn.deps.store.listPeople(turn.person.workspace)).filter((p) => p.id !== turn.person.id);
  if (people.length === 0) return message(t('forget.pick.nobody'));
  const labels = distinctLabels(people);
  const options = people.map((p) => ({ value: p.id, label: labels.get(p.id)! })).sort((a, b) => a.label.localeCompare(b.label, language));
  return {
    kind: 'form',
    form: {
      id: FORGET_PICK_FORM,
      language,
      state: '',
      title: t('forget.pick.title'),
      submitLabel: t('forget.pick.submit'),
      intro: [{ type: 'context', text: t('forget.pick.intro') }],
      fields: [{ type: 'choice', id: 'person', label: t('forget.pick.person'), options }],
    },
  };
}

/** The list submitted: the id must be someone of the admin's workspace, read again now. */
export async function submitPick(turn: Submitted): Promise<Reply> {
  await requireAdmin(turn);
  const picked = turn.event.values['person'];
  if (typeof picked !== 'string' || picked === '') throw new LederrumError('INVALID_INPUT', 'error.forget_pick_none', { field: 'person' });
  const person = (await turn.deps.store.listPeople(turn.person.workspace)).find((p) => p.id === picked);
  if (!person) throw notYours("person outside the admin's workspace");
  return preview(turn, person);
}

/** What would go and what would stay, with the confirmation bound to the asker and the person. */
async function preview(turn: Turn, target: Person): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const self = target.id === turn.person.id;
  const name = distinctLabels([target]).get(target.id)!;
  const counts = await turn.deps.store.forgetPreview(target.id);
  if (nothingBut(counts)) return message(self ? t('forget.nothing') : t('forget.nothing_for', { name }));
  const value = confirmation(turn, target);
  const blocks: Block[] = [
    { type: 'header', text: self ? t('forget.ask.title') : t('forget.ask_for.title', { name }) },
    { type: 'section', title: t('forget.will_delete'), text: bullets(deletedLines(t, counts)) },
    { type: 'context', text: t(self ? 'forget.posts_note' : 'forget.posts_note_for') },
    { type: 'section', title: t('forget.will_keep'), text: bullets(keptLines(t, counts, target.platform)) },
    { type: 'context', text: t('forget.cannot_undo') },
    {
      type: 'buttons',
      buttons: [
        { action: FORGET_ACTIONS.confirm, value, label: t('forget.confirm'), style: 'danger' },
        { action: FORGET_ACTIONS.cancel, value, label: t('forget.cancel') },
      ],
    },
  ];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

export async function confirmForget(turn: Turn, value: string): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const target = await confirmedTarget(turn, value);
  if (!target) return message(t('forget.nothing'));
  const self = target.id === turn.person.id;
  const name = distinctLabels([target]).get(target.id)!;
  if (nothingBut(await turn.deps.store.forgetPreview(target.id))) return message(self ? t('forget.nothing') : t('forget.nothing_for', { name }));
  // Posts first, then the rows (see rewritePosts): a retry after a crash still finds the posts.
  const posts = await rewritePosts(turn.deps, target);
  const counts = await turn.deps.store.forgetPerson(target.id);
  turn.deps.logger.info("a person's data was deleted", { platform: target.platform, byAdmin: !self, posts: posts.total, failedEdits: posts.total - posts.edited });
  // Shown once, kept nowhere Lederrum controls: a copy in the playground's chat would name the
  // person again, in a table just emptied of them.
  return { kind: 'message', message: doneMessage(t, counts, posts, target, self ? null : name), keepNoCopy: true };
}

export async function cancelForget(turn: Turn, value: string): Promise<Reply> {
  await confirmedTarget(turn, value);
  return message(translator(personalLanguage(turn))('forget.cancelled'));
}

/** `<person id>|<asker's platform id>`: useless to anyone but the asker (checked against who pressed). */
function confirmation(turn: Turn, target: Person): string {
  return `${target.id}|${turn.person.externalId}`;
}

/**
 * The person a confirmation is about, once it is the asker who pressed it and they may still ask
 * (themself, or as an admin for someone of their workspace). Null when the person is gone already:
 * the asker's own id changes once they are deleted, so their platform id is what binds it.
 */
async function confirmedTarget(turn: Turn, value: string): Promise<Person | null> {
  const cut = value.indexOf('|');
  const [targetId, asker] = cut > 0 ? [value.slice(0, cut), value.slice(cut + 1)] : ['', ''];
  if (targetId === '' || asker === '') throw notYours('malformed forget confirmation');
  if (asker !== turn.person.externalId) throw new LederrumError('NOT_YOURS', 'error.forget_not_yours', { detail: 'NOT_YOURS: forget confirmation of someone else' });
  const [target] = await turn.deps.store.people([targetId]);
  if (!target) return null;
  if (target.id === turn.person.id) return target;
  await requireAdmin(turn);
  if (target.workspace !== turn.person.workspace) throw notYours("person outside the admin's workspace");
  return target;
}

async function requireAdmin(turn: Turn): Promise<void> {
  if (!(await isAdmin(turn))) throw new LederrumError('NOT_ADMIN', 'error.forget_not_admin');
}

/** Nothing to delete but the bare person row, which the platform's next message would make again. */
function nothingBut(counts: ForgetCounts): boolean {
  return FORGET_KINDS.every((kind) => kind === 'profile' || !counts[kind]);
}

function deletedLines(t: Translator, counts: ForgetCounts): string[] {
  return DELETED_KINDS.filter((kind) => counts[kind]).map((kind) => t(`forget.kind.${kind}`, { count: counts[kind]! }));
}

function keptLines(t: Translator, counts: ForgetCounts, platform: Platform): string[] {
  const named = KEPT_WITHOUT_NAME.filter((kind) => counts[kind]).map((kind) => t(`forget.keep.${kind}`, { count: counts[kind]! }));
  const fixed = [t('forget.keep.others'), t('forget.keep.poll_answers')];
  if (platform !== 'playground') fixed.push(t('forget.keep.platform', { platform: platform === 'slack' ? 'Slack' : 'Teams' }));
  return [...named, ...fixed];
}

function doneMessage(t: Translator, counts: ForgetCounts, posts: Rewritten, target: Person, otherName: string | null) {
  const blocks: Block[] = [{ type: 'section', title: otherName ? t('forget.done_for', { name: otherName }) : t('forget.done'), text: bullets(deletedLines(t, counts)) }];
  const kept = KEPT_WITHOUT_NAME.filter((kind) => counts[kind]).map((kind) => t(`forget.keep.${kind}`, { count: counts[kind]! }));
  if (kept.length > 0) blocks.push({ type: 'section', title: t('forget.kept_title'), text: bullets(kept) });
  const notes = [t('forget.keep.others'), t('forget.keep.poll_answers')];
  if (target.platform !== 'playground') notes.push(t('forget.keep.platform', { platform: target.platform === 'slack' ? 'Slack' : 'Teams' }));
  blocks.push({ type: 'section', title: t('forget.will_keep'), text: bullets(notes) });
  if (posts.total > 0) blocks.push({ type: 'context', text: t('forget.posts_edited', { edited: posts.edited, total: posts.total }) });
  if (posts.edited < posts.total) blocks.push({ type: 'context', text: t('forget.posts_failed', { failed: posts.total - posts.edited }) });
  if (!otherName) blocks.push({ type: 'context', text: t('forget.fresh_start') });
  return { text: plainText(blocks), blocks };
}

function bullets(lines: string[]): string {
  return lines.map((line) => `• ${line}`).join('\n');
}

function uniqueMentions(mentions: readonly Mention[]): Mention[] {
  return [...new Map(mentions.map((m) => [m.externalId, m])).values()];
}

function message(text: string): Reply {
  return { kind: 'message', message: textMessage(text) };
}
