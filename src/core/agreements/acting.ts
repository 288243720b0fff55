// Who may act on an agreement a button or form names: its owner for a personal one, a member of
// its group for the group's. Shared by the follow-up answers and the group's answer to a proposal.
import { LederrumError } from '../errors.ts';
import type { Group } from '../model/domain.ts';
import type { Turn } from '../context.ts';
import { notYours, valueParts } from '../ownership.ts';
import type { Agreement } from './model.ts';
import { mayAct } from './rules.ts';

export interface Target {
  agreement: Agreement;
  followUpId: string | null;
  groups: Group[];
}

/**
 * The agreement a button or form names ("agreement" or "agreement/follow-up"), once the person
 * may act on it: its owner for a personal one, a member of its group for the group's.
 */
export async function target(turn: Turn, value: string): Promise<Target> {
  const [agreementId = '', followUpId = null] = valueParts(value, '/', 1, 2, 'agreement');
  const { store } = turn.deps;
  const agreement = await store.agreement(agreementId);
  if (!agreement) throw notYours('agreement');
  const groups = await store.groupsOf(turn.person.id);
  if (
    !mayAct(
      agreement,
      turn.person.id,
      groups.map((g) => g.id),
    )
  )
    throw new LederrumError('NOT_A_MEMBER', 'error.agreement_not_yours');
  return { agreement, followUpId, groups };
}
