-- Teams: the team a channel belongs to and the kind of channel, so that a team's membership
-- changes (sent on its General channel) reach groups in its other channels, and private or
-- shared channels follow their own roster.

ALTER TABLE "TeamsConversation" ADD COLUMN "teamId" TEXT;
ALTER TABLE "TeamsConversation" ADD COLUMN "channelType" TEXT;

CREATE INDEX "TeamsConversation_teamId_idx" ON "TeamsConversation"("teamId");
