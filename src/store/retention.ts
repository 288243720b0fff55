// Retention and uninstall clean-up over the register (issue 15, point 4). The sweep has one rule
// per register entry, typed so that an entry whose `retention` is 'kept' must say KEPT and any
// other must give a deletion: a new entry, or a changed `retention`, does not compile until the
// sweep agrees with the register. Workspace removal lives in workspace-removal.ts.
import type { PendingRemoval, RemovalTarget, RetentionCounts, RetentionStore } from '../core/people/retention-model.ts';
import { storedWorkspace, type Platform } from '../core/model/domain.ts';
import type { PrismaClient } from './generated/client.ts';
import type { PerPersonalTable, PERSONAL_DATA, PersonalTable } from './personal-data.ts';
import type { Tx } from './personal-delete.ts';
import { removeWorkspaceRows } from './workspace-removal.ts';

/** A table retention leaves alone: it lives as long as the person or the workspace. */
export const KEPT = 'kept' as const;
type SweepRule = (tx: Tx, cutoff: Date) => Promise<Partial<RetentionCounts>>;
type RuleFor<T extends PersonalTable> = (typeof PERSONAL_DATA)[T]['retention'] extends 'kept' ? typeof KEPT : SweepRule;
export type SweepRules = PerPersonalTable<SweepRule | typeof KEPT> & { [T in PersonalTable]: RuleFor<T> };

/** Finished agreements: kept or stopped, and not changed since the cutoff. */
const finishedBefore = (cutoff: Date) => ({ status: { in: ['kept' as const, 'stopped' as const] }, updatedAt: { lt: cutoff } });
/** Rows of check-ins closed before the cutoff (an open check-in is never swept). */
const closedBefore = (cutoff: Date) => ({ status: 'closed' as const, closedAt: { lt: cutoff } });

export const SWEEP: SweepRules = {
  User: KEPT,
  Membership: KEPT,
  WorkspaceRole: KEPT,
  // Round answers and takeaways alike (a takeaway is the answer to the take-away round).
  async Answer(tx, cutoff) {
    return { answers: (await tx.answer.deleteMany({ where: { round: { checkin: closedBefore(cutoff) } } })).count };
  },
  // Who took part goes with what they said: attendance alone would still tell a story.
  async Attendance(tx, cutoff) {
    return { attendance: (await tx.attendance.deleteMany({ where: { checkin: closedBefore(cutoff) } })).count };
  },
  ToolSession: KEPT,
  // The person's own trend: kept until they delete it (`slet mine data`) or the workspace goes.
  WellbeingEntry: KEPT,
  // History first, so it is counted before it cascades with its agreement.
  async AgreementEvent(tx, cutoff) {
    return { agreement_history: await tx.agreementEvent.count({ where: { agreement: finishedBefore(cutoff) } }) };
  },
  // Follow-ups and history cascade; a follow-up job still planned for one is dropped with it.
  async Agreement(tx, cutoff) {
    const ids = (await tx.agreement.findMany({ where: finishedBefore(cutoff), select: { id: true } })).map((a) => a.id);
    if (ids.length === 0) return { agreements: 0 };
    await tx.schedule.deleteMany({ where: { kind: 'agreement.followup', subject: { in: ids } } });
    return { agreements: (await tx.agreement.deleteMany({ where: { id: { in: ids } } })).count };
  },
  Poll: KEPT,
  PollParticipant: KEPT,
  PersonPost: KEPT,
  Schedule: KEPT,
  TeamsConversation: KEPT,
  PlaygroundMessage: KEPT,
  PlaygroundConversation: KEPT,
  // Settled messages (content already gone) and reported fan-outs. Their keys are what makes a
  // repeated enqueue a no-op, so they stay as long as anything that could repeat one.
  async OutboxMessage(tx, cutoff) {
    await tx.outboxMessage.deleteMany({ where: { state: { in: ['sent', 'failed', 'unknown'] }, settledAt: { lt: cutoff } } });
    return {};
  },
  async OutboxBatch(tx, cutoff) {
    await tx.outboxBatch.deleteMany({ where: { reportedAt: { lt: cutoff } } });
    return {};
  },
};

/** As read with SQL: the platform column is the Platform enum, so it holds no other value. */
type RemovalRow = { platform: Platform; workspace: string; scope: string; requestedAt: Date; deleteAt: Date; doneAt: Date | null };

function pending(row: RemovalRow): PendingRemoval {
  return { platform: row.platform, workspace: storedWorkspace(row.workspace), scope: row.scope, requestedAt: row.requestedAt, deleteAt: row.deleteAt };
}

const keyOf = (t: RemovalTarget) => ({ platform_workspace_scope: { platform: t.platform, workspace: t.workspace, scope: t.scope } });

export function retention(prisma: PrismaClient): RetentionStore {
  return {
    async retentionSweep(cutoff) {
      return prisma.$transaction(async (tx) => {
        const counts: RetentionCounts = { answers: 0, attendance: 0, agreements: 0, agreement_history: 0 };
        for (const rule of Object.values(SWEEP)) {
          if (rule === KEPT) continue;
          for (const [kind, n] of Object.entries(await rule(tx, cutoff)) as Array<[keyof RetentionCounts, number]>) counts[kind] += n;
        }
        return counts;
      });
    },
    async requestRemoval(removal) {
      const data = { requestedAt: removal.requestedAt, deleteAt: removal.deleteAt, doneAt: null };
      await prisma.dataRemoval.upsert({ where: keyOf(removal), create: { platform: removal.platform, workspace: removal.workspace, scope: removal.scope, ...data }, update: data });
    },
    async cancelRemoval(target) {
      const row = await prisma.dataRemoval.findUnique({ where: keyOf(target) });
      if (!row || row.doneAt) return null;
      // Only a still-pending row goes: a removal that ran at the same moment stays recorded.
      const { count } = await prisma.dataRemoval.deleteMany({ where: { ...target, doneAt: null } });
      return count > 0 ? pending(row) : null;
    },
    async pendingRemoval(target) {
      const row = await prisma.dataRemoval.findUnique({ where: keyOf(target) });
      return row && !row.doneAt ? pending(row) : null;
    },
    async dueRemovals(now) {
      const rows = await prisma.dataRemoval.findMany({ where: { doneAt: null, deleteAt: { lte: now } }, orderBy: { deleteAt: 'asc' } });
      return rows.map(pending);
    },
    async removeWorkspaceData(target, now) {
      return prisma.$transaction(
        async (tx) => {
          // FOR UPDATE: a reinstall cancelling it now waits, then finds it done (or we find it gone).
          const rows = await tx.$queryRawUnsafe<RemovalRow[]>(
            `SELECT * FROM "DataRemoval" WHERE "platform" = $1 AND "workspace" = $2 AND "scope" = $3 FOR UPDATE`,
            target.platform,
            target.workspace,
            target.scope,
          );
          const row = rows[0];
          if (!row || row.doneAt || row.deleteAt > now) return null;
          const counts = await removeWorkspaceRows(tx, target);
          await tx.dataRemoval.update({ where: keyOf(target), data: { doneAt: now } });
          return counts;
        },
        { timeout: 120_000 },
      );
    },
  };
}
