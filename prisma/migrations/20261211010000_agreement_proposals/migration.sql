-- A group agreement is proposed by one member; the group accepts or declines it (issue 20).
-- The first answer counts, decided by a conditional update of "decision"; who answered is kept
-- in the agreement's history as an event. The group's post is kept to be edited when it answers.
CREATE TYPE "AgreementDecision" AS ENUM ('accepted', 'declined');
ALTER TYPE "AgreementEventKind" ADD VALUE 'accepted';
ALTER TYPE "AgreementEventKind" ADD VALUE 'declined';

ALTER TABLE "Agreement"
  ADD COLUMN "messageRef" TEXT,
  ADD COLUMN "decision" "AgreementDecision",
  ADD COLUMN "decidedAt" TIMESTAMP(3);
