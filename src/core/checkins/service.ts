// Check-in use cases: start, answer, pass, open the closing round, close with a summary.
import { isLederrumError, LederrumError } from '../errors.ts';
import type { Answer, Checkin, Group, Membership, Round, RoundKind } from '../model/domain.ts';
import type { InboundEvent } from '../model/events.ts';
import { textMessage, type FormValues, type Reply } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { destinationOf, groupHere, requireFacilitator, assertMember, type CoreDeps, type Turn } from '../context.ts';
import { closingTime, planAfterOpening, planNudges } from '../planning/plan.ts';
import type { RoundContext } from './model.ts';
import { notYours } from '../ownership.ts';
import { dueAgreements } from '../agreements/lists.ts';
import { sendPrivateToEach, withdrawPrivate } from '../fan-out.ts';
import { recordPost } from '../people/forget-posts.ts';
import { AGREEMENT_ACTIONS, statusLine } from '../agreements/messages.ts';
import { answerForm, answerReply, roundMessage, roundTitle, summaryMessage } from './messages.ts';
import { attendanceAtClose, assertRoundOpen, missedTwoInARow, summaryContent, validateAnswer } from './rules.ts';

const HISTORY_FOR_HEADS_UP = 3;
/** An unchanged answer whose thread reply never arrived is posted again after this long. */
const REPLY_RECOVERY_MS = 60_000;

export async function startCheckin(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  await requireFacilitator(turn, group);
  const checkin = await openNow(turn.deps, group);
  return { kind: 'message', message: textMessage(translator(group.language)('checkin.started', { sequence: checkin.sequence })) };
}

/**
 * Opens the group's next check-in (by the facilitator or by its schedule) and plans its reminders. `dueAt`: the planned time, when the plan opens it. The check-in
 * counts as opened then, even when the scheduler ran late (after downtime, or busy): its closing,
 * planned from the opening time, then stays the plan's own instead of moving a whole cycle on.
 */
export async function openNow(deps: CoreDeps, group: Group, dueAt?: Date): Promise<Checkin> {
  return oneOpeningAtATime(deps, group, async () => (await postStrandedRound(deps, group)) ?? openAndPost(deps, group, dueAt));
}

async function openAndPost(deps: CoreDeps, group: Group, dueAt?: Date): Promise<Checkin> {
  const checkin = await deps.store.startCheckin(group.id, dueAt ?? deps.clock.now());
  if (group.nextTheme) {
    // The theme the facilitator chose applies to this one check-in.
    await deps.store.setCheckinTheme(checkin.id, group.nextTheme);
    await deps.store.setNextTheme(group.id, null);
    checkin.theme = group.nextTheme;
  }
  const round = checkin.rounds[0]!;
  await postRound(deps, group, checkin, round);
  await planAfterOpening(deps, group, checkin, round);
  return checkin;
}

/** The facilitator opens "Hvad tager jeg med mig?"; the since-last round closes with it. */
export async function startTakeAway(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  await requireFacilitator(turn, group);
  const checkin = await turn.deps.store.openCheckin(group.id);
  if (!checkin) throw new LederrumError('NO_OPEN_CHECKIN', 'error.no_open_checkin');
  return openTakeAway(turn, group, checkin.id);
}

/** The since-last round message's button: the same, for that round's own check-in only. */
export async function startTakeAwayFromRound(turn: Turn, roundId: string): Promise<Reply> {
  const { group, checkin } = await facilitatorRound(turn, roundId, 'since_last');
  return openTakeAway(turn, group, checkin.id);
}

async function openTakeAway(turn: Turn, group: Group, checkinId: string): Promise<Reply> {
  const { store, clock } = turn.deps;
  await oneOpeningAtATime(turn.deps, group, async () => {
    // Read again once it is this press's turn: an opening before it may have changed the rounds.
    const checkin = await store.openCheckin(group.id);
    if (checkin?.id !== checkinId) throw new LederrumError('NO_OPEN_CHECKIN', 'error.no_open_checkin');
    if (await postStrandedRound(turn.deps, group, checkin)) return;
    const round = await store.openTakeAwayRound(checkin.id, clock.now());
    await markRoundsClosed(turn.deps, group, checkin);
    await postRound(turn.deps, group, checkin, round);
    await planNudges(turn.deps, group, round, await closingTime(turn.deps, checkin));
  });
  return { kind: 'message', message: textMessage(translator(group.language)('checkin.take_away_started')) };
}

