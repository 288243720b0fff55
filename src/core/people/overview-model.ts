// What a person's overview shows of each of their groups, and the port that reads it. One read for
// all their groups: the overview is the most frequent request (`overblik`, Slack's App Home) and
// each statement costs CPU however little it returns (issue 18).
import type { Group, Member, Round } from '../model/domain.ts';
import type { AttendanceHistory } from '../checkins/model.ts';

export interface OverviewGroup {
  group: Group;
  /** Active members, facilitators first, then by name: who and in which role, nothing more is shown. */
  memberships: Member[];
  /**
   * The open check-in's open round and whether the person has answered it: a yes or no, so
   * nothing they or anyone else wrote is read into the overview.
   */
  open: { sequence: number; round: Round; answered: boolean } | null;
  /**
   * When the group's running check-in plan opens a check-in next, as the scheduler has it planned
   * (every other week counted from the plan's first week); null without a running plan.
   */
  nextOpening: Date | null;
  /** Where the person facilitates the group: its attendance over the last closed check-ins; null elsewhere. */
  history: AttendanceHistory | null;
}

export interface OverviewStore {
  /**
   * The person's active groups by name, each with its members, open round and next planned opening,
   * and where they facilitate, attendance over the last `historyWindow` closed check-ins.
   */
  overviewGroups(personId: string, historyWindow: number): Promise<OverviewGroup[]>;
}
