-- The outbox (issue 16): every private message is a row per recipient, delivered by workers on
-- any replica with FOR UPDATE SKIP LOCKED, paced per conversation and per workspace.
CREATE TABLE "OutboxBatch" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "reportToId" TEXT,
    "total" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3),
    CONSTRAINT "OutboxBatch_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OutboxBatch_subject_key" ON "OutboxBatch"("subject");
CREATE INDEX "OutboxBatch_reportedAt_idx" ON "OutboxBatch"("reportedAt");
CREATE INDEX "OutboxBatch_workspace_idx" ON "OutboxBatch"("workspace");
ALTER TABLE "OutboxBatch" ADD CONSTRAINT "OutboxBatch_reportToId_fkey" FOREIGN KEY ("reportToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "batchId" TEXT,
    "lane" TEXT NOT NULL,
    "pool" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "message" JSONB,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),
    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OutboxMessage_state_check" CHECK ("state" IN ('pending', 'sending', 'sent', 'failed', 'unknown'))
);
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");
CREATE INDEX "OutboxMessage_batchId_idx" ON "OutboxMessage"("batchId");
CREATE INDEX "OutboxMessage_personId_idx" ON "OutboxMessage"("personId");
CREATE INDEX "OutboxMessage_workspace_idx" ON "OutboxMessage"("workspace");
-- Workers read only what is still to do: the settled history never slows a claim.
CREATE INDEX "OutboxMessage_due_idx" ON "OutboxMessage"("position", "createdAt") WHERE "state" = 'pending';
CREATE INDEX "OutboxMessage_sending_idx" ON "OutboxMessage"("leaseUntil") WHERE "state" = 'sending';
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_personId_fkey" FOREIGN KEY ("personId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "OutboxBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "OutboxLane" (
    "lane" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OutboxLane_pkey" PRIMARY KEY ("lane")
);
