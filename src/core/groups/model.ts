// Groups and their memberships as the store keeps them, and the port for it. A group is one
// conversation on one platform; a membership that ends keeps its history (leftAt).
import type { Group, GroupRole, Membership, Platform, WorkspaceId } from '../model/domain.ts';

/** A group about to be created: its conversation and settings, who facilitates and who joins. */
export type NewGroup = Pick<Group, 'platform' | 'workspace' | 'conversationId' | 'name' | 'language' | 'timeZone'> & { facilitatorId: string; memberIds: string[] };

export interface GroupStore {
  group(groupId: string): Promise<Group | null>;
  findGroupByConversation(platform: Platform, conversationId: string): Promise<Group | null>;
  /** Throws LederrumError GROUP_EXISTS when the conversation already is a group. */
  createGroup(input: NewGroup): Promise<Group>;
  groupsOf(personId: string): Promise<Group[]>;
  /** Every group of a workspace: HR's audience to choose from. */
  groupsOn(workspace: WorkspaceId): Promise<Group[]>;
  /** Active memberships (not left), facilitators first, then by name. */
  memberships(groupId: string): Promise<Membership[]>;
  /** Whether the person is an active member of the group: one row by its key, no member list. */
  isMember(groupId: string, personId: string): Promise<boolean>;
  /** memberships() of several groups, by group id, in one read. */
  membershipsOf(groupIds: string[]): Promise<Map<string, Membership[]>>;
  addMembers(groupId: string, personIds: string[], role: GroupRole, at: Date): Promise<void>;
  removeMembers(groupId: string, personIds: string[], at: Date): Promise<void>;
  setSkipDays(groupId: string, skip: { danishHolidays?: boolean; skipDays?: string[] }): Promise<Group>;
}
