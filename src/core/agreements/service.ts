// Agreements from the member's side: make one (from a takeaway, a tool, or directly), answer a
// follow-up (kept, adjust, postpone, stop), say whether the benefit matched the effort. Only the
// owner acts on a personal agreement; any member on the group's. A private agreement is never
// shown to anyone but its owner.
import { DateTime } from 'luxon';
import { LederrumError } from '../errors.ts';
import type { Group } from '../model/domain.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Block, Reply } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { destinationOf, type Turn, personalLanguage } from '../context.ts';
import type { Agreement, AgreementKind, AgreementSource, Benefit, FollowUp, FollowUpChoice } from './model.ts';
import { target } from './acting.ts';
import { postProposal } from './proposals.ts';
import { BENEFITS } from './model.ts';
import { adjustForm, answeredFollowUpMessage, benefitQuestion, formatDay, makeForm, outcomeName, type Prefill } from './messages.ts';
import { agreementText, answerTransition, assertRunning, followUpDay, MAX_AGREEMENT_TEXT, validateDraft } from './rules.ts';
import { planFollowUp } from './followups.ts';
import { notYours, valueParts } from '../ownership.ts';
import { recordPost } from '../people/forget-posts.ts';

type Submitted = Turn<Extract<InboundEvent, { type: 'form_submitted' }>>;

function today(turn: Turn): DateTime {
  return DateTime.fromJSDate(turn.deps.clock.now(), { zone: turn.person.timeZone ?? turn.group?.timeZone ?? turn.deps.defaultTimeZone });
}

const KIND_WORDS: Record<string, AgreementKind> = { gruppe: 'group', group: 'group', gruppeaftale: 'group', prøvehandling: 'trial', trial: 'trial', mig: 'personal', personal: 'personal' };

/** `aftale`, `aftale gruppe`, `prøvehandling`: the form, empty but for the kind. */
export async function openMakeForm(turn: Turn, args: string, kind: AgreementKind = 'personal'): Promise<Reply> {
  const chosen = KIND_WORDS[args.trim().toLowerCase().split(/\s+/)[0] ?? ''] ?? kind;
  const groups = await turn.deps.store.groupsOf(turn.person.id);
  const here = turn.group && groups.some((g) => g.id === turn.group!.id) ? turn.group.id : null;
  return { kind: 'form', form: makeForm(personalLanguage(turn), groups, { kind: chosen, text: '', groupId: here, source: 'direct' }) };
}

/** "Make this an agreement" under a takeaway or a finished tool: the form, filled in. */
export async function makeFrom(turn: Turn, value: string): Promise<Reply> {
  // The button always names its source; a bare or unknown value is not one of ours.
  if (!/^(takeaway|tool):/.test(value)) throw notYours('agreement source');
  const prefill = await prefillOf(turn, value);
  // Made once from its source: a second press says so instead of offering a second agreement.
  if (prefill.sourceRef && (await turn.deps.store.agreementFrom(prefill.from, prefill.sourceRef))) throw new LederrumError('ALREADY_ANSWERED', 'error.agreement_already_made');
  const groups = await turn.deps.store.groupsOf(turn.person.id);
  return { kind: 'form', form: makeForm(personalLanguage(turn), groups, prefill) };
}

/** Where an agreement comes from, as a button or the form names it: the person's own takeaway or tool session, or nothing. */
async function prefillOf(turn: Turn, source: string): Promise<Prefill & { sourceRef: string | null; from: AgreementSource }> {
  if (source === 'direct') return { kind: 'personal', text: '', groupId: null, source: 'direct', sourceRef: null, from: 'direct' };
  const [from, ref = ''] = valueParts(source, ':', 2, 2, 'agreement source');
  const { store } = turn.deps;
  if (from === 'takeaway') {
    // Only the member's own takeaway: the lookup is by round and the person asking.
    const context = await store.roundContext(ref, turn.person.id);
    const answer = context?.answer;
    if (!answer?.text || context?.round.kind !== 'take_away') throw notYours('takeaway');
    return { kind: 'personal', text: answer.text.slice(0, MAX_AGREEMENT_TEXT), groupId: context.group.id, source, sourceRef: answer.id, from: 'takeaway' };
  }
  if (from === 'tool') {
    for (const tool of turn.deps.content?.tools ?? []) {
      const session = await store.latestToolSession(turn.person.id, tool.id);
      const step = tool.steps.find((s) => s.kind === 'agreement');
      const text = session?.id === ref && step ? session.answers[step.id] : undefined;
      if (text) return { kind: tool.audience === 'facilitator' ? 'group' : 'personal', text: text.slice(0, MAX_AGREEMENT_TEXT), groupId: null, source, sourceRef: ref, from: 'tool' };
    }
    throw notYours('tool session');
  }
  throw notYours('agreement source');
}

