// What "delete my data" needs from the Store port (issue 15, points 2 and 3): the bot's posts
// that carry a person's words or name, what a deletion would remove, and the deletion itself.
import type { Group, Platform } from '../model/domain.ts';
import type { CheckinAnswer } from '../checkins/model.ts';

/** What a deletion removes, as the person is told it (counts, never content). */
export const DELETED_KINDS = ['profile', 'settings', 'groups', 'roles', 'answers', 'attendance', 'tool_sessions', 'wellbeing', 'agreements', 'posts', 'schedules', 'poll_invitations', 'chat'] as const;
/** The kinds whose rows stay (for the group or the organisation) without the person. */
export const KEPT_WITHOUT_NAME = ['group_agreements', 'agreement_history', 'polls_created'] as const;
/** What a deletion removes or anonymises. */
export const FORGET_KINDS = [...DELETED_KINDS, ...KEPT_WITHOUT_NAME] as const;
export type ForgetKind = (typeof FORGET_KINDS)[number];
export type ForgetCounts = Partial<Record<ForgetKind, number>>;

/** answer: their round answer in the thread; summary: a check-in summary naming them; tool_share:
 * a tool outcome they shared; follow_up: a group follow-up they answered; agreement: an agreement
 * they posted to a group; notice: a group's welcome ("welcome:<group>") or membership change
 * ("members:<group>") naming them. */
export type PersonPostKind = 'answer' | 'summary' | 'tool_share' | 'follow_up' | 'agreement' | 'notice';

export interface PersonPostRecord {
  personId: string;
  platform: Platform;
  conversationId: string;
  messageRef: string;
  kind: PersonPostKind;
  /** The row the post shows: an answer, a check-in, a tool session, a follow-up, an agreement. */
  subjectId: string;
  postedAt: Date;
}

/** A closed check-in as its summary was made from it, read again to re-render the summary. */
export interface CheckinSummarySource {
  group: Group;
  sequence: number;
  answers: CheckinAnswer[];
  attendance: Array<{ personId: string; present: boolean }>;
}

export interface ForgetStore {
  /** Remembers a post that carries the person's words or name; the same post twice is one row. */
  recordPersonPost(post: PersonPostRecord): Promise<void>;
  personPosts(personId: string): Promise<PersonPostRecord[]>;
  checkinSummarySource(checkinId: string): Promise<CheckinSummarySource | null>;
  /** What forgetPerson would do now, counted (nothing is changed). */
  forgetPreview(personId: string): Promise<ForgetCounts>;
  /**
   * Deletes or anonymises every row the personal-data register lists about the person, in one
   * transaction. Counts what it did; empty when the person was no longer there.
   */
  forgetPerson(personId: string): Promise<ForgetCounts>;
}
