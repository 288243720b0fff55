// Polls as the store keeps them, and the port for it. Who was invited (and whether they have
// answered) is kept apart from what was answered; an answer names no one (BRIEF, anonymous polls).
import type { OwnQuestion } from './instrument.ts';
import type { Platform, WorkspaceId } from '../model/domain.ts';

/** A cancelled poll has no answers left and never shows results. */
export type PollStatus = 'scheduled' | 'open' | 'closed' | 'cancelled';

export interface Poll {
  id: string;
  seriesId: string;
  wave: number;
  title: string;
  /** who5 | pss10 | workplace-pulse; null for HR's own questions. */
  instrumentId: string | null;
  questions: OwnQuestion[];
  createdById: string | null;
  platform: Platform;
  workspace: WorkspaceId;
  audience: string[];
  opensAt: Date;
  closesAt: Date;
  reminders: number;
  shareWithGroups: boolean;
  threshold: number;
  status: PollStatus;
}

export type NewPoll = Omit<Poll, 'id' | 'seriesId' | 'wave' | 'status'> & { continues: string | null };

/** An answer as stored: no person, no time. Choice answers are option indexes. The group is the
 * one the person was counted in when invited (null when that group is too small to report on). */
export interface PollAnswer {
  answers: number[];
  texts: string[];
  score: number | null;
  flagged: boolean;
}

export type SubmitOutcome = 'saved' | 'already_answered' | 'not_invited' | 'not_open';

/** Aggregates only: counts per group, question and value; never a row. */
export interface RawAggregates {
  invited: Array<{ groupId: string | null; n: number }>;
  responded: Array<{ groupId: string | null; n: number }>;
  values: Array<{ groupId: string | null; question: number; value: number; n: number }>;
  texts: Array<{ groupId: string | null; question: number; text: string }>;
  scores: Array<{ groupId: string | null; n: number; sum: number; flagged: number }>;
}

export interface PollStore {
  createPoll(poll: NewPoll, participants: Array<{ personId: string; groupId: string | null }>, at: Date): Promise<Poll>;
  poll(id: string): Promise<Poll | null>;
  /** The polls of a workspace, newest first. */
  polls(workspace: WorkspaceId, limit: number): Promise<Poll[]>;
  /** The wave before this one in its series, if any. */
  previousWave(poll: Poll): Promise<Poll | null>;
  /** Every wave of the poll's series in its workspace, first wave first. */
  seriesWaves(poll: Poll): Promise<Poll[]>;
  setPollStatus(id: string, from: PollStatus, to: PollStatus): Promise<boolean>;
  participants(pollId: string): Promise<Array<{ personId: string; answered: boolean }>>;
  /** Whether one person is invited and has answered; null when not invited. */
  participation(pollId: string, personId: string): Promise<{ answered: boolean } | null>;
  /** Marks the person as answered, then stores the answer apart from that (another transaction,
   * nothing of the person): once per person, only while open. The answer waits to be mixed. */
  submitPollAnswer(pollId: string, personId: string, answer: PollAnswer): Promise<SubmitOutcome>;
  /** Mixes the poll's waiting answers into its answers when at least minBatch wait (0: always, as
   * at close): all of them rewritten together in a random order, so nothing stored ties an answer
   * to its author or to when it came. Returns how many were moved. */
  mixPollAnswers(pollId: string, minBatch: number): Promise<number>;
  pollAggregates(pollId: string): Promise<RawAggregates>;
}

/** People who answered in exactly these cells (a poll and the group they were counted in), and how many. */
export interface RespondentRegion {
  cells: Array<{ pollId: string; groupId: string | null }>;
  n: number;
}

/** Kept apart from PollStore: only sizes of overlaps, never who (src/core/polls/across.ts). */
export interface PollRegions {
  /** For a poll and every other closed poll of its workspace: how many respondents share each pattern of cells. */
  respondentRegions(pollId: string): Promise<RespondentRegion[]>;
}

/** What HR's controls and the per-person reminders need of the store (controls.ts, reminders.ts). */
export interface PollControlStore {
  /**
   * Records that reminder moment `done + 1` of an open poll has come: true once per moment, so a
   * repeated or stale moment plans nothing twice.
   */
  passReminderMoment(pollId: string, done: number): Promise<boolean>;
  /** How many reminder moments have passed. */
  remindersPlanned(pollId: string): Promise<number>;
  /** Moves a scheduled or open poll's closing to a later time; false if it is neither or the time is not later. */
  extendPoll(pollId: string, closesAt: Date): Promise<boolean>;
  /**
   * Cancels a scheduled or open poll in one transaction: its answers and its participation rows are
   * deleted. Returns who had been invited and whether it had opened; null when it could not be cancelled.
   */
  cancelPoll(pollId: string): Promise<{ opened: boolean; invited: string[] } | null>;
  /** How many were invited and how many have answered: counts only. */
  answeredCount(pollId: string): Promise<{ invited: number; answered: number }>;
}
