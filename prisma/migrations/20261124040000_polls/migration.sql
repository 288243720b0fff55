-- Anonymous pulse polls: polls and their waves, who was invited (kept apart from answers), and
-- answers that belong to nobody — no user, no timestamp, a random id.

CREATE TABLE "Poll" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "wave" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "instrumentId" TEXT,
    "questions" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "platform" TEXT NOT NULL,
    "audience" JSONB NOT NULL DEFAULT '[]',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "reminders" INTEGER NOT NULL DEFAULT 0,
    "shareWithGroups" BOOLEAN NOT NULL DEFAULT false,
    "threshold" INTEGER NOT NULL DEFAULT 5,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Poll_status_check" CHECK ("status" IN ('scheduled', 'open', 'closed')),
    CONSTRAINT "Poll_threshold_check" CHECK ("threshold" >= 3),
    CONSTRAINT "Poll_reminders_check" CHECK ("reminders" BETWEEN 0 AND 2),
    CONSTRAINT "Poll_times_check" CHECK ("closesAt" > "opensAt")
);

CREATE INDEX "Poll_seriesId_wave_idx" ON "Poll"("seriesId", "wave");
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "PollParticipant" (
    "pollId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "groupId" TEXT,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PollParticipant_pkey" PRIMARY KEY ("pollId", "userId")
);

ALTER TABLE "PollParticipant" ADD CONSTRAINT "PollParticipant_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PollParticipant" ADD CONSTRAINT "PollParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PollResponse" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "groupId" TEXT,
    "answers" INTEGER[],
    "texts" TEXT[],
    "score" DOUBLE PRECISION,
    "flagged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PollResponse_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PollResponse_pollId_groupId_idx" ON "PollResponse"("pollId", "groupId");
ALTER TABLE "PollResponse" ADD CONSTRAINT "PollResponse_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
