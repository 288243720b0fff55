// What a person's overview shows of each of their groups, and the port that reads it. One read for
// all their groups: the overview is the most frequent request (`overblik`, Slack's App Home) and
// each statement costs CPU however little it returns (issue 18).
import type { Group, Membership, Round } from '../model/domain.ts';

export interface OverviewGroup {
  group: Group;
  /** Active memberships, facilitators first, then by name. */
  memberships: Membership[];
  /**
   * The open check-in's open round and whether the person has answered it: a yes or no, so
   * nothing they or anyone else wrote is read into the overview.
   */
  open: { sequence: number; round: Round; answered: boolean } | null;
}

export interface OverviewStore {
  /** The person's active groups by name, each with its members and open round. */
  overviewGroups(personId: string): Promise<OverviewGroup[]>;
}
