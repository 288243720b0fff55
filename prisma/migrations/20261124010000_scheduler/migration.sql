-- The scheduler: schedules and their claimed occurrences; members' nudge preferences; groups'
-- skip days.

ALTER TABLE "User" ADD COLUMN "nudgeLevel" TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE "User" ADD COLUMN "workStart" TEXT NOT NULL DEFAULT '08:00';
ALTER TABLE "User" ADD COLUMN "workEnd" TEXT NOT NULL DEFAULT '17:00';
ALTER TABLE "User" ADD COLUMN "workDays" TEXT NOT NULL DEFAULT '1,2,3,4,5';
ALTER TABLE "User" ADD COLUMN "pausedUntil" TIMESTAMP(3);

ALTER TABLE "Group" ADD COLUMN "danishHolidays" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Group" ADD COLUMN "skipDays" TEXT NOT NULL DEFAULT '';

CREATE TABLE "Schedule" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "groupId" TEXT,
    "cron" TEXT,
    "everyNthWeek" INTEGER NOT NULL DEFAULT 1,
    "timeZone" TEXT NOT NULL,
    "anchor" TIMESTAMP(3),
    "nextAt" TIMESTAMP(3),
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Schedule_kind_subject_key" ON "Schedule"("kind", "subject");
-- Only schedules that will run again are in the index the tick reads.
CREATE INDEX "Schedule_nextAt_idx" ON "Schedule"("nextAt") WHERE "nextAt" IS NOT NULL;

CREATE TABLE "Occurrence" (
    "scheduleId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Occurrence_pkey" PRIMARY KEY ("scheduleId","at")
);

CREATE INDEX "Occurrence_status_claimedAt_idx" ON "Occurrence"("status", "claimedAt");

ALTER TABLE "Occurrence" ADD CONSTRAINT "Occurrence_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
