// What a person's overview shows, and the port that reads it. One read for all of it: the overview
// is the most frequent request (`overblik`, Slack's App Home) and each statement costs CPU however
// little it returns (issue 18).
import type { Group, Member, Round } from '../model/domain.ts';
import type { AttendanceHistory, TakeawayNote } from '../checkins/model.ts';
import type { Agreement } from '../agreements/model.ts';

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

/** Everything a person's overview shows, read at once. */
export interface PersonOverview {
  /** The person's active groups, by name. */
  groups: OverviewGroup[];
  /** What the person took with them from closed check-ins of any group, newest first: their own words only, never a pass. */
  takeaways: TakeawayNote[];
  /**
   * Their own agreements and the group-visible agreements of their active groups, running ones
   * first, each part by its next follow-up day: what `agreementsFor` reads for those groups.
   */
  agreements: Agreement[];
}

export interface OverviewStore {
  /**
   * The person's overview in one statement: their groups, each with its members, open round and
   * next planned opening, and where they facilitate, attendance over the last `historyWindow`
   * closed check-ins; their last `takeaways` takeaways; and the agreements they may see.
   */
  overview(personId: string, sizes: { historyWindow: number; takeaways: number }): Promise<PersonOverview>;
}
