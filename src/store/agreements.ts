// Agreements, their follow-ups and history on Prisma. The group's list reads group-visible rows
// only, so no query meant for a group can return a private agreement. A follow-up's answer is
// written with a conditional update: of two answers at once, exactly one wins.
import type { Agreement, AgreementEvent, AgreementStore, FollowUp } from '../core/agreements/model.ts';
import type { PrismaClient } from './generated/client.ts';
import { inTransaction } from './transaction.ts';

type AgreementRow = Awaited<ReturnType<PrismaClient['agreement']['findFirstOrThrow']>>;
type FollowUpRow = Awaited<ReturnType<PrismaClient['agreementFollowUp']['findFirstOrThrow']>>;
type EventRow = Awaited<ReturnType<PrismaClient['agreementEvent']['findFirstOrThrow']>>;

// The rows are the domain's types (the enums match the core's unions); these only name the step.
const toAgreement = (row: AgreementRow): Agreement => row;
const toFollowUp = (row: FollowUpRow): FollowUp => row;
const toEvent = (row: EventRow): AgreementEvent => row;

/** The soonest follow-up first; `byRunningFirst` then puts finished agreements last, keeping that order. */
const listOrder = [{ followUpDate: { sort: 'asc' as const, nulls: 'last' as const } }, { createdAt: 'asc' as const }];

export function agreements(prisma: PrismaClient): AgreementStore {
  return {
    async createAgreement(input, at) {
      // Skipped, not failed, when the source was used already: a failed insert would end the transaction.
      return inTransaction(prisma, async (tx) => {
        const [row] = await tx.agreement.createManyAndReturn({ data: [{ ...input, createdAt: at, updatedAt: at }], skipDuplicates: true });
        if (!row) return null;
        await tx.agreementEvent.create({ data: { agreementId: row.id, kind: 'made', actorId: input.ownerId, at, followUpDate: input.followUpDate } });
        return toAgreement(row);
      });
    },
    async agreement(id) {
      const row = await prisma.agreement.findUnique({ where: { id } });
      return row ? toAgreement(row) : null;
    },
    async agreementFrom(source, sourceRef) {
      const row = await prisma.agreement.findUnique({ where: { source_sourceRef: { source, sourceRef } } });
      return row ? toAgreement(row) : null;
    },
    async setAgreementMessage(id, messageRef) {
      await prisma.agreement.update({ where: { id }, data: { messageRef } });
    },
    async decideAgreement(id, decision, actorId, at) {
      return inTransaction(prisma, async (tx) => {
        const stop = decision === 'declined' ? { status: 'stopped' as const, followUpDate: null } : {};
        const { count } = await tx.agreement.updateMany({ where: { id, decision: null }, data: { decision, decidedAt: at, updatedAt: at, ...stop } });
        if (count === 0) return null;
        await tx.agreementEvent.create({ data: { agreementId: id, kind: decision, actorId, at } });
        return toAgreement(await tx.agreement.findUniqueOrThrow({ where: { id } }));
      });
    },
    async agreementsFor(personId, groupIds) {
      const rows = await prisma.agreement.findMany({
        where: { OR: [{ ownerId: personId }, { visibility: 'group', groupId: { in: groupIds } }] },
        orderBy: listOrder,
      });
      return rows.map(toAgreement).sort(byRunningFirst);
    },
    async groupAgreements(groupId) {
      const rows = await prisma.agreement.findMany({ where: { groupId, visibility: 'group' }, orderBy: listOrder });
      return rows.map(toAgreement).sort(byRunningFirst);
    },
    async changeAgreement(id, { patch, event }, at) {
      const [row] = await prisma.$transaction([
        prisma.agreement.update({ where: { id }, data: { ...patch, updatedAt: at } }),
        ...(event ? [prisma.agreementEvent.create({ data: { ...event, agreementId: id } })] : []),
      ]);
      return toAgreement(row);
    },
    async recordFollowUp(agreementId, dueDate, at) {
      const created = await prisma.agreementFollowUp.createManyAndReturn({ data: [{ agreementId, dueDate, sentAt: at }], skipDuplicates: true });
      return created[0] ? toFollowUp(created[0]) : null;
    },
    async setFollowUpMessage(followUpId, messageRef) {
      await prisma.agreementFollowUp.update({ where: { id: followUpId }, data: { messageRef } });
    },
    async followUp(id) {
      const row = await prisma.agreementFollowUp.findUnique({ where: { id } });
      return row ? toFollowUp(row) : null;
    },
    async followUpsOf(agreementId, limit) {
      const rows = await prisma.agreementFollowUp.findMany({ where: { agreementId }, orderBy: { dueDate: 'desc' }, take: limit });
      return rows.map(toFollowUp);
    },
    async latestFollowUps(agreementIds) {
      const latest = new Map<string, FollowUp>();
      if (agreementIds.length === 0) return latest;
      const rows = await prisma.agreement.findMany({ where: { id: { in: agreementIds } }, select: { id: true, followUps: { orderBy: { dueDate: 'desc' }, take: 1 } } });
      for (const row of rows) if (row.followUps[0]) latest.set(row.id, toFollowUp(row.followUps[0]));
      return latest;
    },
    async answerFollowUp(id, outcome, at) {
      // A late answer may replace "unanswered"; any real answer stays.
      const { count } = await prisma.agreementFollowUp.updateMany({
        where: { id, OR: [{ answer: null }, ...(outcome === 'unanswered' ? [] : [{ answer: 'unanswered' as const }])] },
        data: { answer: outcome, answeredAt: at },
      });
      const row = await prisma.agreementFollowUp.findUniqueOrThrow({ where: { id } });
      return { followUp: toFollowUp(row), answered: count === 1 };
    },
    async agreementEvents(agreementIds, limit) {
      if (agreementIds.length === 0) return [];
      const rows = await prisma.agreementEvent.findMany({ where: { agreementId: { in: agreementIds } }, orderBy: [{ at: 'desc' }, { id: 'asc' }], take: limit });
      return rows.map(toEvent);
    },
  };
}

const RUNNING = new Set(['active', 'adjusted']);
/** Running agreements before finished ones; a stable sort keeps the list's order within each. */
export function byRunningFirst(a: Agreement, b: Agreement): number {
  return Number(!RUNNING.has(a.status)) - Number(!RUNNING.has(b.status));
}
