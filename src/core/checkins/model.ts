// Check-ins, their two rounds, answers and attendance as the store keeps them, and the port for
// it. An answer and a takeaway belong to their author; "still open" is checked where it is written.
import type { Answer, AttendanceMark, Checkin, Group, Round } from '../model/domain.ts';

export interface AnswerInput {
  roundId: string;
  personId: string;
  text: string | null;
  passed: boolean;
  shared: boolean;
  at: Date;
}

/** An answer together with the kind of round it answered. */
export type CheckinAnswer = Answer & { kind: Round['kind'] };

export interface RoundContext {
  round: Round;
  checkin: Checkin;
  group: Group;
  /** The answer of the person roundContext was asked about (`answerOf`), null when they have none. */
  answer?: Answer | null;
}

export interface AttendanceHistory {
  /** The last closed check-ins, oldest first. */
  checkins: Array<{ id: string; sequence: number }>;
  marks: AttendanceMark[];
}

/** A takeaway of the person's, for their own overview. */
export interface TakeawayNote {
  groupName: string;
  sequence: number;
  text: string;
  shared: boolean;
  at: Date;
}

/** One closed check-in's turnout: how many answered with words, only passed, or were absent. Counts, never who or what. */
export interface CheckinTurnout {
  sequence: number;
  openedAt: Date;
  answered: number;
  passed: number;
  absent: number;
}

export interface CheckinStore {
  openCheckin(groupId: string): Promise<Checkin | null>;
  /** Opens check-in N+1 with its since-last round. Throws CHECKIN_ALREADY_OPEN if one is open. */
  startCheckin(groupId: string, at: Date): Promise<Checkin>;
  /** Closes the since-last round and opens the take-away round, in one transaction. Throws ROUND_NOT_OPEN if it is already open. */
  openTakeAwayRound(checkinId: string, at: Date): Promise<Round>;
  /**
   * Closes every round and the check-in and records attendance, in one transaction: the answers
   * are read under lock and handed to `attendanceOf` (the core's rule), so none can slip in between.
   * Throws NO_OPEN_CHECKIN if it was closed meanwhile.
   */
  closeCheckin(
    checkinId: string,
    at: Date,
    attendanceOf: (answers: CheckinAnswer[]) => Array<{ personId: string; present: boolean }>,
  ): Promise<{ answers: CheckinAnswer[]; attendance: Array<{ personId: string; present: boolean }> }>;
  /** The round with its check-in and group; with `answerOf`, that person's own answer too, in the same read. */
  roundContext(roundId: string, answerOf?: string): Promise<RoundContext | null>;
  setRoundMessage(roundId: string, messageRef: string): Promise<void>;
  /**
   * Saves or replaces a member's answer. Throws ROUND_CLOSED if the round is no longer open.
   * `changed` is false when the same answer arrived again (a form submitted twice).
   */
  saveAnswer(input: AnswerInput): Promise<{ answer: Answer; created: boolean; changed: boolean }>;
  setAnswerReply(answerId: string, replyRef: string): Promise<void>;
  /** Who has answered the round and whether they passed, for the facilitator's view: never the words. */
  roundResponses(roundId: string): Promise<Array<{ personId: string; passed: boolean }>>;
  /**
   * Records the facilitator's one nudge for an open round, by a conditional update: true for the
   * one call that set it, false when it was set before or the round is closed.
   */
  claimRoundNudge(roundId: string, at: Date): Promise<boolean>;
  /** The person's take-away text from the latest closed check-in of the group before `beforeSequence`. */
  lastTakeaway(groupId: string, personId: string, beforeSequence: number): Promise<string | null>;
  attendanceHistory(groupId: string, lastN: number): Promise<AttendanceHistory>;
  /** The last N closed check-ins' turnout, oldest first (a facilitator's view: counts only). */
  checkinTurnout(groupId: string, lastN: number): Promise<CheckinTurnout[]>;
}