export async function closeCheckin(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  const { memberships } = await requireFacilitator(turn, group);
  const checkin = await closeNow(turn.deps, group, memberships);
  return { kind: 'message', message: textMessage(translator(group.language)('checkin.closed_reply', { sequence: checkin.sequence })) };
}

/** The closing round message's button: closes that round's check-in, never a later one. */
export async function closeFromRound(turn: Turn, roundId: string): Promise<Reply> {
  const { group, checkin, memberships } = await facilitatorRound(turn, roundId, 'take_away');
  const closed = await closeNow(turn.deps, group, memberships, checkin.id);
  return { kind: 'message', message: textMessage(translator(group.language)('checkin.closed_reply', { sequence: closed.sequence })) };
}

/** Closes the open check-in (by the facilitator or at its scheduled time) and posts the summary. */
export async function closeNow(deps: CoreDeps, group: Group, memberships: Membership[], onlyCheckinId?: string): Promise<Checkin> {
  const { store, clock, deliverer } = deps;
  const checkin = await store.openCheckin(group.id);
  if (!checkin || (onlyCheckinId && checkin.id !== onlyCheckinId)) throw new LederrumError('NO_OPEN_CHECKIN', 'error.no_open_checkin');
  const { answers, attendance } = await store.closeCheckin(checkin.id, clock.now(), (read) => attendanceAtClose(memberships, read));
  await markRoundsClosed(deps, group, checkin);
  // A nudge still waiting to go out would ask for an answer the round no longer takes.
  await withdrawPrivate(
    deps,
    checkin.rounds.map((round) => `nudge:${round.id}:`),
    { silently: true },
  );

  const names = new Map(memberships.map((m) => [m.person.id, m.person.displayName]));
  const departed = attendance.map((mark) => mark.personId).filter((id) => !names.has(id));
  for (const person of await store.people(departed)) names.set(person.id, person.displayName);
  const nameOf = (id: string) => names.get(id) ?? '?';
  const content = summaryContent(answers, attendance);
  const ref = await deliverer.post(destinationOf(group), summaryMessage(group, checkin, content, nameOf));
  // The summary names those who took part and shows what they shared: each of them can have it
  // shown again without them when they delete their data.
  for (const personId of new Set([...content.present, ...content.shared.map((s) => s.personId)])) {
    await recordPost(deps, { id: personId, platform: group.platform }, { conversationId: group.conversationId, messageRef: ref, kind: 'summary', subjectId: checkin.id });
  }
  await sendHeadsUps(deps, group, checkin, memberships, nameOf);
  return checkin;
}

/**
 * Openings of a group's rounds run one after another, per app. A round is saved before its message
 * is posted, so a second press in between would otherwise find it "stranded" and post a second
 * copy. Waiting instead of refusing also lets the facilitator open the closing round the moment
 * the first one shows, while its reminders are still being planned. Across replicas the window is
 * one opening, and the worst case is that copy.
 */
const openings = new WeakMap<CoreDeps, Map<string, Promise<unknown>>>();

async function oneOpeningAtATime<T>(deps: CoreDeps, group: Group, work: () => Promise<T>): Promise<T> {
  const running = openings.get(deps) ?? new Map<string, Promise<unknown>>();
  openings.set(deps, running);
  const before = running.get(group.id) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  running.set(group.id, mine);
  try {
    return await mine;
  } finally {
    if (running.get(group.id) === mine) running.delete(group.id);
  }
}

async function postRound(deps: CoreDeps, group: Group, checkin: Checkin, round: Round): Promise<void> {
  const ref = await deps.deliverer.post(destinationOf(group), roundMessage(group, checkin, round, themeLine(deps, checkin, group)));
  await deps.store.setRoundMessage(round.id, ref);
}

/**
 * An open round whose message never reached the group (the bot had been removed from the
 * channel, say) is posted when the facilitator tries again, instead of being refused.
 */
async function postStrandedRound(deps: CoreDeps, group: Group, known?: Checkin): Promise<Checkin | null> {
  const checkin = known ?? (await deps.store.openCheckin(group.id));
  const round = checkin?.rounds.find((r) => r.status === 'open' && r.messageRef === null);
  if (!checkin || !round) return null;
  await postRound(deps, group, checkin, round);
  return checkin;
}

