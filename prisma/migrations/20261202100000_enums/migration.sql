-- String columns whose values are fixed become enums (issue 17): the database refuses a value
-- Lederrum never writes, and the generated client types them, so src/store reads them without
-- casts. Open-ended columns stay text: a schedule's kind (rows of other versions are refused per
-- occurrence), an outbox outcome (an error code), InboundDelivery.platform (also 'teams-hint'),
-- Teams' conversation and channel types (the platform's words), languages (content decides).
--
-- The CHECK constraints that listed the same values compare with text and would block the type
-- change; the enums replace them. Agreement_group_kind_check is a rule, not a list, and the
-- outbox's partial indexes select by state: they are dropped and made again, unchanged, on the
-- enum columns. Defaults are dropped and set again around the type change (a text default does
-- not cast itself). One statement per table: each table is rewritten once.

CREATE TYPE "Platform" AS ENUM ('playground', 'slack', 'teams');
CREATE TYPE "NudgeLevel" AS ENUM ('off', 'light', 'normal');
CREATE TYPE "WorkspaceRoleName" AS ENUM ('hr', 'admin');
CREATE TYPE "GroupRole" AS ENUM ('member', 'facilitator');
CREATE TYPE "CheckinStatus" AS ENUM ('open', 'closed');
CREATE TYPE "RoundKind" AS ENUM ('since_last', 'take_away');
CREATE TYPE "RoundStatus" AS ENUM ('open', 'closed');
CREATE TYPE "OccurrenceStatus" AS ENUM ('claimed', 'sent', 'failed', 'skipped', 'unknown');
CREATE TYPE "ToolSessionStatus" AS ENUM ('active', 'paused', 'done');
CREATE TYPE "AgreementKind" AS ENUM ('personal', 'group', 'trial');
CREATE TYPE "AgreementVisibility" AS ENUM ('private', 'group');
CREATE TYPE "AgreementStatus" AS ENUM ('active', 'adjusted', 'kept', 'stopped');
CREATE TYPE "AgreementSource" AS ENUM ('direct', 'takeaway', 'tool');
CREATE TYPE "FollowUpOutcome" AS ENUM ('kept', 'adjusted', 'postponed', 'stopped', 'unanswered');
CREATE TYPE "AgreementEventKind" AS ENUM ('made', 'kept', 'adjusted', 'postponed', 'stopped', 'unanswered', 'flagged', 'benefit');
CREATE TYPE "Benefit" AS ENUM ('more', 'matched', 'less');
CREATE TYPE "PollStatus" AS ENUM ('scheduled', 'open', 'closed', 'cancelled');
CREATE TYPE "PersonPostKind" AS ENUM ('answer', 'summary', 'tool_share', 'follow_up', 'agreement', 'notice');
CREATE TYPE "OutboxState" AS ENUM ('pending', 'sending', 'sent', 'failed', 'unknown');

ALTER TABLE "Agreement" DROP CONSTRAINT "Agreement_kind_check";
ALTER TABLE "Agreement" DROP CONSTRAINT "Agreement_visibility_check";
ALTER TABLE "Agreement" DROP CONSTRAINT "Agreement_status_check";
ALTER TABLE "Agreement" DROP CONSTRAINT "Agreement_group_kind_check";
ALTER TABLE "Poll" DROP CONSTRAINT "Poll_status_check";
ALTER TABLE "PersonPost" DROP CONSTRAINT "PersonPost_kind_check";
ALTER TABLE "OutboxMessage" DROP CONSTRAINT "OutboxMessage_state_check";
DROP INDEX "OutboxMessage_due_idx";
DROP INDEX "OutboxMessage_sending_idx";

ALTER TABLE "User"
  ALTER COLUMN "platform" TYPE "Platform" USING "platform"::"Platform",
  ALTER COLUMN "nudgeLevel" DROP DEFAULT,
  ALTER COLUMN "nudgeLevel" TYPE "NudgeLevel" USING "nudgeLevel"::"NudgeLevel",
  ALTER COLUMN "nudgeLevel" SET DEFAULT 'normal';
ALTER TABLE "WorkspaceRole"
  ALTER COLUMN "role" TYPE "WorkspaceRoleName" USING "role"::"WorkspaceRoleName";
ALTER TABLE "Group"
  ALTER COLUMN "platform" TYPE "Platform" USING "platform"::"Platform";
ALTER TABLE "Membership"
  ALTER COLUMN "role" TYPE "GroupRole" USING "role"::"GroupRole";
ALTER TABLE "Checkin"
  ALTER COLUMN "status" TYPE "CheckinStatus" USING "status"::"CheckinStatus";
ALTER TABLE "Round"
  ALTER COLUMN "kind" TYPE "RoundKind" USING "kind"::"RoundKind",
  ALTER COLUMN "status" TYPE "RoundStatus" USING "status"::"RoundStatus";
ALTER TABLE "Occurrence"
  ALTER COLUMN "status" TYPE "OccurrenceStatus" USING "status"::"OccurrenceStatus";
ALTER TABLE "ToolSession"
  ALTER COLUMN "status" TYPE "ToolSessionStatus" USING "status"::"ToolSessionStatus";
ALTER TABLE "Agreement"
  ALTER COLUMN "kind" TYPE "AgreementKind" USING "kind"::"AgreementKind",
  ALTER COLUMN "visibility" TYPE "AgreementVisibility" USING "visibility"::"AgreementVisibility",
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "AgreementStatus" USING "status"::"AgreementStatus",
  ALTER COLUMN "status" SET DEFAULT 'active',
  ALTER COLUMN "source" DROP DEFAULT,
  ALTER COLUMN "source" TYPE "AgreementSource" USING "source"::"AgreementSource",
  ALTER COLUMN "source" SET DEFAULT 'direct';
ALTER TABLE "AgreementFollowUp"
  ALTER COLUMN "answer" TYPE "FollowUpOutcome" USING "answer"::"FollowUpOutcome";
ALTER TABLE "AgreementEvent"
  ALTER COLUMN "kind" TYPE "AgreementEventKind" USING "kind"::"AgreementEventKind",
  ALTER COLUMN "benefit" TYPE "Benefit" USING "benefit"::"Benefit";
ALTER TABLE "Poll"
  ALTER COLUMN "platform" TYPE "Platform" USING "platform"::"Platform",
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "PollStatus" USING "status"::"PollStatus",
  ALTER COLUMN "status" SET DEFAULT 'scheduled';
ALTER TABLE "PersonPost"
  ALTER COLUMN "platform" TYPE "Platform" USING "platform"::"Platform",
  ALTER COLUMN "kind" TYPE "PersonPostKind" USING "kind"::"PersonPostKind";
ALTER TABLE "DataRemoval"
  ALTER COLUMN "platform" TYPE "Platform" USING "platform"::"Platform";
ALTER TABLE "OutboxMessage"
  ALTER COLUMN "platform" TYPE "Platform" USING "platform"::"Platform",
  ALTER COLUMN "state" DROP DEFAULT,
  ALTER COLUMN "state" TYPE "OutboxState" USING "state"::"OutboxState",
  ALTER COLUMN "state" SET DEFAULT 'pending';

ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_group_kind_check" CHECK ("kind" <> 'group' OR ("groupId" IS NOT NULL AND "visibility" = 'group'));
CREATE INDEX "OutboxMessage_due_idx" ON "OutboxMessage"("position", "createdAt") WHERE "state" = 'pending';
CREATE INDEX "OutboxMessage_sending_idx" ON "OutboxMessage"("leaseUntil") WHERE "state" = 'sending';
