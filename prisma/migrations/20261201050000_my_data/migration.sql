-- A member's data rights (issue 15): the bot's posts that carry a person's words are recorded so
-- "delete my data" can edit them on the platform, and an uninstalled workspace's data waits out a
-- grace period in DataRemoval before the scheduler deletes it.

CREATE TABLE "PersonPost" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageRef" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PersonPost_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PersonPost_kind_check" CHECK ("kind" IN ('answer', 'summary', 'tool_share', 'follow_up'))
);
CREATE UNIQUE INDEX "PersonPost_userId_messageRef_key" ON "PersonPost"("userId", "messageRef");
CREATE INDEX "PersonPost_userId_idx" ON "PersonPost"("userId");
ALTER TABLE "PersonPost" ADD CONSTRAINT "PersonPost_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DataRemoval" (
    "platform" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "deleteAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    CONSTRAINT "DataRemoval_pkey" PRIMARY KEY ("platform", "workspace", "scope")
);
CREATE INDEX "DataRemoval_deleteAt_idx" ON "DataRemoval"("deleteAt");