/** Tells each facilitator, privately, who has just missed their second check-in in a row. */
async function sendHeadsUps(deps: CoreDeps, group: Group, checkin: Checkin, memberships: Membership[], nameOf: (id: string) => string): Promise<void> {
  const { store } = deps;
  const missing = missedTwoInARow(await store.attendanceHistory(group.id, HISTORY_FOR_HEADS_UP));
  const active = new Set(memberships.map((m) => m.person.id));
  const facilitators = memberships.filter((m) => m.role === 'facilitator').map((m) => m.person);
  const t = translator(group.language);
  const letters = missing
    .filter((id) => active.has(id))
    .flatMap((personId) => {
      const message = textMessage(t('headsup.missed_two', { name: nameOf(personId), group: group.name }));
      return facilitators.filter((f) => f.id !== personId).map((to) => ({ to, message }));
    });
  // Worth a facilitator's attention until the next check-in, not after: two days is ample.
  await sendPrivateToEach(deps, { key: `checkin.headsup:${checkin.id}`, deadline: new Date(deps.clock.now().getTime() + 2 * 24 * 3600_000) }, letters);
}

async function markRoundsClosed(deps: CoreDeps, group: Group, checkin: Checkin): Promise<void> {
  const { sequence, rounds } = checkin;
  for (const round of rounds) {
    if (round.status !== 'open' || !round.messageRef) continue;
    await deps.deliverer.update(destinationOf(group), round.messageRef, roundMessage(group, { sequence }, { ...round, status: 'closed' }, themeLine(deps, checkin, group)));
  }
}

/** The round a button or form names, once the person is a member of its group (round → check-in → group → membership). */
async function memberRound(turn: Turn, roundId: string): Promise<RoundContext & { answer: Answer | null }> {
  const context = await turn.deps.store.roundContext(roundId, turn.person.id);
  if (!context) throw notYours('round');
  await assertMember(turn, context.group);
  // Only a member's replies speak the group's language; a refusal to anyone else speaks theirs.
  turn.group = context.group;
  return { ...context, answer: context.answer ?? null };
}

/**
 * The round a facilitator's button names: of the kind that carries that button (any, for the
 * round's view), in a group the person facilitates, and in the check-in that is open now. An old
 * round's button (or a forged one) must not act on whichever check-in happens to be open today.
 */
export async function facilitatorRound(turn: Turn, roundId: string, kind?: RoundKind): Promise<{ group: Group; checkin: Checkin; round: Round; memberships: Membership[] }> {
  const context = await turn.deps.store.roundContext(roundId);
  if (!context || (kind && context.round.kind !== kind)) throw notYours('round');
  const { memberships } = await requireFacilitator(turn, context.group);
  turn.group = context.group;
  const open = await turn.deps.store.openCheckin(context.group.id);
  if (!open) throw new LederrumError('NO_OPEN_CHECKIN', 'error.no_open_checkin');
  if (open.id !== context.checkin.id) throw notYours('round of an earlier check-in');
  return { group: context.group, checkin: open, round: context.round, memberships };
}

/** The "Answer" button: opens the member's private form, filled with what they wrote so far. */
export async function openAnswerForm(turn: Turn, roundId: string): Promise<Reply> {
  const { round, checkin, group, answer: existing } = await memberRound(turn, roundId);
  assertRoundOpen(round, roundTitle(translator(group.language), round.kind));
  const { store } = turn.deps;
  const lastTakeaway = round.kind === 'since_last' ? await store.lastTakeaway(group.id, turn.person.id, checkin.sequence) : null;
  const t = translator(group.language);
  const due = round.kind === 'since_last' ? await dueAgreements(turn.deps, turn.person, group) : [];
  const dueLines = due.map((a) => `${a.text.replace(/\s+/g, ' ')} (${statusLine(t, group.language, a)})`);
  return { kind: 'form', form: answerForm(group, round, existing, lastTakeaway, themeLine(turn.deps, checkin, group), dueLines) };
}

export async function submitAnswer(turn: Turn<Extract<InboundEvent, { type: 'form_submitted' }>>): Promise<Reply> {
  const { round, group } = await memberRound(turn, turn.event.state);
  const values = turn.event.values;
  assertRoundOpen(round, roundTitle(translator(group.language), round.kind), 'answer');
  const draft = validateAnswer(round.kind, {
    text: stringValue(values, 'answer'),
    passed: values['pass'] === true,
    shared: values['share'] === true,
  });
  return saveAndShow(turn, { round, group }, draft);
}

