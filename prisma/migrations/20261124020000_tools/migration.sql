-- Tool prompts: guided-tool sessions (private to their member) and check-in themes.

ALTER TABLE "Group" ADD COLUMN "nextTheme" TEXT;
ALTER TABLE "Checkin" ADD COLUMN "theme" TEXT;

CREATE TABLE "ToolSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "stepId" TEXT,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ToolSession_userId_toolId_idx" ON "ToolSession"("userId", "toolId");

ALTER TABLE "ToolSession" ADD CONSTRAINT "ToolSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
