// Agreements in lists: the member's own (with history), the group's for its facilitator, the
// short version in the overview and the due ones in the next "Siden sidst" form, and exports as
// Markdown or plain text. Every list is filtered by `visibleTo`; the group's list is read from
// group-visible agreements only, so a private agreement can reach no one but its owner.
import { DateTime } from 'luxon';
import { LederrumError } from '../errors.ts';
import type { Group, Person } from '../model/domain.ts';
import type { Block, Reply } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { groupHere, personalLanguage, requireFacilitator, type CoreDeps, type Turn } from '../context.ts';
import type { Agreement } from './model.ts';
import { AGREEMENT_ACTIONS, choiceButtons, eventLine, exportAgreements, statusLine, type ExportFormat } from './messages.ts';
import { isFinished, mayAct, visibleTo } from './rules.ts';
import { memberGroup, notYours, valueParts } from '../ownership.ts';

const SHOWN_ACTIVE = 10;
const SHOWN_HISTORY = 8;
const IN_OVERVIEW = 3;

async function visibleAgreements(deps: CoreDeps, person: Person): Promise<{ agreements: Agreement[]; groups: Group[] }> {
  const groups = await deps.store.groupsOf(person.id);
  const ids = groups.map((g) => g.id);
  const agreements = (await deps.store.agreementsFor(person.id, ids)).filter((a) => visibleTo(a, person.id, ids));
  return { agreements, groups };
}

const groupNamer = (groups: Group[], none: string) => (id: string | null) => groups.find((g) => g.id === id)?.name ?? none;

/** `aftaler`, `aftaler gruppe`, `aftaler eksport [markdown|tekst]`, `aftaler gruppe eksport …`. */
export async function listCommand(turn: Turn, args: string): Promise<Reply> {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const forGroup = /^(gruppe|group)$/.test(words[0] ?? '');
  const rest = forGroup ? words.slice(1) : words;
  const exporting = /^(eksport|export)$/.test(rest[0] ?? '');
  if (!exporting && rest.length > 0) throw new LederrumError('INVALID_INPUT', 'error.agreements_args');
  if (forGroup && !exporting) return groupAgreements(turn);
  if (!exporting) return myAgreements(turn);
  const scope = forGroup ? `group/${(await groupHere(turn)).id}` : 'mine';
  return exportList(turn, `${scope}:${rest[1] ?? 'markdown'}`);
}

