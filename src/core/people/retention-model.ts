// What retention and uninstall clean-up need from the Store port (issue 15, point 4). The store
// decides row by row from the personal-data register; the core decides when, and tells people.
import type { Platform, WorkspaceId } from '../model/domain.ts';

/** What one retention pass deleted, counted per kind (never content), for the log. */
export interface RetentionCounts {
  answers: number;
  attendance: number;
  agreements: number;
  agreement_history: number;
}

/**
 * A place Lederrum was uninstalled from: a whole workspace (scope '') or, on Teams, one team
 * (scope = the team id) or one group chat (scope = its conversation id) inside the tenant.
 */
export interface RemovalTarget {
  platform: Platform;
  workspace: WorkspaceId;
  scope: string;
}

export interface PendingRemoval extends RemovalTarget {
  requestedAt: Date;
  deleteAt: Date;
}

/** What a workspace removal deleted, per table, for the log. */
export type RemovalCounts = Record<string, number>;

export interface RetentionStore {
  /**
   * Deletes, by the register's `retention` field, what is older than `cutoff`: answers and
   * attendance of check-ins closed before it, and agreements finished (kept, stopped) and last
   * changed before it, with their follow-ups and history. One transaction.
   */
  retentionSweep(cutoff: Date): Promise<RetentionCounts>;
  /** Records (or moves) a pending removal; a removal that already ran is started again. */
  requestRemoval(removal: PendingRemoval): Promise<void>;
  /** Cancels a pending removal (a reinstall); returns it when there was one. */
  cancelRemoval(target: RemovalTarget): Promise<PendingRemoval | null>;
  pendingRemoval(target: RemovalTarget): Promise<PendingRemoval | null>;
  /** Pending removals due at `now` (a removal job skipped while Lederrum was down is caught up by the daily pass). */
  dueRemovals(now: Date): Promise<PendingRemoval[]>;
  /**
   * Deletes everything of the target, if its removal is still pending and due at `now`, and marks
   * it done, in one transaction; null when it was cancelled or is not due (nothing changed).
   */
  removeWorkspaceData(target: RemovalTarget, now: Date): Promise<RemovalCounts | null>;
}