export async function submitMake(turn: Submitted): Promise<Reply> {
  const { store, clock, deliverer } = turn.deps;
  const { values } = turn.event;
  const groups = await store.groupsOf(turn.person.id);
  const draft = validateDraft(
    {
      kind: values['kind'],
      text: values['text'],
      groupId: values['group'],
      visibility: values['visibility'],
      followUp: values['follow_up'],
      repeat: values['repeat'],
      effort: values['effort'],
      benefit: values['benefit'],
    },
    today(turn),
    groups.map((g) => g.id),
  );
  const origin = await prefillOf(turn, turn.event.state);
  const agreement = await store.createAgreement({ ...draft, ownerId: turn.person.id, source: origin.from, sourceRef: origin.sourceRef }, clock.now());
  // The same form saved twice (two cards, two modals): the first made it, the second makes nothing.
  if (!agreement) throw new LederrumError('ALREADY_ANSWERED', 'error.agreement_already_made');
  await planFollowUp(turn.deps, agreement);
  const group = groups.find((g) => g.id === agreement.groupId);
  if (group && agreement.kind === 'group') await postProposal(turn.deps, turn.person, group, agreement);
  else if (group && agreement.visibility === 'group') {
    const t = translator(group.language);
    const title = t('agreement.posted_shared', { name: turn.person.displayName, kind: t(`agreement.kind.${agreement.kind}`) });
    const ref = await deliverer.post(destinationOf(group), {
      text: `${title}: ${agreement.text}`,
      blocks: [
        { type: 'section', title, text: agreement.text },
        { type: 'context', text: t('agreement.next_follow_up', { day: formatDay(agreement.followUpDate!, group.language) }) },
      ],
    });
    await recordPost(turn.deps, turn.person, { conversationId: group.conversationId, messageRef: ref, kind: 'agreement', subjectId: agreement.id });
  }
  const t = translator(personalLanguage(turn));
  const key = agreement.visibility === 'private' ? 'agreement.saved_private' : agreement.kind === 'group' ? 'agreement.saved_proposed' : 'agreement.saved_shared';
  return { kind: 'message', message: textMessage(t(key, { day: formatDay(agreement.followUpDate!, personalLanguage(turn)), group: group?.name ?? '' })) };
}

/**
 * The follow-up a button names, while it can still be answered (once; the first answer is named).
 * It must be a follow-up of the agreement the person may act on: otherwise a value pairing their
 * own agreement with another group's follow-up would answer that one and rewrite that group's post.
 */
async function openFollowUp(turn: Turn, agreement: Agreement, followUpId: string | null): Promise<FollowUp | null> {
  if (!followUpId) return null;
  const followUp = await turn.deps.store.followUp(followUpId);
  if (!followUp || followUp.agreementId !== agreement.id) throw notYours('follow-up');
  if (followUp.answer !== null && followUp.answer !== 'unanswered') throw alreadyAnswered(turn, followUp.answer);
  return followUp;
}

function alreadyAnswered(turn: Turn, outcome: string): LederrumError {
  const t = translator(personalLanguage(turn));
  return new LederrumError('ALREADY_ANSWERED', 'error.follow_up_answered', { params: { answer: outcomeName(t, outcome) } });
}

