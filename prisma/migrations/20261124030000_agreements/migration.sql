-- Agreements and follow-ups: personal and group agreements and trial actions, each follow-up
-- answered once, and every agreement's history. The checks repeat the core's rules so that no
-- path can store an empty agreement or an effort/benefit outside 1-5.

CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "groupId" TEXT,
    "ownerId" TEXT,
    "visibility" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "followUpDate" TEXT,
    "repeatWeeks" INTEGER,
    "expectedEffort" INTEGER NOT NULL,
    "expectedBenefit" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'direct',
    "sourceRef" TEXT,
    "quietSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Agreement_kind_check" CHECK ("kind" IN ('personal', 'group', 'trial')),
    CONSTRAINT "Agreement_visibility_check" CHECK ("visibility" IN ('private', 'group')),
    CONSTRAINT "Agreement_status_check" CHECK ("status" IN ('active', 'adjusted', 'kept', 'stopped')),
    CONSTRAINT "Agreement_text_check" CHECK (length(btrim("text")) > 0),
    CONSTRAINT "Agreement_effort_check" CHECK ("expectedEffort" BETWEEN 1 AND 5),
    CONSTRAINT "Agreement_benefit_check" CHECK ("expectedBenefit" BETWEEN 1 AND 5),
    CONSTRAINT "Agreement_group_kind_check" CHECK ("kind" <> 'group' OR ("groupId" IS NOT NULL AND "visibility" = 'group'))
);

CREATE INDEX "Agreement_ownerId_idx" ON "Agreement"("ownerId");
CREATE INDEX "Agreement_groupId_idx" ON "Agreement"("groupId");

ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "AgreementFollowUp" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "messageRef" TEXT,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "AgreementFollowUp_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AgreementFollowUp_agreementId_dueDate_key" ON "AgreementFollowUp"("agreementId", "dueDate");

ALTER TABLE "AgreementFollowUp" ADD CONSTRAINT "AgreementFollowUp_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "AgreementEvent" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "previousText" TEXT,
    "followUpDate" TEXT,
    "benefit" TEXT,

    CONSTRAINT "AgreementEvent_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AgreementEvent_agreementId_at_idx" ON "AgreementEvent"("agreementId", "at");

ALTER TABLE "AgreementEvent" ADD CONSTRAINT "AgreementEvent_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgreementEvent" ADD CONSTRAINT "AgreementEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
