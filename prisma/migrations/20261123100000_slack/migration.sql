-- Slack: installations from the OAuth flow, repeated deliveries, and people's own choices
-- of language and time zone (which the platform profile must not overwrite).

ALTER TABLE "User" ADD COLUMN "localeChosen" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "timeZoneChosen" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "teamId" TEXT,
    "botUserId" TEXT NOT NULL,
    "botToken" TEXT NOT NULL,
    "installation" JSONB NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "InboundDelivery" (
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundDelivery_pkey" PRIMARY KEY ("platform","key")
);

CREATE INDEX "InboundDelivery_receivedAt_idx" ON "InboundDelivery"("receivedAt");
