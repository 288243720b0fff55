// Agreements as the core knows them (BRIEF point 2): what a member or a group agreed on, when it
// is followed up, and its history. Statuses that matter: active, adjusted, kept, stopped.

export type AgreementKind = 'personal' | 'group' | 'trial';
export const AGREEMENT_KINDS: readonly AgreementKind[] = ['personal', 'group', 'trial'];
export type Visibility = 'private' | 'group';
export type AgreementStatus = 'active' | 'adjusted' | 'kept' | 'stopped';
export type AgreementSource = 'direct' | 'takeaway' | 'tool';
/** The four answers a follow-up offers. */
export type FollowUpChoice = 'kept' | 'adjust' | 'postpone' | 'stop';
/** How a follow-up ended, as stored: the choice made, or no answer before the next one. */
export type FollowUpOutcome = 'kept' | 'adjusted' | 'postponed' | 'stopped' | 'unanswered';
/** Whether the benefit matched the effort, asked on kept or stop. */
export type Benefit = 'more' | 'matched' | 'less';
export const BENEFITS: readonly Benefit[] = ['more', 'matched', 'less'];
export type AgreementEventKind = 'made' | 'kept' | 'adjusted' | 'postponed' | 'stopped' | 'unanswered' | 'flagged' | 'benefit' | 'accepted' | 'declined';
/** How a group answered a group agreement one of them proposed; the first answer counts. */
export type AgreementDecision = 'accepted' | 'declined';

export interface Agreement {
  id: string;
  kind: AgreementKind;
  text: string;
  groupId: string | null;
  /** The member it belongs to (personal, trial) or who proposed it (group). */
  ownerId: string | null;
  visibility: Visibility;
  status: AgreementStatus;
  /** The next follow-up day, YYYY-MM-DD; null when none is planned. */
  followUpDate: string | null;
  repeatWeeks: number | null;
  expectedEffort: number;
  expectedBenefit: number;
  source: AgreementSource;
  sourceRef: string | null;
  quietSince: Date | null;
  /** A group agreement's post in its group, edited when the group answers the proposal. */
  messageRef?: string | null;
  /** The group's answer to a proposed group agreement; null while none has come. */
  decision?: AgreementDecision | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FollowUp {
  id: string;
  agreementId: string;
  dueDate: string;
  sentAt: Date;
  messageRef: string | null;
  answer: FollowUpOutcome | null;
  answeredAt: Date | null;
}

export interface AgreementEvent {
  id: string;
  agreementId: string;
  actorId: string | null;
  kind: AgreementEventKind;
  at: Date;
  previousText: string | null;
  followUpDate: string | null;
  benefit: Benefit | null;
}

export type NewAgreement = Omit<Agreement, 'id' | 'status' | 'quietSince' | 'messageRef' | 'decision' | 'createdAt' | 'updatedAt'>;

/** A change to an agreement and the event that records it, written together. */
export interface AgreementChange {
  patch: Partial<Pick<Agreement, 'text' | 'status' | 'followUpDate' | 'quietSince'>>;
  event?: Omit<AgreementEvent, 'id' | 'agreementId'>;
}

export interface AgreementStore {
  /**
   * Makes an agreement; null when one was made from the same takeaway or tool session already
   * (decided by the database, so two presses at once make one).
   */
  createAgreement(input: NewAgreement, at: Date): Promise<Agreement | null>;
  agreement(id: string): Promise<Agreement | null>;
  /** The agreement made from this takeaway or tool session, if there is one. */
  agreementFrom(source: AgreementSource, sourceRef: string): Promise<Agreement | null>;
  /** Keeps the group's post of a group agreement, to edit when the group answers it. */
  setAgreementMessage(id: string, messageRef: string): Promise<void>;
  /**
   * Records the group's answer to a proposed group agreement and who gave it, if none has come yet
   * (decided by the database: of two answers at once, one counts). Declined, it is stopped and no
   * longer followed up. Returns the agreement afterwards, or null when an answer was there first.
   */
  decideAgreement(id: string, decision: AgreementDecision, actorId: string, at: Date): Promise<Agreement | null>;
  /** The person's own agreements and the group-visible agreements of the given groups. Never anyone else's private ones. */
  agreementsFor(personId: string, groupIds: string[]): Promise<Agreement[]>;
  /** A group's agreements that the group may see (group-visible); private ones never. */
  groupAgreements(groupId: string): Promise<Agreement[]>;
  changeAgreement(id: string, change: AgreementChange, at: Date): Promise<Agreement>;
  /** Records a follow-up as sent; null if one for that day already exists (sent once). */
  recordFollowUp(agreementId: string, dueDate: string, at: Date): Promise<FollowUp | null>;
  setFollowUpMessage(followUpId: string, messageRef: string): Promise<void>;
  followUp(id: string): Promise<FollowUp | null>;
  /** The agreement's follow-ups, newest first. */
  followUpsOf(agreementId: string, limit: number): Promise<FollowUp[]>;
  /** The latest follow-up of each of the agreements that has one, by agreement id, in one read. */
  latestFollowUps(agreementIds: string[]): Promise<Map<string, FollowUp>>;
  /**
   * Answers a follow-up, only if it has no answer yet (decided by the database, so two clicks at
   * once have one effect). Returns the follow-up as it is afterwards and whether this call answered it.
   */
  answerFollowUp(id: string, outcome: FollowUpOutcome, at: Date): Promise<{ followUp: FollowUp; answered: boolean }>;
  /** Events of these agreements, newest first. */
  agreementEvents(agreementIds: string[], limit: number): Promise<AgreementEvent[]>;
}