/** The "Pass" button: passing is a legitimate answer. It never overwrites written words. */
export async function pass(turn: Turn, roundId: string): Promise<Reply> {
  const { round, group, answer: existing } = await memberRound(turn, roundId);
  assertRoundOpen(round, roundTitle(translator(group.language), round.kind));
  if (existing && !existing.passed) throw new LederrumError('ALREADY_ANSWERED', 'error.already_answered');
  const draft = { text: null, passed: true, shared: round.kind === 'since_last' };
  // Pass pressed again (a double click, or pressed again later): nothing to write, so no write
  // transaction; what follows (the thread reply, recovered if it was lost) is the same.
  if (existing && existing.text === draft.text && existing.passed && existing.shared === draft.shared) {
    return show(turn, { round, group }, { answer: existing, created: false, changed: false });
  }
  return saveAndShow(turn, { round, group }, draft);
}

async function saveAndShow(turn: Turn, context: { round: Round; group: Group }, draft: { text: string | null; passed: boolean; shared: boolean }): Promise<Reply> {
  const { store, clock } = turn.deps;
  const { round, group } = context;
  const t = translator(group.language);
  const saved = await store.saveAnswer({ roundId: round.id, personId: turn.person.id, ...draft, at: clock.now() }).catch((error: unknown) => {
    // The round closed between our check and the write: same refusal, with the round's title.
    if (isLederrumError(error) && error.code === 'ROUND_CLOSED') assertRoundOpen({ status: 'closed' }, roundTitle(t, round.kind), 'answer');
    throw error;
  });
  return show(turn, context, saved);
}

/** The saved answer's reply in the round's thread (posted, updated or recovered) and the person's confirmation. */
async function show(turn: Turn, { round, group }: { round: Round; group: Group }, { answer, created, changed }: { answer: Answer; created: boolean; changed: boolean }): Promise<Reply> {
  const { store, clock, deliverer } = turn.deps;
  const t = translator(group.language);
  const reply = answerReply(group, turn.person, answer, !created);
  // The same answer again (a form submitted twice) changes nothing in the thread, unless its
  // reply never arrived and the first attempt is long over.
  const replyLost = !answer.replyRef && clock.now().getTime() - answer.updatedAt.getTime() > REPLY_RECOVERY_MS;
  if (changed && answer.replyRef) {
    await deliverer.update(destinationOf(group), answer.replyRef, reply);
  } else if ((changed || replyLost) && !answer.replyRef) {
    const ref = await deliverer.post(destinationOf(group), reply, round.messageRef ? { threadOf: round.messageRef } : {});
    await store.setAnswerReply(answer.id, ref);
    await recordPost(turn.deps, turn.person, { conversationId: group.conversationId, messageRef: ref, kind: 'answer', subjectId: answer.id });
  }
  const key = answer.passed
    ? 'reply.passed'
    : round.kind === 'take_away'
      ? answer.shared
        ? 'reply.takeaway_shared'
        : 'reply.takeaway_private'
      : created || !changed
        ? 'reply.answer_saved'
        : 'reply.answer_updated';
  if (round.kind !== 'take_away' || answer.passed) return { kind: 'message', message: textMessage(t(key)) };
  // What a member takes with them can become an agreement, followed up later (BRIEF point 2).
  const blocks = [
    { type: 'text' as const, text: t(key) },
    { type: 'buttons' as const, buttons: [{ action: AGREEMENT_ACTIONS.make, value: `takeaway:${round.id}`, label: t('agreement.make') }] },
  ];
  return { kind: 'message', message: { text: t(key), blocks } };
}

function stringValue(values: FormValues, id: string): string {
  const value = values[id];
  return typeof value === 'string' ? value : '';
}

/** "Tema: Restitution – …": the question of the theme the check-in was given, if any. */
export function themeLine(deps: CoreDeps, checkin: Pick<Checkin, 'theme'>, group: Group): string | null {
  const theme = checkin.theme ? deps.content?.themes.find((th) => th.theme === checkin.theme) : undefined;
  if (!theme) return null;
  return translator(group.language)('round.theme', { theme: theme.title[group.language], question: theme.roundQuestion[group.language] });
}
