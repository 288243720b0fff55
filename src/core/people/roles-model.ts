// Workspace roles (HR, admin) as the store keeps them. They reach across a workspace's groups and
// are not a poll's: polls only ask whether someone holds one (src/core/polls/roles.ts).
import type { Person, WorkspaceId, WorkspaceRoleName } from '../model/domain.ts';

export interface RoleStore {
  hasRole(personId: string, role: WorkspaceRoleName): Promise<boolean>;
  setRole(personId: string, role: WorkspaceRoleName, granted: boolean): Promise<void>;
  /** The people of a workspace who hold a role, by name. */
  holders(workspace: WorkspaceId, role: WorkspaceRoleName): Promise<Person[]>;
}