/** Kept, postpone or stop, from a follow-up or from the member's list. */
export async function answer(turn: Turn, choice: Exclude<FollowUpChoice, 'adjust'>, value: string): Promise<Reply> {
  const { agreement, followUpId, groups } = await target(turn, value);
  const { store, clock } = turn.deps;
  const followUp = await openFollowUp(turn, agreement, followUpId);
  const todayIso = today(turn).toISODate()!;
  const dueDate = followUp?.dueDate ?? agreement.followUpDate ?? todayIso;
  const step = answerTransition(agreement, choice, dueDate, todayIso);
  if (followUp) {
    const { followUp: now, answered } = await store.answerFollowUp(followUp.id, step.outcome, clock.now());
    if (!answered) throw alreadyAnswered(turn, now.answer ?? step.outcome);
  }
  const changed = await store.changeAgreement(
    agreement.id,
    {
      patch: { status: step.status, followUpDate: step.followUpDate, quietSince: null },
      event: {
        kind: step.outcome === 'postponed' ? 'postponed' : step.outcome === 'stopped' ? 'stopped' : 'kept',
        actorId: turn.person.id,
        at: clock.now(),
        previousText: null,
        followUpDate: dueDate,
        benefit: null,
      },
    },
    clock.now(),
  );
  await planFollowUp(turn.deps, changed);
  await markGroupPostAnswered(turn, changed, followUp, step.outcome, groups);
  const t = translator(personalLanguage(turn));
  const blocks: Block[] = [{ type: 'text', text: t(`agreement.answered.${step.outcome}`, { day: changed.followUpDate ? formatDay(changed.followUpDate, personalLanguage(turn)) : '' }) }];
  if (step.asksBenefit) blocks.push(...benefitQuestion(t, agreement.id, dueDate));
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

async function markGroupPostAnswered(turn: Turn, agreement: Agreement, followUp: FollowUp | null, outcome: string, groups: Group[]): Promise<void> {
  const group = groups.find((g) => g.id === agreement.groupId);
  if (!followUp?.messageRef || !group || agreement.kind !== 'group') return;
  await turn.deps.deliverer.update(destinationOf(group), followUp.messageRef, answeredFollowUpMessage(group.language, agreement, outcome, turn.person.displayName));
  // The post now names who answered: deleting their data shows it again without the name.
  await recordPost(turn.deps, turn.person, { conversationId: group.conversationId, messageRef: followUp.messageRef, kind: 'follow_up', subjectId: followUp.id });
}

export async function openAdjust(turn: Turn, value: string): Promise<Reply> {
  const { agreement, followUpId } = await target(turn, value);
  await openFollowUp(turn, agreement, followUpId);
  assertRunning(agreement);
  return { kind: 'form', form: adjustForm(personalLanguage(turn), agreement, followUpId) };
}

export async function submitAdjust(turn: Submitted): Promise<Reply> {
  const { agreement, followUpId, groups } = await target(turn, turn.event.state);
  const { store, clock } = turn.deps;
  assertRunning(agreement);
  const text = agreementText(turn.event.values['text']);
  const day = followUpDay(turn.event.values['follow_up'], today(turn), 'follow_up');
  const followUp = await openFollowUp(turn, agreement, followUpId);
  if (followUp) {
    const { followUp: now, answered } = await store.answerFollowUp(followUp.id, 'adjusted', clock.now());
    if (!answered) throw alreadyAnswered(turn, now.answer ?? 'adjusted');
  }
  const changed = await store.changeAgreement(
    agreement.id,
    {
      patch: { text, status: 'adjusted', followUpDate: day, quietSince: null },
      event: { kind: 'adjusted', actorId: turn.person.id, at: clock.now(), previousText: agreement.text === text ? null : agreement.text, followUpDate: followUp?.dueDate ?? null, benefit: null },
    },
    clock.now(),
  );
  await planFollowUp(turn.deps, changed);
  await markGroupPostAnswered(turn, changed, followUp, 'adjusted', groups);
  return { kind: 'message', message: textMessage(translator(personalLanguage(turn))('agreement.answered.adjusted', { day: formatDay(day, personalLanguage(turn)) })) };
}

/** "Did the benefit match the effort?" — kept with the agreement's history, once per follow-up. */
export async function recordBenefit(turn: Turn, value: string): Promise<Reply> {
  const [agreementId = '', benefit = '', dueDate = ''] = valueParts(value, '/', 3, 3, 'benefit');
  const { agreement } = await target(turn, agreementId);
  if (!BENEFITS.includes(benefit as Benefit)) throw notYours('benefit');
  const { store, clock } = turn.deps;
  const earlier = await store.agreementEvents([agreement.id], 50);
  const t = translator(personalLanguage(turn));
  if (earlier.some((e) => e.kind === 'benefit' && e.followUpDate === dueDate)) throw new LederrumError('ALREADY_ANSWERED', 'error.benefit_answered');
  // The question is asked when a follow-up is kept or stopped, for that follow-up's day: a day no
  // answer named is not a question anyone was asked.
  if (!earlier.some((e) => (e.kind === 'kept' || e.kind === 'stopped') && e.followUpDate === dueDate)) throw notYours('benefit day');
  await store.changeAgreement(
    agreement.id,
    { patch: {}, event: { kind: 'benefit', actorId: turn.person.id, at: clock.now(), previousText: null, followUpDate: dueDate, benefit: benefit as Benefit } },
    clock.now(),
  );
  return { kind: 'message', message: textMessage(t('agreement.benefit.thanks')) };
}
