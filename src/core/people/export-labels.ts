// The words data.md uses for the stored values of an export (a role, a status, a job's kind): one
// table per kind of value, each complete for its type, so a new status without a label does not
// compile and every catalogue key here is checked by the compiler. A value the table does not know
// (a document from another version) is shown as it is.
import type { GroupRole } from '../model/domain.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Translator } from '../i18n/translate.ts';
import type { AgreementEventKind, AgreementKind, AgreementStatus, Benefit } from '../agreements/model.ts';
import type { PollStatus } from '../polls/model.ts';
import type { ToolSessionStatus } from '../tools/model.ts';
import type { JobKind } from '../ports.ts';

type Labels<V extends string> = Readonly<Record<V, MessageKey>>;

/** The jobs that are a person's own (their schedules in the export); the others belong to groups, polls or the system. */
type PersonalJob = Extract<JobKind, 'nudge' | 'prompt.weekly' | 'agreement.followup' | 'poll.remind.person' | 'wellbeing.reminder'>;

export const LABELS = {
  groupRole: { member: 'mydata.md.role.member', facilitator: 'mydata.md.role.facilitator' } satisfies Labels<GroupRole>,
  agreementKind: { personal: 'agreement.kind.personal', group: 'agreement.kind.group', trial: 'agreement.kind.trial' } satisfies Labels<AgreementKind>,
  agreementStatus: {
    active: 'agreement.status.active',
    adjusted: 'agreement.status.adjusted',
    kept: 'agreement.status.kept',
    stopped: 'agreement.status.stopped',
  } satisfies Labels<AgreementStatus>,
  benefit: { more: 'agreement.benefit.more', matched: 'agreement.benefit.matched', less: 'agreement.benefit.less' } satisfies Labels<Benefit>,
  agreementEvent: {
    made: 'agreement.event.made',
    kept: 'agreement.event.kept',
    adjusted: 'agreement.event.adjusted',
    postponed: 'agreement.event.postponed',
    stopped: 'agreement.event.stopped',
    unanswered: 'agreement.event.unanswered',
    flagged: 'agreement.event.flagged',
    benefit: 'agreement.event.benefit',
    accepted: 'agreement.event.accepted',
    declined: 'agreement.event.declined',
  } satisfies Labels<AgreementEventKind>,
  toolStatus: { active: 'mydata.md.status.active', paused: 'mydata.md.status.paused', done: 'mydata.md.status.done' } satisfies Labels<ToolSessionStatus>,
  pollStatus: { scheduled: 'poll.status.scheduled', open: 'poll.status.open', closed: 'poll.status.closed', cancelled: 'poll.status.cancelled' } satisfies Labels<PollStatus>,
  personalJob: {
    nudge: 'mydata.job.nudge',
    'prompt.weekly': 'mydata.job.prompt_weekly',
    'agreement.followup': 'mydata.job.agreement_followup',
    'poll.remind.person': 'mydata.job.poll_remind_person',
    'wellbeing.reminder': 'mydata.job.wellbeing_reminder',
  } satisfies Labels<PersonalJob>,
} as const;

/** A stored value in the reader's words, or the value itself when the table does not know it. */
export function labelOf(t: Translator, table: Readonly<Record<string, MessageKey>>, value: string): string {
  return Object.hasOwn(table, value) ? t(table[value]!) : value;
}
