-- Answers are mixed before they count (issue 14, "No link in storage"). An answer first waits in
-- "PollPendingResponse" (no user, no time, a random id), written in a transaction of its own,
-- apart from the one that marks its author as answered. Once a poll has at least its threshold of
-- waiting answers (and at close), they are moved into "PollResponse" together with all of the
-- poll's earlier answers, rewritten in one transaction in a random physical order, and the
-- tables are vacuumed: no xmin, ctid or dump order then ties an answer to a person or a time.

CREATE TABLE "PollPendingResponse" (
    "id" TEXT NOT NULL,
    "pollId" TEXT NOT NULL,
    "groupId" TEXT,
    "answers" INTEGER[],
    "texts" TEXT[],
    "score" DOUBLE PRECISION,
    "flagged" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PollPendingResponse_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PollPendingResponse_pollId_idx" ON "PollPendingResponse"("pollId");
ALTER TABLE "PollPendingResponse" ADD CONSTRAINT "PollPendingResponse_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Answers stored before this migration were written in the same transaction as their author's
-- "answered" flag. Rewrite both tables now, in a random order and with new answer ids, so those
-- shared transaction ids and physical orders are gone (one transaction for every row of both
-- tables links nothing). The dead versions are vacuumed by the first mix after start-up (VACUUM
-- cannot run inside this migration's transaction) or by autovacuum on PostgreSQL.
WITH old AS (DELETE FROM "PollResponse" RETURNING *)
INSERT INTO "PollResponse" ("id", "pollId", "groupId", "answers", "texts", "score", "flagged")
SELECT gen_random_uuid()::text, "pollId", "groupId", "answers", "texts", "score", "flagged" FROM old ORDER BY random();

WITH old AS (DELETE FROM "PollParticipant" RETURNING *)
INSERT INTO "PollParticipant" ("pollId", "userId", "groupId", "answered")
SELECT "pollId", "userId", "groupId", "answered" FROM old ORDER BY random();