/** `aftaler`: the member's agreements with their choices, what happened lately, and export buttons. */
export async function myAgreements(turn: Turn): Promise<Reply> {
  const language = personalLanguage(turn);
  const t = translator(language);
  const { agreements, groups } = await visibleAgreements(turn.deps, turn.person);
  const ids = groups.map((g) => g.id);
  const nameOf = groupNamer(groups, t('agreement.form.no_group'));
  const blocks: Block[] = [{ type: 'header', text: t('agreement.list.mine') }];
  const active = agreements.filter((a) => !isFinished(a.status));
  if (active.length === 0) blocks.push({ type: 'text', text: t('agreement.list.none_active') });
  for (const agreement of active.slice(0, SHOWN_ACTIVE)) {
    blocks.push({
      type: 'section',
      title: `${t(`agreement.kind.${agreement.kind}`)} · ${nameOf(agreement.groupId)}${agreement.visibility === 'private' ? ` · ${t('agreement.visibility.private')}` : ''}`,
      text: agreement.text,
    });
    blocks.push({ type: 'context', text: statusLine(t, language, agreement) });
    if (mayAct(agreement, turn.person.id, ids)) blocks.push({ type: 'buttons', buttons: choiceButtons(t, agreement.id, null) });
  }
  if (active.length > SHOWN_ACTIVE) blocks.push({ type: 'context', text: t('agreement.list.more', { count: active.length - SHOWN_ACTIVE }) });
  const finished = agreements.filter((a) => isFinished(a.status));
  if (finished.length > 0) {
    blocks.push({
      type: 'section',
      title: t('agreement.list.finished'),
      text: finished
        .slice(0, SHOWN_ACTIVE)
        .map((a) => `• ${a.text.replace(/\s+/g, ' ')} – ${t(`agreement.status.${a.status}`)}`)
        .join('\n'),
    });
  }
  blocks.push(...(await historyBlocks(turn, agreements, SHOWN_HISTORY)));
  blocks.push(exportButtons(t, 'mine'));
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

/** What happened lately to these agreements, newest first, with who did it. */
async function historyBlocks(turn: Turn, agreements: Agreement[], limit: number): Promise<Block[]> {
  const events = await turn.deps.store.agreementEvents(
    agreements.map((a) => a.id),
    limit,
  );
  if (events.length === 0) return [];
  const language = personalLanguage(turn);
  const t = translator(language);
  const actors = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const names = new Map((await turn.deps.store.people(actors)).map((p) => [p.id, p.displayName]));
  const textOf = new Map(agreements.map((a) => [a.id, a.text]));
  const lines = events.map((e) => eventLine(t, language, e, textOf.get(e.agreementId) ?? '', (id) => names.get(id ?? '') ?? '?'));
  return [{ type: 'section', title: t('agreement.list.history'), text: lines.join('\n') }];
}

function exportButtons(t: ReturnType<typeof translator>, scope: string): Block {
  return {
    type: 'buttons',
    buttons: [
      { action: AGREEMENT_ACTIONS.export, value: `${scope}:markdown`, label: t('agreement.export.markdown') },
      { action: AGREEMENT_ACTIONS.export, value: `${scope}:text`, label: t('agreement.export.text') },
    ],
  };
}

/** `aftaler gruppe`: the facilitator's view of the group's agreements and their statuses. */
export async function groupAgreements(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  await requireFacilitator(turn, group);
  const t = translator(group.language);
  const agreements = await turn.deps.store.groupAgreements(group.id);
  const blocks: Block[] = [{ type: 'header', text: t('agreement.list.group', { group: group.name }) }];
  if (agreements.length === 0) blocks.push({ type: 'text', text: t('agreement.list.none') });
  const counts = (['active', 'adjusted', 'kept', 'stopped'] as const).map((s) => [s, agreements.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
  if (counts.length > 0) blocks.push({ type: 'fields', fields: counts.map(([s, n]) => ({ label: t(`agreement.status.${s}`), value: String(n) })) });
  for (const agreement of agreements.slice(0, SHOWN_ACTIVE * 2)) {
    blocks.push({ type: 'section', title: t(`agreement.kind.${agreement.kind}`), text: agreement.text }, { type: 'context', text: statusLine(t, group.language, agreement) });
  }
  blocks.push(exportButtons(t, `group/${group.id}`));
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

/** The export buttons and `aftaler eksport markdown|tekst`. */
export async function exportList(turn: Turn, value: string): Promise<Reply> {
  // "mine:markdown" or "group/<id>:text": the person's own, or a group they facilitate.
  const [scope = '', format = ''] = valueParts(value, ':', 2, 2, 'export');
  if (scope !== 'mine' && !scope.startsWith('group/')) throw notYours('export scope');
  const chosen: ExportFormat = /^(text|tekst)$/i.test(format) ? 'text' : 'markdown';
  const language = personalLanguage(turn);
  const t = translator(language);
  let title: string;
  let agreements: Agreement[];
  let groups: Group[];
  if (scope !== 'mine') {
    const group = await memberGroup(turn, scope.slice('group/'.length));
    await requireFacilitator(turn, group);
    groups = [group];
    agreements = await turn.deps.store.groupAgreements(group.id);
    title = t('agreement.list.group', { group: group.name });
  } else {
    ({ agreements, groups } = await visibleAgreements(turn.deps, turn.person));
    title = t('agreement.list.mine');
  }
  const text = exportAgreements(language, title, agreements, chosen, groupNamer(groups, t('agreement.form.no_group')));
  const blocks: Block[] = [
    { type: 'context', text: t(chosen === 'markdown' ? 'agreement.export.markdown_note' : 'agreement.export.text_note') },
    { type: 'code', text },
  ];
  return { kind: 'message', message: { text, blocks } };
}

/**
 * The overview's part: the member's active agreements, and for facilitators the groups' counts.
 * `read`: the agreements the overview read with the rest (as `agreementsFor` reads them), shown
 * only where `visibleTo` allows; `groups`: the person's groups; `facilitated`: those they facilitate.
 */
export async function overviewBlocks(turn: Turn, read: Agreement[], groups: Group[], facilitated: Group[]): Promise<Block[]> {
  const language = personalLanguage(turn);
  const t = translator(language);
  const ids = groups.map((g) => g.id);
  const agreements = read.filter((a) => visibleTo(a, turn.person.id, ids));
  const nameOf = groupNamer(groups, t('agreement.form.no_group'));
  const active = agreements.filter((a) => !isFinished(a.status));
  const blocks: Block[] = [{ type: 'header', text: t('agreement.list.mine') }];
  if (active.length === 0) blocks.push({ type: 'text', text: t('agreement.list.none_active') });
  for (const agreement of active.slice(0, IN_OVERVIEW)) {
    blocks.push(
      { type: 'section', title: `${t(`agreement.kind.${agreement.kind}`)} · ${nameOf(agreement.groupId)}`, text: agreement.text },
      { type: 'context', text: statusLine(t, language, agreement) },
    );
  }
  blocks.push(...(await historyBlocks(turn, agreements, IN_OVERVIEW)));
  blocks.push({ type: 'context', text: t('agreement.list.see_all') });
  // A group's shared agreements are among those just read: every group-visible agreement of the person's groups.
  const sharedIn = (groupId: string) => agreements.filter((a) => a.visibility === 'group' && a.groupId === groupId);
  for (const group of facilitated) {
    const shared = sharedIn(group.id);
    if (shared.length === 0) continue;
    const line = (['active', 'adjusted', 'kept', 'stopped'] as const).map((s) => `${t(`agreement.status.${s}`)}: ${shared.filter((a) => a.status === s).length}`).join(' · ');
    const quiet = shared.filter((a) => a.quietSince && !isFinished(a.status)).length;
    blocks.push({ type: 'text', text: `${t('agreement.list.group', { group: group.name })}: ${line}${quiet ? ` · ${t('agreement.quiet')}: ${quiet}` : ''}` });
  }
  return blocks;
}

/**
 * The agreements to bring to this group's "Siden sidst": the member's own (in this group or in
 * none) and the group's, whose follow-up day has come or whose follow-up waits for an answer.
 */
export async function dueAgreements(deps: CoreDeps, person: Person, group: Group): Promise<Agreement[]> {
  const { agreements } = await visibleAgreements(deps, person);
  const today = DateTime.fromJSDate(deps.clock.now(), { zone: person.timeZone ?? group.timeZone }).toISODate()!;
  const running = agreements.filter((a) => !isFinished(a.status) && (a.groupId === null || a.groupId === group.id));
  // One read for all their latest follow-ups, not one per agreement.
  const latestOf = await deps.store.latestFollowUps(running.map((a) => a.id));
  return running.filter((agreement) => {
    const latest = latestOf.get(agreement.id);
    const waiting = latest !== undefined && (latest.answer === null || latest.answer === 'unanswered');
    return waiting || (agreement.followUpDate !== null && agreement.followUpDate <= today);
  });
}
