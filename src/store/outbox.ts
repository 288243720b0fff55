// The delivery's OutboxStore on Prisma (prisma/schema.prisma OutboxMessage, OutboxBatch,
// OutboxLane) and the SQL that makes delivery exactly-once-or-reported across replicas: a worker
// claims due rows with FOR UPDATE SKIP LOCKED and reserves their time slots on the shared pacing
// lanes in the same transaction; it marks a row "sending" just before the platform call and
// settles it after. A row left "sending" by a process that died is reported unknown, never
// resent; a row only reserved is taken again once its lease runs out.
import { isLederrumError } from '../core/errors.ts';
import type { ClaimedMessage, OutboxStore } from '../delivery/outbox-store.ts';
import { intervalOf, lanesOf } from '../delivery/pacing.ts';
import type { PrismaClient } from './generated/client.ts';
import { messageSchema, readJson } from './json.ts';
import { inTransaction } from './transaction.ts';

interface Candidate {
  id: string;
  lane: string;
  pool: string;
}

export function outboxStore(prisma: PrismaClient): OutboxStore {
  return {
    /** Records a fan-out's messages in one transaction; keys already recorded are skipped. */
    async enqueue(fanOut, letters, at, wall) {
      return inTransaction(prisma, async (tx) => {
        let batchId: string | null = null;
        if (fanOut.report) {
          const { to, kind, title } = fanOut.report;
          const batch = await tx.outboxBatch.upsert({
            where: { subject: fanOut.key },
            create: { kind, subject: fanOut.key, title, workspace: to.workspace, reportToId: to.id, total: letters.length, createdAt: at },
            update: {},
          });
          batchId = batch.id;
        }
        const rows = letters.map(({ to, message }, position) => ({
          key: `${fanOut.key}|${to.id}`,
          workspace: to.workspace,
          platform: to.platform,
          personId: to.id,
          batchId,
          ...lanesOf(to),
          position,
          message: message as object,
          notBefore: wall,
          deadline: fanOut.deadline,
          createdAt: at,
        }));
        const { count } = await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
        return count;
      });
    },

    /** Claims up to `limit` due rows whose lanes let them go within the horizon, reserving their slots. */
    async claim(wall, options) {
      return prisma.$transaction(async (tx) => {
        const candidates = await tx.$queryRaw<Candidate[]>`
          SELECT "id", "lane", "pool" FROM "OutboxMessage"
          WHERE "state" = 'pending' AND "notBefore" <= ${wall} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${wall})
          ORDER BY "position", "createdAt", "id"
          LIMIT ${options.limit * 4} FOR UPDATE SKIP LOCKED`;
        if (candidates.length === 0) return [];
        // Lanes are locked in one order by everyone, so two replicas never wait on each other in a circle.
        const keys = [...new Set(candidates.flatMap((c) => [c.lane, c.pool]))].sort();
        for (const lane of keys) {
          await tx.$executeRaw`INSERT INTO "OutboxLane" ("lane", "nextAt") VALUES (${lane}, ${new Date(0)}) ON CONFLICT DO NOTHING`;
        }
        const next = new Map<string, number>();
        for (const lane of keys) {
          const [row] = await tx.$queryRaw<Array<{ nextAt: Date }>>`SELECT "nextAt" FROM "OutboxLane" WHERE "lane" = ${lane} FOR UPDATE`;
          next.set(lane, row!.nextAt.getTime());
        }
        const chosen: Array<{ id: string; slot: number }> = [];
        const now = wall.getTime();
        for (const c of candidates) {
          if (chosen.length >= options.limit) break;
          const slot = Math.max(now, next.get(c.lane)!, next.get(c.pool)!);
          if (slot > now + options.horizonMs) continue;
          next.set(c.lane, slot + intervalOf(options.pacing, c.lane));
          next.set(c.pool, slot + intervalOf(options.pacing, c.pool));
          chosen.push({ id: c.id, slot });
        }
        for (const lane of keys) {
          await tx.$executeRaw`UPDATE "OutboxLane" SET "nextAt" = ${new Date(next.get(lane)!)} WHERE "lane" = ${lane}`;
        }
        const claimed: ClaimedMessage[] = [];
        for (const { id, slot } of chosen) {
          const [row] = await tx.$queryRaw<Array<Omit<ClaimedMessage, 'slot' | 'message'> & { message: unknown }>>`
            UPDATE "OutboxMessage" SET "leaseOwner" = ${options.owner}, "leaseUntil" = ${new Date(slot + options.leaseMs)}
            WHERE "id" = ${id}
            RETURNING "id", "key", "personId", "batchId", "lane", "pool", "message", "attempts", "deadline"`;
          try {
            claimed.push({ ...row!, message: readJson(messageSchema, row!.message, { table: 'OutboxMessage', column: 'message', row: id }), slot: new Date(slot) });
          } catch (error) {
            if (!isLederrumError(error)) throw error;
            // Content that is not a message can never be sent: settled failed here, so one bad
            // row neither stops the claim of the others nor comes back at every pass.
            await tx.$executeRaw`
              UPDATE "OutboxMessage" SET "state" = 'failed', "outcome" = ${error.code}, "message" = NULL, "settledAt" = ${wall}, "leaseOwner" = NULL, "leaseUntil" = NULL
              WHERE "id" = ${id}`;
            options.corrupt?.({ id, personId: row!.personId, key: row!.key, error });
          }
        }
        return claimed;
      });
    },

    /** Just before the platform call: false if the reservation was lost (the lease ran out and another took it). */
    async startSending(id, owner, wall, sendTimeoutMs) {
      const changed = await prisma.$executeRaw`
        UPDATE "OutboxMessage" SET "state" = 'sending', "attempts" = "attempts" + 1, "leaseUntil" = ${new Date(wall.getTime() + sendTimeoutMs)}
        WHERE "id" = ${id} AND "state" = 'pending' AND "leaseOwner" = ${owner}`;
      return changed === 1;
    },

    /**
     * The outcome of a send; the content goes, what stays says only whether it arrived. A row
     * already reported unknown (its answer came after the send timeout, or the database was away
     * longer) takes the answer of the process that sent it: the truth, and still never a resend.
     */
    async settle(id, owner, settlement, at) {
      const outcome = settlement.state === 'failed' ? settlement.outcome : null;
      await prisma.$executeRaw`
        UPDATE "OutboxMessage" SET "state" = ${settlement.state}, "outcome" = ${outcome}, "message" = NULL, "settledAt" = ${at}, "leaseOwner" = NULL, "leaseUntil" = NULL
        WHERE "id" = ${id} AND (("state" IN ('pending', 'sending') AND ("leaseOwner" = ${owner} OR "leaseOwner" IS NULL)) OR ("state" = 'unknown' AND "leaseOwner" = ${owner}))`;
    },

    /** Never sent (the database failed before the platform was called): back to waiting, the lease and the attempt undone. */
    async release(id, owner) {
      await prisma.$executeRaw`
        UPDATE "OutboxMessage" SET "state" = 'pending', "attempts" = CASE WHEN "state" = 'sending' THEN "attempts" - 1 ELSE "attempts" END, "leaseOwner" = NULL, "leaseUntil" = NULL
        WHERE "id" = ${id} AND "state" IN ('pending', 'sending') AND "leaseOwner" = ${owner}`;
    },

    /** A transient failure: back to pending, not before `notBefore`; its lanes wait too when the platform asked. */
    async retryLater(row, owner, notBefore, throttled) {
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`
          UPDATE "OutboxMessage" SET "state" = 'pending', "notBefore" = ${notBefore}, "leaseOwner" = NULL, "leaseUntil" = NULL
          WHERE "id" = ${row.id} AND "state" = 'sending' AND "leaseOwner" = ${owner}`;
        if (!throttled) return;
        for (const lane of [row.lane, row.pool].sort()) {
          await tx.$executeRaw`UPDATE "OutboxLane" SET "nextAt" = GREATEST("nextAt", ${notBefore}) WHERE "lane" = ${lane}`;
        }
      });
    },

    /**
     * Rows a dead process left "sending": reported unknown, never resent (it may have arrived).
     * The owner stays, so a process that was only slow (a hung call, the database away longer
     * than the timeout) can still record the answer it gets.
     */
    async markUnknown(wall, at) {
      return prisma.$queryRaw`
        UPDATE "OutboxMessage" SET "state" = 'unknown', "outcome" = 'UNKNOWN', "message" = NULL, "settledAt" = ${at}, "leaseUntil" = NULL
        WHERE "state" = 'sending' AND "leaseUntil" < ${wall}
        RETURNING "id", "personId", "key"`;
    },

    /**
     * Rows not yet on their way (pending, reserved or not) whose key starts with a prefix: not
     * sent. A worker holding one finds it settled when it goes to send it. `silently` marks the
     * fan-outs they belong to as reported, so nobody hears counts of a fan-out called off.
     */
    async withdraw(prefixes, at, silently) {
      if (prefixes.length === 0) return 0;
      return inTransaction(prisma, async (tx) => {
        if (silently) {
          await tx.$executeRaw`
            UPDATE "OutboxBatch" SET "reportedAt" = ${at}
            WHERE "reportedAt" IS NULL AND EXISTS (SELECT 1 FROM unnest(${prefixes}::text[]) AS p(prefix) WHERE left("subject" || '|', length(p.prefix)) = p.prefix)`;
        }
        return tx.$executeRaw`
          UPDATE "OutboxMessage" SET "state" = 'failed', "outcome" = 'WITHDRAWN', "message" = NULL, "settledAt" = ${at}, "leaseOwner" = NULL, "leaseUntil" = NULL
          WHERE "state" = 'pending' AND EXISTS (SELECT 1 FROM unnest(${prefixes}::text[]) AS p(prefix) WHERE left("key", length(p.prefix)) = p.prefix)`;
      });
    },

    /** Pending rows whose moment has passed: dropped, each reported to the log by the caller. */
    async expire(at) {
      return prisma.$queryRaw`
        UPDATE "OutboxMessage" SET "state" = 'failed', "outcome" = 'EXPIRED', "message" = NULL, "settledAt" = ${at}, "leaseOwner" = NULL, "leaseUntil" = NULL
        WHERE "state" = 'pending' AND "deadline" < ${at}
        RETURNING "id", "personId", "key"`;
    },

    /** Batches whose every message is settled, each claimed once (by whichever replica gets there). */
    async settledBatches(at) {
      const done = await prisma.$queryRaw<Array<{ id: string; kind: string; title: string; reportToId: string | null; total: number }>>`
        UPDATE "OutboxBatch" b SET "reportedAt" = ${at}
        WHERE b."id" IN (
          SELECT "id" FROM "OutboxBatch" o WHERE o."reportedAt" IS NULL
            AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" m WHERE m."batchId" = o."id" AND m."state" IN ('pending', 'sending'))
          LIMIT 20 FOR UPDATE SKIP LOCKED)
        RETURNING b."id", b."kind", b."title", b."reportToId", b."total"`;
      const result = [];
      for (const batch of done) {
        const counts = await prisma.$queryRaw<Array<{ state: string; outcome: string | null; count: number }>>`
          SELECT "state", "outcome", COUNT(*)::int AS "count" FROM "OutboxMessage" WHERE "batchId" = ${batch.id} GROUP BY "state", "outcome"`;
        result.push({ ...batch, counts });
      }
      return result;
    },

    /** The age of the oldest message still waiting, for /readyz; null when nothing waits. */
    async oldestPendingAgeMs(wall) {
      const [row] = await prisma.$queryRaw<Array<{ oldest: Date | null }>>`SELECT MIN("notBefore") AS "oldest" FROM "OutboxMessage" WHERE "state" = 'pending'`;
      return row?.oldest ? Math.max(0, wall.getTime() - row.oldest.getTime()) : null;
    },

    /** How many are still to do (tests and the drain wait for zero). */
    async unsettled() {
      return prisma.outboxMessage.count({ where: { state: { in: ['pending', 'sending'] } } });
    },
  };
}
