-- Teams: the conversation references the bot needs for proactive messages.

CREATE TABLE "TeamsConversation" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tenantId" TEXT,
    "memberExternalId" TEXT,
    "reference" JSONB NOT NULL,
    "botPresent" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamsConversation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "TeamsConversation_memberExternalId_idx" ON "TeamsConversation"("memberExternalId");
