// A group agreement is proposed by one member and posted in the group, where the others say yes
// ("Vi er med") or no ("Ikke for os"). The first answer from someone other than the proposer
// counts for the group, decided by the database; a declined proposal is stopped and not followed
// up. The group's post then says how the group answered and who answered, without buttons.
import { LederrumError } from '../errors.ts';
import type { Group, Language } from '../model/domain.ts';
import type { Block, Message, Reply } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { type CoreDeps, destinationOf, personalLanguage, type Turn } from '../context.ts';
import { recordPost } from '../people/forget-posts.ts';
import { notYours } from '../ownership.ts';
import type { Agreement, AgreementDecision } from './model.ts';
import { AGREEMENT_ACTIONS, formatDay } from './messages.ts';
import { assertRunning } from './rules.ts';
import { planFollowUp } from './followups.ts';
import { target } from './acting.ts';

/** The proposal as the group sees it, with the two answers while none has come. */
export function proposalMessage(language: Language, agreement: Agreement, proposer: string, answer?: { decision: AgreementDecision; by: string }): Message {
  const t = translator(language);
  const blocks: Block[] = [{ type: 'section', title: t('agreement.posted_group', { name: proposer }), text: agreement.text }];
  if (answer) {
    blocks.push({ type: 'context', text: t(`agreement.proposal.${answer.decision}_by`, { name: answer.by }) });
  } else {
    if (agreement.followUpDate) blocks.push({ type: 'context', text: t('agreement.next_follow_up', { day: formatDay(agreement.followUpDate, language) }) });
    blocks.push({ type: 'text', text: t('agreement.proposal.question') });
    blocks.push({
      type: 'buttons',
      buttons: [
        { action: AGREEMENT_ACTIONS.accept, value: agreement.id, label: t('agreement.button.accept'), style: 'primary' },
        { action: AGREEMENT_ACTIONS.decline, value: agreement.id, label: t('agreement.button.decline') },
      ],
    });
  }
  return { text: plainText(blocks.filter((b) => b.type !== 'buttons')), blocks };
}

/** Posts a new group agreement in its group as a proposal, and keeps the post to edit later. */
export async function postProposal(deps: CoreDeps, proposer: Turn['person'], group: Group, agreement: Agreement): Promise<void> {
  const ref = await deps.deliverer.post(destinationOf(group), proposalMessage(group.language, agreement, proposer.displayName));
  await deps.store.setAgreementMessage(agreement.id, ref);
  await recordPost(deps, proposer, { conversationId: group.conversationId, messageRef: ref, kind: 'agreement', subjectId: agreement.id });
}

/** "Vi er med" / "Ikke for os", pressed by a member of the group other than the proposer. */
export async function decide(turn: Turn, decision: AgreementDecision, value: string): Promise<Reply> {
  const { agreement, groups } = await target(turn, value);
  const group = groups.find((g) => g.id === agreement.groupId);
  if (agreement.kind !== 'group' || !group) throw notYours('group agreement proposal');
  const t = translator(personalLanguage(turn));
  if (agreement.ownerId === turn.person.id) throw new LederrumError('INVALID_INPUT', 'error.proposal_own');
  if (agreement.decision) throw await alreadyDecided(turn, agreement);
  assertRunning(agreement);
  const { store, clock, deliverer } = turn.deps;
  const decided = await store.decideAgreement(agreement.id, decision, turn.person.id, clock.now());
  if (!decided) throw await alreadyDecided(turn, (await store.agreement(agreement.id)) ?? agreement);
  await planFollowUp(turn.deps, decided);
  if (decided.messageRef) {
    const proposer = decided.ownerId ? (await store.people([decided.ownerId]))[0]?.displayName : undefined;
    const shown = proposalMessage(group.language, decided, proposer ?? t('forget.post.a_member'), { decision, by: turn.person.displayName });
    await deliverer.update(destinationOf(group), decided.messageRef, shown);
    // The post now names who answered: deleting their data shows it again without the name.
    await recordPost(turn.deps, turn.person, { conversationId: group.conversationId, messageRef: decided.messageRef, kind: 'agreement', subjectId: decided.id });
  }
  const day = decided.followUpDate ? formatDay(decided.followUpDate, personalLanguage(turn)) : '';
  return { kind: 'message', message: textMessage(t(`agreement.proposal.you_${decision}`, { group: group.name, day })) };
}

/** "The group has answered already: …", naming the answer and who gave it. */
async function alreadyDecided(turn: Turn, agreement: Agreement): Promise<LederrumError> {
  const t = translator(personalLanguage(turn));
  const { store } = turn.deps;
  const event = (await store.agreementEvents([agreement.id], 50)).find((e) => e.kind === 'accepted' || e.kind === 'declined');
  const decision: AgreementDecision = event?.kind === 'declined' || agreement.decision === 'declined' ? 'declined' : 'accepted';
  const by = event?.actorId ? (await store.people([event.actorId]))[0]?.displayName : undefined;
  const answer = t(`agreement.proposal.${decision}_by`, { name: by ?? t('forget.post.a_member') });
  return new LederrumError('ALREADY_ANSWERED', 'error.proposal_decided', { params: { answer } });
}
