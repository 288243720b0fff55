// The scheduler's ScheduleStore on Prisma, and the claim that makes each occurrence happen
// exactly once: due rows are read through the partial index on nextAt with FOR UPDATE SKIP LOCKED
// (so replicas do not even wait on each other), each occurrence is claimed by inserting its
// (schedule, time) row, and nextAt moves on in the same transaction, all rows of a batch at once.
import type { Claimed, NewSchedule, ScheduleRow, ScheduleStore } from '../scheduler/schedules.ts';
import type { PrismaClient } from './generated/client.ts';

/** Marks a claim taken over from a process that died. */
const RESUMED = '+resumed';

/** A schedule's columns besides its key, as put and putIfAbsent write them. */
function columnsOf(schedule: NewSchedule, at: Date) {
  return {
    groupId: schedule.groupId ?? null,
    cron: schedule.cron ?? null,
    everyNthWeek: schedule.everyNthWeek ?? 1,
    timeZone: schedule.timeZone,
    anchor: schedule.anchor ?? null,
    nextAt: schedule.nextAt,
    payload: (schedule.payload ?? {}) as object,
    updatedAt: at,
  };
}

export function scheduleStore(prisma: PrismaClient): ScheduleStore {
  return {
    async put(schedule, at) {
      const data = columnsOf(schedule, at);
      await prisma.schedule.upsert({
        where: { kind_subject: { kind: schedule.kind, subject: schedule.subject } },
        create: { kind: schedule.kind, subject: schedule.subject, ...data },
        update: data,
      });
    },

    async putIfAbsent(schedule, at) {
      await prisma.schedule.createMany({
        data: [{ kind: schedule.kind, subject: schedule.subject, ...columnsOf(schedule, at), createdAt: at }],
        skipDuplicates: true,
      });
    },

    async find(kind, subject) {
      const row = await prisma.schedule.findUnique({ where: { kind_subject: { kind, subject } } });
      if (!row) return null;
      const { createdAt: _created, updatedAt: _updated, ...schedule } = row;
      return schedule;
    },

    async stop(kind, subject, at) {
      await prisma.schedule.updateMany({ where: { kind, subject }, data: { nextAt: null, updatedAt: at } });
    },

    // Three statements whatever the batch: the due rows locked, then every occurrence inserted and
    // every nextAt moved on as sets. Row by row, a full batch of 500 took 1.5 s (1,000 round trips);
    // the cron arithmetic stays in JavaScript (zones, every other week), only the writes are sets.
    async claimDue(now, options) {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<ScheduleRow[]>`
          SELECT "id", "kind", "subject", "groupId", "cron", "everyNthWeek", "timeZone", "anchor", "nextAt", "payload"
          FROM "Schedule" WHERE "nextAt" IS NOT NULL AND "nextAt" <= ${now}
          ORDER BY "nextAt" LIMIT ${options.limit} FOR UPDATE SKIP LOCKED`;
        const claimed: Claimed = { deliver: [], skipped: [] };
        if (rows.length === 0) return claimed;
        const plans = rows.map((row) => {
          // Walk over missed occurrences to the latest one that has come.
          let occurrence = row.nextAt;
          let following = row.cron ? options.nextOf(row, occurrence) : null;
          while (following && following <= now) {
            claimed.skipped.push({ scheduleId: row.id, kind: row.kind, at: occurrence });
            occurrence = following;
            following = options.nextOf(row, occurrence);
          }
          return { row, occurrence, following, late: now.getTime() - occurrence.getTime() > options.graceMs };
        });
        // Times travel as ISO text read back in UTC, as Prisma stores DateTime; arrays keep their order.
        const iso = (at: Date | null) => at?.toISOString() ?? null;
        const inserted = await tx.$queryRaw<Array<{ scheduleId: string }>>`
          INSERT INTO "Occurrence" ("scheduleId", "at", "status", "claimedBy", "claimedAt")
          SELECT claim.id, claim.at::timestamptz AT TIME ZONE 'UTC', claim.status::"OccurrenceStatus", ${options.owner}, ${now}
          FROM unnest(${plans.map((p) => p.row.id)}::text[], ${plans.map((p) => iso(p.occurrence))}::text[], ${plans.map((p) => (p.late ? 'skipped' : 'claimed'))}::text[]) AS claim(id, at, status)
          ON CONFLICT DO NOTHING
          RETURNING "scheduleId"`;
        const won = new Set(inserted.map((r) => r.scheduleId));
        await tx.$executeRaw`
          UPDATE "Schedule" AS s SET "nextAt" = next.at::timestamptz AT TIME ZONE 'UTC', "updatedAt" = ${now}
          FROM unnest(${plans.map((p) => p.row.id)}::text[], ${plans.map((p) => iso(p.following))}::text[]) AS next(id, at)
          WHERE s."id" = next.id`;
        for (const { row, occurrence, late } of plans) {
          if (late) claimed.skipped.push({ scheduleId: row.id, kind: row.kind, at: occurrence });
          else if (won.has(row.id)) {
            claimed.deliver.push({ scheduleId: row.id, kind: row.kind, subject: row.subject, groupId: row.groupId, payload: row.payload ?? {}, at: occurrence });
          }
        }
        return claimed;
      });
    },

    async finish(job, status, at) {
      await prisma.occurrence.updateMany({ where: { scheduleId: job.scheduleId, at: job.at, status: 'claimed' }, data: { status, finishedAt: at } });
    },

    // Safe to run again: the job records only what a key makes unique, or re-checks its state.
    async resumeStale(now, staleMs, owner, kinds) {
      if (kinds.length === 0) return [];
      const rows = await prisma.$queryRaw<Array<{ scheduleId: string; at: Date; kind: string; subject: string; groupId: string | null; payload: unknown }>>`
        UPDATE "Occurrence" AS o SET "claimedBy" = ${`${owner}${RESUMED}`}, "claimedAt" = ${now}
        FROM "Schedule" AS s
        WHERE o."scheduleId" = s."id" AND o."status" = 'claimed' AND o."claimedAt" < ${new Date(now.getTime() - staleMs)}
          AND s."kind" = ANY(${[...kinds]}) AND o."claimedBy" NOT LIKE ${`%${RESUMED}`}
        RETURNING o."scheduleId", o."at", s."kind", s."subject", s."groupId", s."payload"`;
      return rows.map((row) => ({ ...row, payload: row.payload ?? {} }));
    },

    async markUnknown(now, staleMs) {
      return prisma.$queryRaw`
        UPDATE "Occurrence" SET "status" = 'unknown', "finishedAt" = ${now}
        WHERE "status" = 'claimed' AND "claimedAt" < ${new Date(now.getTime() - staleMs)}
        RETURNING "scheduleId", "at", "claimedBy"`;
    },

    async oldestDueAgeMs(now) {
      // The partial index on nextAt answers this without a scan.
      const [row] = await prisma.$queryRaw<Array<{ oldest: Date | null }>>`SELECT MIN("nextAt") AS "oldest" FROM "Schedule" WHERE "nextAt" IS NOT NULL AND "nextAt" <= ${now}`;
      return row?.oldest ? Math.max(0, now.getTime() - row.oldest.getTime()) : null;
    },
  };
}
